import { defineLinks, defineRecord, fuzzyDateErrors, recordErrors, type Row, TYPE_LABELS, uniqueSlug } from "../../definition";
import type { EventLink } from "../../repository";
import { EventCreate, EventUpdate } from "./schema";
import { slugify } from "../../../shared/slug";

// Dated facts inside and outside the dockets: a withdrawal, a takedown, a letter, a statement.
// What the write service checks, derives and updates for this record type.

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
  links: defineLinks<"event", { related: EventLink[] }>({
    fields: ["related"],
    read: (ctx, id) => ({ related: ctx.repo.eventLinks(id) }),
    normalize: (input) =>
      input.related === undefined
        ? {}
        : {
            related: (input.related as Row[])
              .map((l) => ({ recordType: l.recordType, recordId: l.recordId, role: l.role ?? "actor" }) as EventLink)
              .sort(byLink),
          },
    write(ctx, owner, next) {
      if (next.related !== undefined) ctx.repo.replaceEventLinks(owner.id, next.related);
    },
    check: (ctx, _owner, next) =>
      (next.related ?? []).flatMap((link, i) =>
        recordErrors(ctx, `related.${i}.recordId`, link.recordId, link.recordType, TYPE_LABELS[link.recordType]),
      ),
  }),
  prepare(ctx, values, current) {
    if (current !== null) return {};
    return {
      ...(values.datePrecision === undefined ? { datePrecision: values.date ? ("day" as const) : ("unknown" as const) } : {}),
      ...(!values.slug ? { slug: uniqueSlug(ctx, "event", slugify(String(values.title)), null) } : {}),
    };
  },
  check: (_ctx, row) => fuzzyDateErrors(row, "date"),
});
