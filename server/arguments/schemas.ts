import { z } from "zod";
import { REACHED } from "../../db/schema";

const blankToUndefined = (v: string | undefined) => (v === "" ? undefined : v);
const slug = z
  .string()
  .trim()
  .max(200)
  .regex(/^[a-z0-9-]*$/, "must be a slug of lowercase letters, digits and hyphens")
  .optional()
  .transform(blankToUndefined);

/** Filters of /arguments; a blank field means "any". */
export const ArgumentsQuery = z.object({
  doctrine: slug,
  case: slug,
  reached: z
    .union([z.enum(REACHED), z.literal("")])
    .optional()
    .transform((v) => (v === "" ? undefined : v)),
});
export type ArgumentsQuery = z.infer<typeof ArgumentsQuery>;

export const ArgumentIdParams = z.object({ id: z.coerce.number().int().positive() });
