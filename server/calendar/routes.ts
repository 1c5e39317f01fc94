import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sendCachedPage, serveCached } from "../cache/send-cached";
import type { CacheScope } from "../cache/page-cache";
import { createCasesRepository } from "../cases/repository";
import { CaseParams } from "../cases/schemas";
import { COURT_TIME_ZONE } from "../deadlines";
import { NotFoundError } from "../errors";
import { paths } from "../paths";
import { toPublic } from "../privacy/projection";
import { toIcs } from "./ics";
import { loadCalendar } from "./loaders";
import { caseTitle, toCalendarView } from "./view-models";

const ICS_TYPE = "text/calendar; charset=utf-8";

export async function calendarRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  /** Feeds are stored as bytes like pages, so a calendar app polling every hour costs nothing. */
  function sendFeed(
    request: FastifyRequest,
    reply: FastifyReply,
    feed: { key: string; scope: CacheScope; filename: string },
    build: () => string,
  ) {
    const page = app.pageCache.get(feed.key) ?? app.pageCache.set(feed.key, build(), feed.scope, ICS_TYPE);
    reply.header("Content-Disposition", `inline; filename="${feed.filename}"`);
    return sendCachedPage(request, reply, page);
  }

  app.get(paths.calendar(), async (request, reply) => {
    const today = app.clock.today(COURT_TIME_ZONE);
    // What is overdue changes at midnight in the court's zone, when the page cache drops every page.
    return serveCached(request, reply, app.pageCache, request.url, "global", () =>
      reply.viewAsync("calendar/index.hbs", toCalendarView(loadCalendar(app.db), today, app.config.publicUrl)),
    );
  });

  app.get(paths.calendarFeed(), async (request, reply) =>
    sendFeed(request, reply, { key: paths.calendarFeed(), scope: "global", filename: "quash.ics" }, () =>
      toIcs(loadCalendar(app.db), {
        name: "Quash: hearings and deadlines",
        description: "Every hearing and deadline in the cases Quash tracks (DHS subpoenas and summonses to unmask anonymous accounts).",
        baseUrl: app.config.publicUrl,
        pagePath: paths.calendar(),
      }),
    ),
  );

  app.get("/cases/:slug/calendar.ics", { schema: { params: CaseParams } }, async (request, reply) => {
    const { slug } = request.params;
    const row = createCasesRepository(app.db).findBySlug(slug);
    if (!row) throw new NotFoundError(`No case is at /cases/${slug}.`);
    const kase = toPublic("case", row);
    const feed = {
      key: paths.caseCalendarFeed(kase.slug),
      scope: { caseId: kase.id },
      filename: `${kase.slug.replace(/[^a-z0-9-]/gi, "-")}.ics`,
    };
    return sendFeed(request, reply, feed, () =>
      toIcs(loadCalendar(app.db, { caseId: kase.id }), {
        name: `Quash: ${caseTitle(kase)}`,
        description: `Hearings and deadlines in ${caseTitle(kase)}${kase.docketNumber ? `, No. ${kase.docketNumber}` : ""}.`,
        baseUrl: app.config.publicUrl,
        pagePath: paths.case(kase.slug),
      }),
    );
  });
}
