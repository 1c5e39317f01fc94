import type { FastifyInstance } from "fastify";
import { serveCached } from "../cache/send-cached";
import { paths } from "../paths";
import { loadTimeline } from "./loaders";
import { TimelineQuery } from "./schemas";
import { toTimelineView } from "./view-models";
import { sendCsvStream } from "../shared/csv-reply";
import { timelineCsvStream } from "./csv";

/** One cache key per distinct filter, whatever the order or spelling of the query string. */
function cacheKey(query: TimelineQuery): string {
  const params = new URLSearchParams();
  if (query.year !== undefined) params.set("year", String(query.year));
  if (query.kind) params.set("kind", query.kind);
  const qs = params.toString();
  return `${paths.timeline()}${qs ? `?${qs}` : ""}`;
}

export async function timelineRoutes(app: FastifyInstance) {
  // The whole timeline as CSV (docs/exports.md), streamed a batch at a time.
  app.get("/timeline.csv", async (_request, reply) =>
    sendCsvStream(reply, "quash-timeline.csv", timelineCsvStream(app.db, app.config.publicUrl)),
  );

  app.get("/timeline", async (request, reply) => {
    const parsed = TimelineQuery.safeParse(request.query);
    if (!parsed.success) {
      // A bad filter answers 400 with the whole timeline and the message beside the field.
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      return reply.code(400).view("timeline/index.hbs", toTimelineView(loadTimeline(app.db), {}, errors));
    }
    const query = parsed.data;
    // The timeline spans every case, so any write makes the stored page stale ("global").
    return serveCached(request, reply, app.pageCache, cacheKey(query), "global", () =>
      reply.viewAsync("timeline/index.hbs", toTimelineView(loadTimeline(app.db, query), query)),
    );
  });
}
