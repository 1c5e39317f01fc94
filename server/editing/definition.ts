import type { z } from "zod";
import type { Db } from "../../db/client";
import type { FieldError } from "../errors";
import type { Actor, RecordStore } from "../records/store";
import type { EditableType, RecordInsert, RecordRow } from "../records/tables";
import type { EditRepository, IdSetName } from "./repository";

/** The record types staff edit through forms and the write API. */
export const EDIT_TYPES = [
  "subpoena",
  "account",
  "notice",
  "case",
  "party",
  "attorney",
  "representation",
  "entry",
  "motion",
  "argument",
  "authority",
  "order",
  "coverage",
  "hearing",
  "deadline",
  "event",
  "source",
  "fact_source",
] as const satisfies readonly EditableType[];
export type EditType = (typeof EDIT_TYPES)[number];

export type Row = Record<string, unknown>;
export type Links = Record<string, unknown>;

/**
 * The columns a write of a T sets, each optional: an update sends only what changes, and a
 * create's missing columns are derived (prepare) or checked (the record store refuses a
 * required column left out).
 */
export type Columns<T extends EditType> = Partial<RecordInsert<T>>;

/** What a definition's hooks may use. All of it runs inside the write's transaction. */
export type EditContext = {
  /** The connection the write runs on, for services that read before they write (server/schedule). */
  db: Db;
  repo: EditRepository;
  store: RecordStore;
  actor: Actor;
  reason: string | null;
  now: () => string;
};

/** A column that names another record. `sameCase`: it must belong to the same case as this one. */
export type RefSpec = { type: EditableType; sameCase?: boolean };

export type WriteEvent<T extends EditType = EditType> = {
  action: "create" | "update" | "delete" | "restore";
  row: RecordRow<T>;
  before: RecordRow<T> | null;
  linksBefore: Links | null;
  linksAfter: Links | null;
};

/**
 * Link-table rows edited with the record (movants, dispositions…), recorded in its revisions.
 * `L` is their shape as `read` gives them; `normalize` turns what was sent into that shape (the
 * fields sent, each in canonical form), so `write` and `check` read typed values.
 */
export type LinkSpec<T extends EditType = EditType, L extends Links = Links> = {
  fields: readonly (keyof L & string)[];
  read(ctx: EditContext, id: number): L;
  /** The links as sent, in the form `read` returns, so before and after compare. */
  normalize(input: Links): Partial<L>;
  write(ctx: EditContext, owner: RecordRow<T>, next: Partial<L>): void;
  check?(ctx: EditContext, owner: Columns<T>, next: Partial<L>): FieldError[];
};

/** A record type's link spec typed by its links' shape (`defineLinks<"order", OrderLinks>({...})`). */
export function defineLinks<T extends EditType, L extends Links>(spec: LinkSpec<T, L>): LinkSpec<T, L> {
  return spec;
}

/**
 * Everything the write service and the write API need to know about one record type, typed by
 * that type's row (db/schema): a hook reads `row.caseId` as the column's own type. The service
 * is generic; what differs between types lives here, in one folder per record type under
 * server/editing/records/.
 */
export type RecordDefinition<T extends EditType = EditType> = {
  type: T;
  /** URL segment of the API collection ("entries"). */
  plural: string;
  /** In words, for messages ("docket entry"). */
  label: string;
  /** OpenAPI tag the routes are listed under. */
  tag: string;
  /** Created under /cases/{id}/<plural>: the case comes from the path, not the body. */
  parent?: "case";
  /** The body of a create; column fields plus link fields. Strict: unknown fields are errors. */
  create: z.ZodObject;
  /** The body of an update: the same fields, all optional. */
  update: z.ZodObject;
  refs?: Record<string, RefSpec>;
  /** Columns whose value no other row may have ("slug", "tag"). */
  unique?: string[];
  // NoInfer: T comes from `type` alone, so a shared link spec (idSetLink) cannot widen it.
  links?: LinkSpec<NoInfer<T>>;
  /** Columns derived from the input (a slug from the title, the parts of a docket number). */
  prepare?(ctx: EditContext, values: Columns<T>, current: RecordRow<T> | null): Columns<T>;
  /** Rules over the record as it would be saved; field errors refuse the write. */
  check?(ctx: EditContext, row: Columns<T>, current: RecordRow<T> | null): FieldError[];
  /** Refreshes what derives from this record (a motion's status from an order), same transaction. */
  afterWrite?(ctx: EditContext, event: WriteEvent<T>): void;
  /** Throws when the record may not be hidden (a source that still backs facts). */
  beforeRemove?(ctx: EditContext, row: RecordRow<T>): void;
};

/** Every record type's definition, each typed by its own row. */
export type RecordDefinitions = { [T in EditType]: RecordDefinition<T> };

export function defineRecord<T extends EditType>(definition: RecordDefinition<T>): RecordDefinition<T> {
  return definition;
}

/** A text column's value, or null when it has none. */
const textOf = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** Rules every fuzzy date obeys: a latest day not before the earliest, and a date when the precision says one is known. */
export function fuzzyDateErrors(row: Row, name: string): FieldError[] {
  const errors: FieldError[] = [];
  const date = textOf(row[name]);
  const latest = textOf(row[`${name}Latest`]);
  const precision = textOf(row[`${name}Precision`]);
  if (latest && !date) errors.push({ path: name, message: `is required when ${name}Latest is given` });
  if (date && latest && latest < date) errors.push({ path: `${name}Latest`, message: `must not be before ${name}` });
  if (precision && precision !== "unknown" && !date) {
    errors.push({ path: name, message: `is required when ${name}Precision is "${precision}"` });
  }
  if (precision === "range" && !latest) errors.push({ path: `${name}Latest`, message: `is required when ${name}Precision is "range"` });
  return errors;
}

/** "Not before" between two plain dates of one record. */
export function dateOrderErrors(row: Row, earlier: string, later: string): FieldError[] {
  const a = textOf(row[earlier]);
  const b = textOf(row[later]);
  return a && b && b < a ? [{ path: later, message: `must not be before ${earlier}` }] : [];
}

/** `base`, or `base-2`, `base-3`… whichever no other row has. */
export function uniqueSlug(ctx: EditContext, type: EditType, base: string, exceptId: number | null): string {
  let candidate = base;
  for (let n = 2; ctx.repo.valueTaken(type, "slug", candidate, exceptId); n++) candidate = `${base}-${n}`;
  return candidate;
}

/** Sorted copy, so a set of ids compares equal whatever order it was sent in. */
export function sortedIds(ids: unknown): number[] {
  return [...((ids as number[] | undefined) ?? [])].sort((a, b) => a - b);
}

/** Every record type in words, for messages ("names no docket entry (id 9)"). */
export const TYPE_LABELS: Record<EditableType, string> = {
  court: "court",
  judge: "judge",
  organization: "organization",
  person: "person",
  attorney: "attorney",
  subpoena: "subpoena",
  account: "account",
  notice: "platform notice",
  case: "case",
  party: "party",
  representation: "representation",
  entry: "docket entry",
  document: "document",
  motion: "motion",
  order: "order",
  coverage: "stay coverage",
  hearing: "hearing",
  deadline: "deadline",
  event: "event",
  authority: "authority",
  argument: "argument",
  doctrine: "doctrine",
  cite: "cites link",
  source: "source",
  fact_source: "fact source",
  conflict: "conflict",
};

/** A field error when `id` names no live record of `type` (or one of another case). */
export function recordErrors(
  ctx: EditContext,
  path: string,
  id: unknown,
  type: EditableType,
  label: string,
  sameCaseAs?: unknown,
): FieldError[] {
  const row: Row | undefined = ctx.repo.byId(type, id as number);
  if (!row || row.deletedAt) return [{ path, message: `names no ${label} (id ${String(id)})` }];
  if (sameCaseAs !== undefined && row.caseId !== sameCaseAs) return [{ path, message: `must be a ${label} of the same case` }];
  return [];
}

/** Field errors for each id of a link set that names no live record (or one in another case). */
export function memberErrors(
  ctx: EditContext,
  field: string,
  ids: readonly number[] | undefined,
  type: EditableType,
  label: string,
  sameCaseAs?: unknown,
): FieldError[] {
  return (ids ?? []).flatMap((id, i) => recordErrors(ctx, `${field}.${i}`, id, type, label, sameCaseAs));
}

/**
 * A link set of record ids kept in one link table (a case's subpoenas, a motion's movants),
 * read, compared, replaced whole and checked alike for every record type that has one.
 * `sameCase`: every member must belong to the owner's case.
 */
export function idSetLink(
  field: string,
  table: IdSetName,
  member: { type: EditableType; label: string; sameCase?: boolean },
): LinkSpec<EditType, Record<string, number[]>> {
  return {
    fields: [field],
    read: (ctx, id) => ({ [field]: ctx.repo.idSet(table, id) }),
    normalize: (input) => (input[field] === undefined ? {} : { [field]: sortedIds(input[field]) }),
    write(ctx, owner, next) {
      const ids = next[field];
      if (ids !== undefined) ctx.repo.replaceIdSet(table, Number(owner.id), ids);
    },
    check: (ctx, owner, next) =>
      memberErrors(ctx, field, next[field], member.type, member.label, member.sameCase && "caseId" in owner ? owner.caseId : undefined),
  };
}

/**
 * The link fields present in an input, in canonical form: "ids" sorts a set of ids, "list"
 * keeps the order, a function maps the value. Absent fields stay absent (an update that does
 * not send them leaves them alone).
 */
export function normalizeLinks(input: Links, spec: Record<string, "ids" | "list" | ((value: unknown) => unknown)>): Links {
  const out: Links = {};
  for (const [field, how] of Object.entries(spec)) {
    const value = input[field];
    if (value === undefined) continue;
    out[field] = how === "ids" ? sortedIds(value) : how === "list" ? value : how(value);
  }
  return out;
}
