import { z } from "zod";
import { ENTRY_KINDS, ENTRY_SOURCES } from "../../../../db/schema";
import { flag, oneOf, optionalDate, optionalInteger, optionalText, requiredDate, requiredText } from "../../fields";

// Docket entries. They are never deleted: courts strike entries, and so does the write service.
// The edit schemas: what a form or an API call may send (server/editing/README.md).

export const EntryCreate = z
  .strictObject({
    number: optionalInteger(1, 99_999).meta({ description: "ECF number; null for unnumbered entries. Unique within the case." }),
    sequence: z
      .number({ error: (i) => (i.input === undefined ? "is required" : "must be a number") })
      .min(0, "must be at least 0")
      .max(10_000_000, "must be at most 10000000")
      .optional()
      .meta({
        description:
          "Orders entries on the docket; defaults to after the case's last entry. Use e.g. 4.5 to put an unnumbered entry between 4 and 5.",
      }),
    dateFiled: requiredDate(),
    dateEntered: optionalDate().meta({ description: "When the clerk entered it; not before dateFiled." }),
    description: requiredText(20_000, { multiline: true }).meta({
      description: "The full docket text, stored as typed and shown escaped.",
    }),
    shortDescription: optionalText(500),
    kind: oneOf(ENTRY_KINDS).optional(),
    filedBy: optionalText(300),
    sealed: flag().optional().meta({ description: "A sealed entry shows publicly as a placeholder (number, dates, SEALED)." }),
    source: oneOf(ENTRY_SOURCES).optional(),
    pacerDocId: optionalText(40),
    pacerSeqNo: optionalText(40),
  })
  .meta({ id: "EntryCreate", description: "A docket entry of the case in the path. Only `dateFiled` and `description` are required." });
// Sealing an entry after the fact (and unsealing it) cites the court's order: POST …/seal and …/unseal, never a field edit.
export const EntryUpdate = EntryCreate.omit({ sealed: true }).partial().meta({ id: "EntryUpdate" });
