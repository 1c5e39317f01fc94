import { z } from "zod";
import { AUTHORITY_KINDS } from "../../db/schema";

export const AuthorityParams = z.object({ slug: z.string().min(1).max(200) });

/** Filters of /authorities; a blank field means "any". */
export const AuthoritiesQuery = z.object({
  doctrine: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
  kind: z
    .union([z.enum(AUTHORITY_KINDS), z.literal("")])
    .optional()
    .transform((v) => (v === "" ? undefined : v)),
});
export type AuthoritiesQuery = z.infer<typeof AuthoritiesQuery>;
