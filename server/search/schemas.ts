import { z } from "zod";

/** `?q=` of the staff search; longer input is refused (400), not cut. */
export const SearchQuery = z.object({
  q: z.string().max(500, "must be at most 500 characters").optional(),
});
