import { z } from "zod";
import { EVENT_KINDS } from "../../../db/schema";
import { CaseRef, Conflicts, FuzzyDate, htmlUrl, OrderRef, Sources, SubpoenaRef } from "./common";

export const TimelineItem = z
  .object({
    slug: z.string().meta({
      description: "The item's id on the timeline: `event-{event slug}`, or `order-signed-{order slug}` for an order no event tells of.",
    }),
    htmlUrl,
    origin: z.enum(["event", "order"]),
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    description: z.string().nullable(),
    date: FuzzyDate,
    case: CaseRef.nullable(),
    subpoenas: z.array(SubpoenaRef),
    order: OrderRef.nullable().meta({ description: "For an order's signing: the order." }),
    sources: Sources,
    conflicts: Conflicts,
  })
  .meta({ id: "TimelineItem" });

/** The timeline's `year`, kept from before the lists took date ranges. */
export const TimelineYear = z.coerce
  .number({ message: "must be a year such as 2025" })
  .int("must be a year such as 2025")
  .min(1900, "must be a year such as 2025")
  .max(2100, "must be a year such as 2025")
  .optional()
  .meta({ description: "Only items whose date window touches this year.", examples: [2025] });
