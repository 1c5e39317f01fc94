import { diffWordsWithSpace } from "diff";
import { LINKS_KEY } from "../records/store";
import type { EditableType } from "../records/tables";
import { COVERAGE_STATUS_LABELS, MOTION_STATUS_LABELS, label } from "../shared/labels";
import { LINK_ID_SETS, REF_FIELDS, fieldLabel, typeLabel } from "./labels";

/**
 * What one revision changed, field by field, for the history page: short values as
 * "before → after", long texts as a word-level diff (jsdiff), link sets as items added and
 * removed. Pure: the names of records that ids point to come in through `refName`.
 */

type Row = Record<string, unknown>;

/** The name of the record an id points to, when it is known. */
export type RefName = (type: EditableType, id: unknown) => string | null;

export type ValueView = { text: string; empty: boolean };
export type TextSegment = { text: string; ins: boolean; del: boolean };
export type FieldChange = {
  field: string;
  label: string;
  /** A word diff of a long text, in `segments`; otherwise `before` → `after`. */
  isText: boolean;
  segments: TextSegment[];
  before: ValueView;
  after: ValueView;
};
export type LinkChange = { field: string; label: string; added: string[]; removed: string[] };

/** Bookkeeping columns: the revision's own who/when/version say these. */
const SKIPPED = new Set(["id", "createdAt", "updatedAt", "version", "deletedAt", LINKS_KEY]);
/** Too long to print: a PDF's whole text. Shown by length. */
const SUMMARISED = new Set(["extractedText"]);
/** A text this long, or on several lines, is compared word by word. */
const LONG_TEXT = 60;
/** jsdiff gives up after this long on two very different texts; the change is then shown whole. */
const DIFF_TIMEOUT_MS = 250;

const EMPTY: ValueView = { text: "empty", empty: true };

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

function formatValue(field: string, value: unknown, refName: RefName): ValueView {
  if (isBlank(value)) return EMPTY;
  if (SUMMARISED.has(field) && typeof value === "string")
    return { text: `${value.length.toLocaleString("en-US")} characters of text`, empty: false };
  if (typeof value === "boolean") return { text: value ? "yes" : "no", empty: false };
  const refType = REF_FIELDS[field];
  if (refType) {
    const name = refName(refType, value);
    return { text: name ? `${name} (#${String(value)})` : `${typeLabel(refType)} #${String(value)}`, empty: false };
  }
  if (typeof value === "object") return { text: JSON.stringify(value), empty: false };
  return { text: String(value), empty: false };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

function isLongText(a: unknown, b: unknown): a is string {
  if (typeof a !== "string" || typeof b !== "string" || a === "" || b === "") return false;
  return a.length > LONG_TEXT || b.length > LONG_TEXT || a.includes("\n") || b.includes("\n");
}

/** Word-level diff of two texts, or null when jsdiff ran out of time. */
export function wordSegments(before: string, after: string): TextSegment[] | null {
  // Whitespace counts as a token, so the old and the new text can each be read back exactly.
  const changes = diffWordsWithSpace(before, after, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) return null;
  return changes.map((c) => ({ text: c.value, ins: c.added, del: c.removed }));
}

/** The fields a revision changed (for a create: every field it set), in the record's column order. */
export function fieldChanges(before: Row | null, after: Row | null, refName: RefName): FieldChange[] {
  const fields = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])].filter((f) => !SKIPPED.has(f));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const a = before?.[field];
    const b = after?.[field];
    if (sameValue(a, b)) continue;
    const segments = !SUMMARISED.has(field) && isLongText(a, b) ? wordSegments(a, b as string) : null;
    changes.push({
      field,
      label: fieldLabel(field),
      isText: segments !== null,
      segments: segments ?? [],
      before: formatValue(field, a, refName),
      after: formatValue(field, b, refName),
    });
  }
  return changes;
}

function describeLinkItem(field: string, item: unknown, refName: RefName): string {
  const named = (type: EditableType, id: unknown) => {
    const name = refName(type, id);
    return name ? `${name} (#${String(id)})` : `${typeLabel(type)} #${String(id)}`;
  };
  const idType = LINK_ID_SETS[field];
  if (idType) return named(idType, item);
  if (typeof item === "string") return item;
  if (item && typeof item === "object") {
    const o = item as Row;
    if (field === "dispositions") return `${named("motion", o.motionId)}: ${label(MOTION_STATUS_LABELS, o.disposition as string)}`;
    if (field === "coverage") {
      const account = isBlank(o.accountId) ? "all accounts" : named("account", o.accountId);
      const status = label(COVERAGE_STATUS_LABELS, (o.status as string | undefined) ?? "in_force");
      return `${named("subpoena", o.subpoenaId)}, ${account}: ${status}${o.endCondition ? ` (${String(o.endCondition)})` : ""}`;
    }
    if (field === "related" && typeof o.recordType === "string") {
      return `${named(o.recordType as EditableType, o.recordId)}, ${String(o.role)}`;
    }
  }
  return JSON.stringify(item);
}

/** Items added to and removed from each link set (`$links`) between two revisions. */
export function linkChanges(before: Row | null, after: Row | null, refName: RefName): LinkChange[] {
  const linksBefore = (before?.[LINKS_KEY] as Row | undefined) ?? {};
  const linksAfter = (after?.[LINKS_KEY] as Row | undefined) ?? {};
  // A revision written without links (an import, the seed) says nothing about them.
  if (!after?.[LINKS_KEY]) return [];
  const changes: LinkChange[] = [];
  for (const field of Object.keys(linksAfter)) {
    const was = (linksBefore[field] as unknown[] | undefined) ?? [];
    const now = (linksAfter[field] as unknown[] | undefined) ?? [];
    const key = (item: unknown) => JSON.stringify(item);
    const wasKeys = new Set(was.map(key));
    const nowKeys = new Set(now.map(key));
    const added = now.filter((item) => !wasKeys.has(key(item))).map((item) => describeLinkItem(field, item, refName));
    const removed = was.filter((item) => !nowKeys.has(key(item))).map((item) => describeLinkItem(field, item, refName));
    // An ordered list (demands) that only changed order.
    const reordered = added.length === 0 && removed.length === 0 && key(was) !== key(now);
    if (added.length || removed.length) changes.push({ field, label: fieldLabel(field), added, removed });
    else if (reordered)
      changes.push({
        field,
        label: `${fieldLabel(field)} (order changed)`,
        added: now.map((item) => describeLinkItem(field, item, refName)),
        removed: [],
      });
  }
  return changes;
}

/** Every record an id in these revisions points to, so their names can be loaded at once. */
export function referencedRecords(rows: (Row | null)[]): { type: EditableType; id: string }[] {
  const refs = new Map<string, { type: EditableType; id: string }>();
  const add = (type: EditableType, id: unknown) => {
    if (isBlank(id) || typeof id === "object") return;
    refs.set(`${type}:${String(id)}`, { type, id: String(id) });
  };
  for (const row of rows) {
    if (!row) continue;
    for (const [field, value] of Object.entries(row)) {
      const type = REF_FIELDS[field];
      if (type) add(type, value);
    }
    const links = (row[LINKS_KEY] as Row | undefined) ?? {};
    for (const [field, items] of Object.entries(links)) {
      if (!Array.isArray(items)) continue;
      for (const item of items) {
        const idType = LINK_ID_SETS[field];
        if (idType) add(idType, item);
        else if (item && typeof item === "object") {
          const o = item as Row;
          for (const [key, value] of Object.entries(o)) if (REF_FIELDS[key]) add(REF_FIELDS[key], value);
          if (typeof o.recordType === "string") add(o.recordType as EditableType, o.recordId);
        }
      }
    }
  }
  return [...refs.values()];
}
