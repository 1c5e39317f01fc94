import type { TimelineItem } from "../../timeline/loaders";
import { timelineItemPath } from "../../timeline/view-models";
import { absolute, caseRef, conflicts, fuzzyDate, orderRef, sources, subpoenaRef, type ApiContext } from "./common";

/** One dated item: an event, or the signing of an order no event tells of. */
export function toTimelineItem(ctx: ApiContext, item: TimelineItem) {
  return {
    slug: item.anchor,
    htmlUrl: absolute(ctx, timelineItemPath(item)),
    origin: item.origin,
    kind: item.kind,
    title: item.title,
    description: item.description,
    date: fuzzyDate(item.date),
    case: item.case ? caseRef(ctx, item.case) : null,
    subpoenas: item.subpoenas.map((sp) => subpoenaRef(ctx, sp)),
    order: item.order ? orderRef(ctx, item.order) : null,
    sources: sources(item.citations),
    conflicts: conflicts(ctx, item.conflicts),
  };
}
