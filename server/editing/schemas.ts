import type { z } from "zod";
import type { EditType } from "./definition";
import { RECORD_DEFINITIONS } from "./records";

/*
 * The edit schemas of every record type, by name. Field names are the columns' property names
 * (camelCase), the same in the API's JSON, the forms' inputs and the revisions. Create schemas
 * say what is required; update schemas are the same fields, all optional. Both are strict: a
 * field that is not listed is an error, not silently dropped.
 */
export { CaseCreate, CaseUpdate } from "./records/cases/schema";
export { EntryCreate, EntryUpdate } from "./records/entries/schema";
export { PartyCreate, PartyUpdate } from "./records/parties/schema";
export { AttorneyCreate, AttorneyUpdate } from "./records/attorneys/schema";
export { RepresentationCreate, RepresentationUpdate } from "./records/representations/schema";
export { MotionCreate, MotionUpdate } from "./records/motions/schema";
export { ArgumentCreate, ArgumentUpdate } from "./records/arguments/schema";
export { OrderCreate, OrderUpdate, CoverageItem } from "./records/orders/schema";
export { CoverageCreate, CoverageUpdate } from "./records/coverages/schema";
export { HearingCreate, HearingUpdate } from "./records/hearings/schema";
export { DeadlineCreate, DeadlineUpdate } from "./records/deadlines/schema";
export { SubpoenaCreate, SubpoenaUpdate } from "./records/subpoenas/schema";
export { AccountCreate, AccountUpdate } from "./records/accounts/schema";
export { NoticeCreate, NoticeUpdate } from "./records/notices/schema";
export { EventCreate, EventUpdate } from "./records/events/schema";
export { SourceCreate, SourceUpdate } from "./records/sources/schema";
export { FactSourceCreate, FactSourceUpdate } from "./records/fact-sources/schema";

/** `editSchemas("entry").create` and `.update`, for code that works on any record type. */
export function editSchemas(type: EditType): { create: z.ZodObject; update: z.ZodObject } {
  const definition = RECORD_DEFINITIONS[type];
  return { create: definition.create, update: definition.update };
}
