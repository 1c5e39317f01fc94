import type { z } from "zod";
import type { EditType } from "./definition";
import { RECORD_DEFINITIONS } from "./records";

/*
 * The edit schemas of every record type, by name. Field names are the columns' property names
 * (camelCase), the same in the API's JSON, the forms' inputs and the revisions. Create schemas
 * say what is required; update schemas are the same fields, all optional. Both are strict: a
 * field that is not listed is an error, not silently dropped.
 */
export { CaseCreate, CaseUpdate, PartyCreate, PartyUpdate, AttorneyCreate, AttorneyUpdate, RepresentationCreate, RepresentationUpdate } from "./records/cases";
export { EntryCreate, EntryUpdate } from "./records/docket";
export { MotionCreate, MotionUpdate, ArgumentCreate, ArgumentUpdate } from "./records/motions";
export {
  OrderCreate,
  OrderUpdate,
  CoverageItem,
  CoverageCreate,
  CoverageUpdate,
  HearingCreate,
  HearingUpdate,
  DeadlineCreate,
  DeadlineUpdate,
} from "./records/orders";
export { SubpoenaCreate, SubpoenaUpdate, AccountCreate, AccountUpdate, NoticeCreate, NoticeUpdate } from "./records/subpoenas";
export { EventCreate, EventUpdate } from "./records/events";
export { SourceCreate, SourceUpdate, FactSourceCreate, FactSourceUpdate } from "./records/sources";

/** `editSchemas("entry").create` and `.update`, for code that works on any record type. */
export function editSchemas(type: EditType): { create: z.ZodObject; update: z.ZodObject } {
  const definition = RECORD_DEFINITIONS[type];
  return { create: definition.create, update: definition.update };
}
