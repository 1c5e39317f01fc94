import { z } from "zod";
import { ENTRY_KINDS, ENTRY_SOURCES } from "../../../db/schema";
import { dateOrderErrors, defineRecord } from "../definition";
import { flag, oneOf, optionalDate, optionalInteger, optionalText, requiredDate, requiredText } from "../fields";

// Docket entries. They are never deleted: courts strike entries, and so does the write service.

export const EntryCreate = z
  .strictObject({
    number: optionalInteger(1, 99_999).meta({ description: "ECF number; null for unnumbered entries. Unique within the case." }),
    sequence: z
      .number({ error: (i) => (i.input === undefined ? "is required" : "must be a number") })
      .min(0, "must be at least 0")
      .max(10_000_000, "must be at most 10000000")
      .optional()
      .meta({ description: "Orders entries on the docket; defaults to after the case's last entry. Use e.g. 4.5 to put an unnumbered entry between 4 and 5." }),
    dateFiled: requiredDate(),
    dateEntered: optionalDate().meta({ description: "When the clerk entered it; not before dateFiled." }),
    description: requiredText(20_000).meta({ description: "The full docket text, stored as typed and shown escaped." }),
    shortDescription: optionalText(500),
    kind: oneOf(ENTRY_KINDS).optional(),
    filedBy: optionalText(300),
    sealed: flag().optional().meta({ description: "A sealed entry shows publicly as a placeholder (number, dates, SEALED)." }),
    source: oneOf(ENTRY_SOURCES).optional(),
    pacerDocId: optionalText(40),
    pacerSeqNo: optionalText(40),
  })
  .meta({ id: "EntryCreate", description: "A docket entry of the case in the path. Only `dateFiled` and `description` are required." });
export const EntryUpdate = EntryCreate.partial().meta({ id: "EntryUpdate" });

export const entry = defineRecord({
  type: "entry",
  plural: "entries",
  label: "docket entry",
  tag: "docket entries",
  parent: "case",
  create: EntryCreate,
  update: EntryUpdate,
  prepare(ctx, values, current) {
    if (current !== null || values.sequence !== undefined) return {};
    const last = ctx.repo.lastEntrySequence(values.caseId as number);
    return { sequence: last === null ? 1 : Math.floor(last) + 1 };
  },
  check(ctx, row, current) {
    const errors = dateOrderErrors(row, "dateFiled", "dateEntered");
    const number = row.number as number | null;
    if (number !== null && number !== undefined && number !== current?.number) {
      const twin = ctx.repo.entryNumbered(row.caseId as number, number, (current?.id as number) ?? null);
      if (twin) errors.push({ path: "number", message: `is already the number of another entry of this case (ECF No. ${number})` });
    }
    return errors;
  },
});
