import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { serveCached } from "../cache/send-cached";
import { paths } from "../paths";
import { NotFoundError } from "../errors";
import { withEventStaff } from "../staff/public-controls";
import type { CacheScope } from "../cache/page-cache";
import { loadEventPage, loadTimelinePage, type EventPage } from "./loaders";
import { EventParams, TimelinePageQuery, TimelineQuery } from "./schemas";
import { toEventShowView, toTimelineView } from "./view-models";

/**
 * Which writes change an event's page: an event is shared (its writes drop every page), and so
 * are its subpoena, judges and sources; what belongs to one case is the orders it tells of and
 * their docket entries. Stored under that case when there is one, else dropped by any write.
 */
function eventScope(page: EventPage): CacheScope {
  const caseIds = new Set([page.item.case?.id, ...page.orders.map((o) => o.case.id)].filter((id) => id !== undefined));
  return caseIds.size === 1 && page.item.case ? { caseId: page.item.case.id } : "global";
}
import { sendCsvStream } from "../shared/csv-reply";
import { timelineCsvStream } from "./csv";

export async function timelineRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // The whole timeline as CSV (docs/exports.md), streamed a batch at a time.
  app.get("/timeline.csv", async (_request, reply) =>
    sendCsvStream(reply, "quash-timeline.csv", timelineCsvStream(app.db, app.config.publicUrl)),
  );

  // A keyset page of the timeline at a time, cut in SQL over the union of events and orders.
  app.get("/timeline", async (request, reply) => {
    const at = TimelinePageQuery.safeParse(request.query).data ?? {};
    // One of the two, `after` first: each page has one address, the one its neighbours link to.
    const cursor = at.after ? { after: at.after } : at.before ? { before: at.before } : {};
    const parsed = TimelineQuery.safeParse(request.query);
    if (!parsed.success) {
      // A bad filter answers 400 with the unfiltered timeline and the message beside the field.
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      const page = loadTimelinePage(app.db, {}, cursor) ?? loadTimelinePage(app.db)!;
      return reply.code(400).view("timeline/index.hbs", toTimelineView(page, {}, errors));
    }
    const query = parsed.data;
    const name = (c?: { origin: string; id: number }) => (c ? `${c.origin}-${c.id}` : undefined);
    const key = paths.timelinePage({ ...query, after: name(cursor.after), before: name(cursor.before) });
    // The timeline spans every case, so any write makes the stored page stale ("global").
    return serveCached(request, reply, app.pageCache, key, "global", () => {
      const page = loadTimelinePage(app.db, query, cursor);
      if (!page) throw new NotFoundError("No such page of the timeline");
      return reply.viewAsync("timeline/index.hbs", toTimelineView(page, query));
    });
  });

  // An event's own page, whatever page of /timeline it falls on.
  app.get("/events/:slug", { schema: { params: EventParams } }, async (request, reply) => {
    const { slug } = request.params;
    const page = loadEventPage(app.db, slug);
    if (!page) throw new NotFoundError(`No event is at ${paths.event(slug)}.`);
    return serveCached(request, reply, app.pageCache, paths.event(slug), eventScope(page), () =>
      reply.viewAsync(
        "timeline/show.hbs",
        withEventStaff(toEventShowView(page, { publicUrl: app.config.publicUrl, retrievedAt: app.clock.now() }), request, page.item.event),
      ),
    );
  });
}
