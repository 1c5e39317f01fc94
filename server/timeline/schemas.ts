import { z } from "zod";
import { EVENT_KINDS } from "../../db/schema";

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** Filters of the timeline; a blank field means "any". */
export const TimelineQuery = z.object({
  year: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: "must be a year such as 2025" })
      .int("must be a year such as 2025")
      .min(1900, "must be a year such as 2025")
      .max(2100, "must be a year such as 2025")
      .optional(),
  ),
  kind: z.preprocess(blankToUndefined, z.enum(EVENT_KINDS, { message: "must be one of the kinds in the list" }).optional()),
});

export type TimelineQuery = z.infer<typeof TimelineQuery>;

/** An item a page of /timeline starts after or ends before: `event-12` or `order-5`. */
const ItemCursor = z
  .string()
  .regex(/^(event|order)-[1-9][0-9]{0,15}$/)
  .transform((v) => {
    const [origin, id] = v.split("-") as ["event" | "order", string];
    return { origin, id: Number(id) };
  });

/** The page of /timeline, apart from its filters; a malformed one is the first page. */
export const TimelinePageQuery = z.object({ after: ItemCursor.optional(), before: ItemCursor.optional() });

/** An event's own page is addressed by its slug. */
export const EventParams = z.object({ slug: z.string().min(1).max(200) });
