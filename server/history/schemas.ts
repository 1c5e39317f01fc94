import { z } from "zod";

/** `/staff/history/:type/:id`: an unknown type or id is a 404, checked against the record tables. */
export const HistoryParams = z.object({ type: z.string().max(40), id: z.string().max(80) });

const version = z.coerce.number({ error: "is missing" }).int().positive();
const reason = z
  .string()
  .trim()
  .max(500, "must be at most 500 characters")
  .optional()
  .transform((value) => (value ? value : null));

/** "Restore this version": the revision to put back and the version the page showed. */
export const RevertForm = z.object({ revisionId: z.coerce.number().int().positive(), version, reason });

/** "Restore" on the deleted-records page (and on a deleted record's history). */
export const RestoreForm = z.object({ version, reason });
