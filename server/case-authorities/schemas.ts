import { z } from "zod";
import { RecordIdParam } from "../shared/record-id";

export const CiteParams = z.object({ id: RecordIdParam });
export const CaseCitesParams = z.object({ slug: z.string().min(1).max(200) });

const single = (value: unknown) => (Array.isArray(value) ? value.at(-1) : value);

/** A staff decision on one link, as its form posts it (strings); messages complete "The field …". */
export const CiteDecisionForm = z.object({
  version: z.preprocess(single, z.coerce.number({ error: "must be the version the page showed" }).int().positive()),
  authorityId: z.preprocess(
    (v) => (single(v) === "" || single(v) === undefined ? undefined : single(v)),
    z.coerce.number({ error: "must be an authority from the list" }).int().positive().optional(),
  ),
  note: z.preprocess(single, z.string().trim().max(2000, "must be at most 2000 characters").optional()),
  next: z.preprocess(single, z.string().max(500).optional()),
});
export type CiteDecisionForm = z.infer<typeof CiteDecisionForm>;
