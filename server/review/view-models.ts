import { TYPE_LABELS } from "../editing/definition";
import type { FieldError } from "../errors";
import { paths } from "../paths";
import type { EditableType } from "../records/tables";
import { formatDay } from "../shared/dates";
import { fieldLabel, guardKindLabel, type GuardFinding } from "../guard/findings";
import type { HoldRow, TermRow } from "../guard/repository";

type Row = Record<string, unknown>;

/** A held record as the review pages show it: the hold, the record as stored (with its link sets) and its case. */
export type HoldItem = { hold: HoldRow; record: Row | undefined; kase: { slug: string; label: string } | null };

const day = (iso: string | null) => (iso ? { text: formatDay(iso.slice(0, 10)), datetime: iso } : null);

/** What staff call a record, from its own short fields (never its long text, which may be what was held). */
export function recordTitle(type: EditableType, row: Row | undefined, id: string): string {
  const kind = TYPE_LABELS[type];
  if (!row) return `${kind} ${id} (no longer exists)`;
  if (type === "entry")
    return row.number
      ? `Docket entry ECF No. ${String(row.number)}, filed ${String(row.dateFiled)}`
      : `Unnumbered docket entry, filed ${String(row.dateFiled)}`;
  if (type === "document")
    return `Document ${String(row.attachmentNumber) === "0" ? "(main)" : `attachment ${String(row.attachmentNumber)}`} of entry ${String(row.entryId)}`;
  const name = [row.label, row.title, row.name, row.tag, row.handle, row.slug].find((v) => typeof v === "string" && v !== "");
  return name ? `${kind[0]!.toUpperCase()}${kind.slice(1)}: ${String(name).slice(0, 120)}` : `${kind} ${id}`;
}

/** The text a finding's field holds now. */
export function fieldText(record: Row | undefined, field: string): string | null {
  if (!record) return null;
  const link = /^\$links\.(\w+)\.(\d+)$/.exec(field);
  if (link) {
    const list = record[link[1]!];
    const item = Array.isArray(list) ? list[Number(link[2])] : undefined;
    return typeof item === "string" ? item : null;
  }
  const meta = /^pdfMetadata\.(\w+)$/.exec(field);
  if (meta) {
    const metadata = record.pdfMetadata as Record<string, unknown> | undefined;
    const value = metadata?.[meta[1]!];
    return typeof value === "string" ? value : null;
  }
  const value = record[field];
  return typeof value === "string" ? value : null;
}

const CONTEXT = 160;

/**
 * A field's text cut into runs, the findings marked: the whole text when short, else each
 * finding with some words either side.
 */
export function markedRuns(text: string, findings: GuardFinding[]): { text: string; mark: boolean; kind: string | null }[] {
  const sorted = [...findings].filter((f) => f.end <= text.length).sort((a, b) => a.start - b.start);
  const runs: { text: string; mark: boolean; kind: string | null }[] = [];
  const short = text.length <= 4 * CONTEXT;
  let at = 0;
  for (const f of sorted) {
    if (f.start < at) continue;
    const from = short ? at : Math.max(at, f.start - CONTEXT);
    if (from > at) runs.push({ text: "… ", mark: false, kind: null });
    runs.push({ text: text.slice(from, f.start), mark: false, kind: null });
    runs.push({ text: text.slice(f.start, f.end), mark: true, kind: guardKindLabel(f.kind).label });
    at = f.end;
  }
  const tail = short ? text.slice(at) : text.slice(at, at + CONTEXT);
  runs.push({ text: tail, mark: false, kind: null });
  if (!short && at + CONTEXT < text.length) runs.push({ text: " …", mark: false, kind: null });
  return runs.filter((r) => r.text !== "");
}

/** The fields a reviewer can redact in place: the record's own text columns. */
export function redactableFields(findings: GuardFinding[]): string[] {
  return [...new Set(findings.map((f) => f.field))].filter(
    (f) => !f.startsWith("$links.") && !f.startsWith("pdfMetadata.") && f !== "extractedText",
  );
}

function summary(item: HoldItem) {
  const { hold } = item;
  const kinds = [...new Set(hold.findings.map((f) => guardKindLabel(f.kind).label))];
  const fields = [...new Set(hold.findings.map((f) => fieldLabel(f.field)))];
  return {
    id: hold.id,
    title: recordTitle(hold.recordType as EditableType, item.record, hold.recordId),
    href: paths.staffReviewHold(hold.id),
    caseLabel: item.kase?.label ?? null,
    caseHref: item.kase ? paths.staffCase(item.kase.slug) : null,
    what: kinds.length
      ? `${kinds.join(", ")} in ${fields.join(", ")}`
      : "Nothing is found in the current text any more: release it to publish it.",
    held: day(hold.heldAt),
    heldBy: hold.heldBy,
    status: hold.status,
    resolved: day(hold.resolvedAt),
    resolvedBy: hold.resolvedBy,
    resolution: hold.resolution,
  };
}

export const REVIEW_NOTICES = {
  released: "Released: the record is public again (its text is still redacted on public pages as always).",
  redacted: "Redacted and released: the edit is a revision with your reason, and the record is public.",
} as const;

export function toReviewQueueView(input: { open: HoldItem[]; settled: HoldItem[]; notice?: keyof typeof REVIEW_NOTICES }) {
  return {
    title: "Held for review",
    notice: input.notice ? REVIEW_NOTICES[input.notice] : null,
    open: input.open.map(summary),
    settled: input.settled.map(summary),
  };
}

export function toHoldView(input: {
  item: HoldItem;
  canEdit: boolean;
  errors?: FieldError[];
  form?: { reason?: string; values?: Record<string, string> };
}) {
  const { hold, record } = input.item;
  const errors = Object.fromEntries((input.errors ?? []).map((e) => [e.path, e.message]));
  const byField = new Map<string, GuardFinding[]>();
  for (const f of hold.findings) byField.set(f.field, [...(byField.get(f.field) ?? []), f]);
  const redactable = hold.status === "held" && input.canEdit ? redactableFields(hold.findings) : [];
  return {
    title: `Held for review: ${recordTitle(hold.recordType as EditableType, record, hold.recordId)}`,
    base: summary(input.item),
    isHeld: hold.status === "held",
    canEdit: input.canEdit && hold.status === "held",
    historyHref: paths.staffHistory(hold.recordType, hold.recordId),
    hasErrors: (input.errors ?? []).length > 0,
    errors,
    findings: [...byField].map(([field, findings]) => {
      const text = fieldText(record, field);
      return {
        field: fieldLabel(field),
        kinds: [...new Set(findings.map((f) => `${guardKindLabel(f.kind).label} (${guardKindLabel(f.kind).rule})`))].join("; "),
        runs: text === null ? [] : markedRuns(text, findings),
        inPdfText: field === "extractedText",
        inPdfMetadata: field.startsWith("pdfMetadata."),
        linkOnly: field.startsWith("$links."),
      };
    }),
    release: { action: paths.staffReviewAction(hold.id, "release"), reason: input.form?.reason ?? "", error: errors.reason ?? null },
    redact: redactable.length
      ? {
          action: paths.staffReviewAction(hold.id, "redact"),
          version: String(record?.version ?? ""),
          fields: redactable.map((field) => ({
            name: field,
            id: `redact-${field}`,
            value: input.form?.values?.[field] ?? fieldText(record, field) ?? "",
            error: errors[field] ?? null,
          })),
          reason: input.form?.reason ?? "",
          error: errors.reason ?? null,
        }
      : null,
  };
}

export const NEVER_PUBLISH_NOTICES = {
  added: "Added. Every record was checked against it at once; anything that holds it is now held for review.",
  removed: "Removed from the list. Records it held stay held until someone releases them.",
  restored: "Back on the list, and every record checked against it again.",
} as const;

export function toNeverPublishView(input: {
  kase: { slug: string; label: string };
  terms: TermRow[];
  canEdit: boolean;
  notice?: keyof typeof NEVER_PUBLISH_NOTICES;
  held?: number;
  errors?: FieldError[];
  note?: string;
}) {
  const errors = Object.fromEntries((input.errors ?? []).map((e) => [e.path, e.message]));
  return {
    title: `Never publish: ${input.kase.label}`,
    caseHref: paths.staffCase(input.kase.slug),
    notice: input.notice
      ? `${NEVER_PUBLISH_NOTICES[input.notice]}${input.held ? ` (${input.held} record${input.held === 1 ? "" : "s"} held.)` : ""}`
      : null,
    hasErrors: (input.errors ?? []).length > 0,
    canEdit: input.canEdit,
    terms: input.terms.map((t) => ({
      id: t.id,
      note: t.note ?? "(no note)",
      words: `${t.wordCount} word${t.wordCount === 1 ? "" : "s"}`,
      added: day(t.createdAt),
      addedBy: t.createdBy,
      removed: t.removedAt ? { at: day(t.removedAt), by: t.removedBy } : null,
      action: paths.staffNeverPublishTerm(input.kase.slug, t.id, t.removedAt ? "restore" : "remove"),
      actionLabel: t.removedAt ? "Put back" : "Remove",
    })),
    add: { action: paths.staffNeverPublish(input.kase.slug), note: input.note ?? "", errors },
  };
}
