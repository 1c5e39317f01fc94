import { z } from "zod";
import { SUBPOENA_KINDS } from "../../db/schema";
import { OUTCOME_KEYS } from "../patterns/stages";

const blank = (v: unknown) => (v === "" ? undefined : v);
const slug = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .max(200)
    .regex(/^[a-z0-9-]+$/, "must be a slug of lowercase letters, digits and hyphens")
    .optional(),
);

export const COMPARE_SORTS = ["case", "platform", "instrument", "challenged", "days"] as const;
export const COMPARE_OUTCOMES = [...OUTCOME_KEYS, "pending", "none"] as const;

/** Filters and sort of /compare and /compare.csv; a blank field means "any". Messages complete "<Field> …". */
export const CompareQuery = z.object({
  platform: slug,
  instrument: z.preprocess(blank, z.enum(SUBPOENA_KINDS, { error: "must be one of the instrument kinds listed" }).optional()),
  outcome: z.preprocess(blank, z.enum(COMPARE_OUTCOMES, { error: "must be one of the outcomes listed" }).optional()),
  ruled: z.preprocess(blank, z.enum(["yes", "no"], { error: "must be yes or no" }).optional()),
  doctrine: slug,
  sort: z.preprocess(blank, z.enum(COMPARE_SORTS, { error: "must be one of the columns listed" }).default("case")),
  dir: z.preprocess(blank, z.enum(["asc", "desc"], { error: "must be asc or desc" }).default("asc")),
});
export type CompareQuery = z.infer<typeof CompareQuery>;
