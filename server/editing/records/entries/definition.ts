import { dateOrderErrors, defineRecord } from "../../definition";
import { EntryCreate, EntryUpdate } from "./schema";

// Docket entries. They are never deleted: courts strike entries, and so does the write service.
// What the write service checks, derives and updates for this record type.

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
    const last = ctx.repo.lastEntrySequence(values.caseId!);
    return { sequence: last === null ? 1 : Math.floor(last) + 1 };
  },
  check(ctx, row, current) {
    const errors = dateOrderErrors(row, "dateFiled", "dateEntered");
    const number = row.number;
    if (number !== null && number !== undefined && number !== current?.number) {
      const twin = ctx.repo.entryNumbered(row.caseId!, number, current?.id ?? null);
      if (twin) errors.push({ path: "number", message: `is already the number of another entry of this case (ECF No. ${number})` });
    }
    return errors;
  },
});
