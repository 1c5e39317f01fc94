import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { hasRole } from "../auth/roles";
import { feedJobName } from "../jobs/court-feed-polls";
import { createCourtFeedsRepository } from "../court-feeds/repository";
import { NotFoundError } from "../errors";
import { readStoredFile } from "../files/store";
import { setFlash } from "../forms/flash";
import { NEF_INTAKE_JOB } from "../jobs/nef-intake";
import { createNefIntakeRepository } from "../nef-intake/repository";
import { paths } from "../paths";
import { actorFor, requireCsrf, requireRole } from "../auth/hooks";
import { mailboxRoutes } from "./mailbox-routes";
import { loadWatchingPage } from "./loaders";
import { CaseSlugParams, CourtParams, FeedSettingsForm, MessageParams, WatchForm } from "./schemas";
import { toWatchingView } from "./view-models";

/**
 * The staff "Watched dockets" page: which cases are watched, each court feed and the NEF
 * mailbox with their last successful poll, next one and last error, "poll now", and the
 * messages filed for review. Viewers read it; editors watch cases and poll; admins set the mailbox.
 */
export async function watchingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const repo = createCourtFeedsRepository(app.db);
  const messages = createNefIntakeRepository(app.db);
  const editor = { onRequest: requireRole("editor"), preHandler: requireCsrf };

  const renderPage = (request: Parameters<typeof actorFor>[0]) => {
    const role = request.auth!.user.role;
    return toWatchingView(loadWatchingPage(app.db, app.config, app.jobs), app.clock.now(), hasRole(role, "editor"), hasRole(role, "admin"));
  };

  app.get(paths.staffWatching(), { onRequest: requireRole("viewer") }, async (request, reply) =>
    reply.view("watching/index.hbs", renderPage(request)),
  );

  /** What a "poll now" tells the user: run here at once, or by whichever process runs jobs. */
  const pollNow = (name: string, what: string) => {
    app.jobs.list(); // registers the jobs the data now calls for (a court watched a moment ago)
    if (!app.jobs.requestRun(name)) return `${what}: nothing to poll yet.`;
    return app.config.jobRunner
      ? `${what} will be polled within seconds; reload this page to see the result.`
      : `${what} is due now; no job runner runs in this server (JOB_RUNNER=off), so another process, or quash jobs run ${name}, will poll it.`;
  };

  app.post("/staff/watching/feeds/:court/poll", { ...editor, schema: { params: CourtParams } }, async (request, reply) => {
    const { court } = request.params;
    if (!repo.watchedCourts().includes(court)) throw new NotFoundError(`No watched case is in the court ${court}; its feed is not polled.`);
    setFlash(reply, pollNow(feedJobName(court), `The ${court} feed`));
    return reply.redirect(`${paths.staffWatching()}#feed-${court}`, 303);
  });

  app.post("/staff/watching/feeds/:court", { ...editor, schema: { params: CourtParams } }, async (request, reply) => {
    const { court } = request.params;
    if (!repo.court(court)) throw new NotFoundError(`No court ${court} in the tracker.`);
    const parsed = FeedSettingsForm.safeParse(request.body);
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      const page = renderPage(request);
      // The user's input comes back in the fields, with the message beside each.
      const typed = request.body as Record<string, string> | undefined;
      const feeds = page.feeds.map((f) =>
        f.courtId === court
          ? { ...f, errors, customUrl: typed?.feedUrl ?? f.customUrl, chosenMinutes: typed?.intervalMinutes ?? f.chosenMinutes }
          : f,
      );
      return reply.code(422).view("watching/index.hbs", {
        ...page,
        feeds,
        formError: `The ${court} feed settings were not saved: see the fields marked below.`,
      });
    }
    repo.saveFeed(court, { feedUrl: parsed.data.feedUrl ?? null, intervalMinutes: parsed.data.intervalMinutes ?? null }, app.clock.now());
    setFlash(reply, `Saved the ${court} feed settings.`);
    return reply.redirect(`${paths.staffWatching()}#feed-${court}`, 303);
  });

  // Watching is a staff edit of the case: through the write service, so it has a revision.
  app.post("/staff/cases/:slug/watch", { ...editor, schema: { params: CaseSlugParams } }, async (request, reply) => {
    const id = app.editing.resolveId("case", request.params.slug);
    if (id === undefined) throw new NotFoundError(`No case is at /cases/${request.params.slug}.`);
    const parsed = WatchForm.safeParse(request.body);
    if (!parsed.success) throw new NotFoundError("The form did not say whether to watch the case; nothing was saved.");
    const { record } = app.editing.update(
      "case",
      id,
      { watched: parsed.data.watched },
      { actor: actorFor(request), expectedVersion: parsed.data.version },
    );
    const name = String(record.docketNumber ?? record.label);
    setFlash(
      reply,
      parsed.data.watched ? `Watching ${name}: the ${record.courtId} feed is polled from now on.` : `Stopped watching ${name}.`,
    );
    return reply.redirect(`${paths.staffWatching()}#cases`, 303);
  });

  app.post(paths.staffWatchingMailboxPoll(), editor, async (_request, reply) => {
    setFlash(reply, pollNow(NEF_INTAKE_JOB, "The NEF mailbox"));
    return reply.redirect(`${paths.staffWatching()}#mailbox`, 303);
  });

  app.post("/staff/watching/messages/:id/dismiss", { ...editor, schema: { params: MessageParams } }, async (request, reply) => {
    if (!messages.dismissNefMessage(request.params.id)) throw new NotFoundError(`No message ${request.params.id} awaits review.`);
    setFlash(reply, "Dismissed the message from the review list.");
    return reply.redirect(`${paths.staffWatching()}#review`, 303);
  });

  app.get(
    "/staff/watching/messages/:id/raw",
    { onRequest: requireRole("editor"), schema: { params: MessageParams } },
    async (request, reply) => {
      const message = messages.nefMessage(request.params.id);
      const bytes = message?.storedSha256 ? readStoredFile(app.config.dataDir, message.storedSha256) : undefined;
      if (!message || !bytes) throw new NotFoundError(`No stored copy of message ${request.params.id}.`);
      return reply.type("message/rfc822").header("content-disposition", `attachment; filename="nef-message-${message.id}.eml"`).send(bytes);
    },
  );

  await app.register(mailboxRoutes);
}
