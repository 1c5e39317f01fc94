import { z } from "zod";
import { DATE_PRECISIONS, EVENT_KINDS } from "../../../../db/schema";
import { AnyRecordId, LINKABLE_TYPES, oneOf, optionalDate, optionalRecordId, optionalSlug, optionalText, requiredText } from "../../fields";

// Dated facts inside and outside the dockets: a withdrawal, a takedown, a letter, a statement.
// The edit schemas: what a form or an API call may send (server/editing/README.md).

export const EventCreate = z
  .strictObject({
    slug: optionalSlug(),
    kind: oneOf(EVENT_KINDS),
    title: requiredText(300),
    description: optionalText(20_000, { multiline: true }),
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
