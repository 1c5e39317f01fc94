import { z } from "zod";
import { RELIABILITY_LEVELS } from "../../db/schema";

/** Filter of the source register; a blank field means "any". */
export const SourcesQuery = z.object({
  reliability: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(RELIABILITY_LEVELS, { message: "must be one of the reliability levels in the list" }).optional(),
  ),
});

export type SourcesQuery = z.infer<typeof SourcesQuery>;
