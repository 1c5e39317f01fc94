import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import type { EditType, Row } from "../editing/definition";
import type { EditableRecord, EditService } from "../editing/service";
import type { FieldError } from "../errors";
import { paths } from "../paths";
import type { RecordStore } from "../records/store";
import { createChoices, type Choices } from "./choices";
import { createFormsRepository, type FormsRepository } from "./repository";
import type { FieldGroup } from "./spec";

/** The case a form's record belongs to, for records that live under /staff/cases/:slug/. */
export type FormScope = { caseId: number; caseSlug: string; caseLabel: string } | null;

/** What a form declaration may read. */
export type FormDeps = { editing: EditService; repo: FormsRepository; choices: Choices; db: Db; store: RecordStore };

export function formDeps(app: FastifyInstance): FormDeps {
  const repo = createFormsRepository(app.db);
  return { editing: app.editing, repo, choices: createChoices(repo), db: app.db, store: app.store };
}

export type FormContext = {
  scope: FormScope;
  deps: FormDeps;
  /** The stored record (edit pages), or null (new). */
  record: EditableRecord | null;
  /** The form body being re-shown, or the query string of a new form (`?recordType=case&recordId=4`). */
  input: Row;
};

/** Records listed on a page with links (a motion's arguments, a case's recent entries). */
export type RelatedList = {
  heading: string;
  items: { text: string; href: string | null; note: string | null }[];
  empty: string;
  add: { href: string; label: string } | null;
};

/** A button that posts (mark a deadline met); the page adds the CSRF field. */
export type PageAction = { label: string; action: string; fields: { name: string; value: string }[] };

/**
 * One record type's forms, declared: which fields, where the record is shown, and the few
 * rules the write service does not know (a party must be of the case in the URL).
 */
export type RecordFormConfig = {
  type: EditType;
  /** URL segment: /staff/<segment> or /staff/cases/:slug/<segment>. */
  segment: string;
  underCase: boolean;
  /** In words: "docket entry", "platform notice". */
  noun: string;
  groups(ctx: FormContext): FieldGroup[];
  /** The page that shows the record (a redirect target after saving). */
  showHref(record: EditableRecord, scope: FormScope, deps: FormDeps): string;
  /** The record in a confirmation or a heading ("ECF No. 12, filed Friday, September 19, 2025"). */
  describe(record: EditableRecord, deps: FormDeps): string;
  /** The case of a record that has no caseId column (counsel through its party, an argument through its motion). */
  caseIdOf?(record: EditableRecord, deps: FormDeps): number | null;
  /** Fills in what the form leaves to the app (an entry's kind guessed from its text), before validation. */
  prepareInput?(input: Row, mode: "create" | "update"): Row;
  /** Rules of the form's scope (an id of this case), checked before the write service's. */
  check?(input: Row, scope: FormScope, deps: FormDeps): FieldError[];
  /** Where "save" goes for a new record, when not to the record (the quick entry form comes back empty). */
  afterCreate?(record: EditableRecord, scope: FormScope): string;
  /** Where a staff list links a record, when not to its edit page (a case: its staff page). */
  listHref?(record: EditableRecord): string;
  /** Lists and buttons shown on the edit page below the form. */
  related?(record: EditableRecord, scope: FormScope, deps: FormDeps): RelatedList[];
  actions?(record: EditableRecord, scope: FormScope, deps: FormDeps): PageAction[];
  /** Lists shown on the new-record page (the case's latest entries). */
  newRelated?(scope: FormScope, deps: FormDeps): RelatedList[];
  /** Words of the new page's heading and button ("Add a docket entry", "Save and add another"). */
  newTitle?: string;
  createLabel?: string;
  /** Entries are struck, never deleted. */
  removal: "delete" | "strike";
};

/** Every declared form by record type, so a fact-source form can name the fields of the record it backs. */
export const FORM_CONFIGS = new Map<EditType, RecordFormConfig>();

/** How a record is named in its URL: its slug for a case, its id for the rest. */
export const refOf = (config: RecordFormConfig, record: Row) => (config.type === "case" ? String(record.slug) : String(record.id));

/** The case a record belongs to, for records of a case. */
export function scopeOf(config: RecordFormConfig, record: EditableRecord, deps: FormDeps): FormScope {
  if (!config.underCase) return null;
  const caseId = config.caseIdOf ? config.caseIdOf(record, deps) : (record.caseId as number | null);
  const kase = caseId === null || caseId === undefined ? undefined : deps.editing.find("case", caseId);
  return kase ? { caseId: kase.id, caseSlug: String(kase.slug), caseLabel: String(kase.label) } : null;
}

/** The edit page of any record that has a form; null for types without one. */
export function editHrefOf(type: string, id: number, deps: FormDeps): string | null {
  const config = FORM_CONFIGS.get(type as EditType);
  const record = config && deps.editing.find(config.type, id);
  if (!config || !record) return null;
  const scope = scopeOf(config, record, deps);
  if (config.underCase && !scope) return null;
  return paths.staffRecordEdit(config.segment, refOf(config, record), scope?.caseSlug);
}

/** An id the form sent must name a live record of the case in the URL. */
export function ofThisCase(
  deps: FormDeps,
  scope: FormScope,
  type: "party" | "motion" | "entry",
  field: string,
  id: unknown,
  what: string,
): FieldError[] {
  if (id === null || id === undefined) return [];
  const row = deps.editing.find(type, id as number);
  return row && !row.deletedAt && row.caseId === scope?.caseId ? [] : [{ path: field, message: `must be ${what} of this case` }];
}
