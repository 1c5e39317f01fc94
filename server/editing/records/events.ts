import { z } from "zod";
import { DATE_PRECISIONS, EVENT_KINDS } from "../../../db/schema";
import { RECORD_TABLES, type EditableType } from "../../records/tables";
import { TYPE_LABELS, defineRecord, fuzzyDateErrors, recordErrors, slugify, uniqueSlug, type Row } from "../definition";
import type { EventLink } from "../repository";
import { oneOf, optionalDate, optionalRecordId, optionalSlug, optionalText, requiredText } from "../fields";

// Dated facts inside and outside the dockets, and the sources behind every fact.

/** Every record type a link may name ("any record"). */
export const LINKABLE_TYPES = Object.keys(RECORD_TABLES) as [EditableType, ...EditableType[]];

/** Ids are numbers, except courts' (`cand`); links store them as text. */
export const AnyRecordId = z
  .union([z.number().int().positive(), z.string().trim().min(1).max(100)], { error: "must be a record id" })
  .transform(String);

export const EventCreate = z
  .strictObject({
    slug: optionalSlug(),
    kind: oneOf(EVENT_KINDS),
    title: requiredText(300),
    description: optionalText(20_000),
    date: optionalDate(),
    dateLatest: optionalDate(),
    datePrecision: oneOf(DATE_PRECISIONS).optional().meta({ description: "Defaults to day when a date is given, unknown when not." }),
    dateLabel: optionalText(100),
    caseId: optionalRecordId(),
    subpoenaId: optionalRecordId(),
    related: z
      .array(
        z.strictObject({ recordType: oneOf(LINKABLE_TYPES), recordId: AnyRecordId, role: oneOf(["actor", "subject"] as const).optional() }),
        { error: "must be a list" },
      )
      .max(100, "must have at most 100 items")
      .optional()
      .meta({ description: "Who acted in the event (role actor) or what else it concerns (subject); replaces the whole list." }),
  })
  .meta({ id: "EventCreate", description: "A dated fact: a withdrawal, a takedown, a letter, a statement…" });
export const EventUpdate = EventCreate.partial().meta({ id: "EventUpdate" });

const byLink = (a: EventLink, b: EventLink) =>
  a.recordType.localeCompare(b.recordType) || a.recordId.localeCompare(b.recordId) || a.role.localeCompare(b.role);

export const event = defineRecord({
  type: "event",
  plural: "events",
  label: "event",
  tag: "events",
  create: EventCreate,
  update: EventUpdate,
  refs: { caseId: { type: "case" }, subpoenaId: { type: "subpoena" } },
  unique: ["slug"],
  links: {
    fields: ["related"],
    read: (ctx, id) => ({ related: ctx.repo.eventLinks(id) }),
    normalize: (input) =>
      input.related === undefined
        ? {}
        : { related: (input.related as Row[]).map((l) => ({ recordType: l.recordType, recordId: l.recordId, role: l.role ?? "actor" }) as EventLink).sort(byLink) },
    write(ctx, owner, next) {
      if (next.related !== undefined) ctx.repo.replaceEventLinks(owner.id as number, next.related as EventLink[]);
    },
    check: (ctx, _owner, next) =>
      ((next.related as EventLink[] | undefined) ?? []).flatMap((link, i) =>
        recordErrors(ctx, `related.${i}.recordId`, link.recordId, link.recordType, TYPE_LABELS[link.recordType]),
      ),
  },
  prepare(ctx, values, current) {
    if (current !== null) return {};
    return {
      ...(values.datePrecision === undefined ? { datePrecision: values.date ? "day" : "unknown" } : {}),
      ...(!values.slug ? { slug: uniqueSlug(ctx, "event", slugify(String(values.title)), null) } : {}),
    };
  },
  check: (_ctx, row) => fuzzyDateErrors(row, "date"),
});
