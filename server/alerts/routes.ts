import type { FastifyInstance, FastifyReply } from "fastify";
import rateLimit from "@fastify/rate-limit";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { requireCsrf, requireCsrfIfSignedIn } from "../auth/hooks";
import { loadCaseSummaries } from "../cases/loaders";
import { NotFoundError, fieldErrors, type FieldError } from "../errors";
import { paths, routePatterns } from "../paths";
import { loadSubpoenaSummaries } from "../subpoenas/loaders";
import { FREQUENCY_WORDS, subscriptionWhat } from "./describe";
import { confirmMail } from "./mail";
import { ManageQuery, SubscribeForm, SubscribeQuery, SubscriptionParams, TokenParams } from "./schemas";
import type { AlertEntryKind } from "./entry-kinds";
import {
  EMPTY_SUBSCRIBE,
  toConfirmView,
  toManageView,
  toSubscribeSentView,
  toSubscribeView,
  toUnsubscribeView,
  type SubscribeValues,
} from "./view-models";

/** Said on the form and in the refusal when the server has no SMTP_HOST. */
export const NO_MAIL_SERVER =
  "E-mail alerts are not available on this server: it has no mail server configured (SMTP_HOST), so it cannot send the confirmation message. Follow the Atom feeds instead, or ask the people running it to configure SMTP.";

/*
 * The public side of alerts: the subscribe form, the double opt-in link, and the page every
 * message links to where a subscriber sees and cancels their alerts. The links carry the
 * subscriber's token, so these pages are never cached or logged with their URL, and no page
 * ever prints the address.
 */
export async function alertsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(rateLimit, { global: false });
  const subs = app.alerts.subscriptions;
  // Token URLs stay out of the request log: the token is the subscriber's key to their alerts.
  const quiet = { logLevel: "warn" as const };

  const choices = () => ({
    cases: loadCaseSummaries(app.db).map((c) => ({ slug: c.case.slug, caption: c.case.caption ?? c.case.label })),
    subpoenas: loadSubpoenaSummaries(app.db).map((sp) => ({ slug: sp.subpoena.slug, title: sp.subpoena.title })),
  });
  const privatePage = (reply: FastifyReply) => reply.header("cache-control", "private, no-store");

  function renderForm(
    reply: FastifyReply,
    status: number,
    values: SubscribeValues,
    errors: FieldError[] = [],
    message: string | null = null,
  ) {
    return privatePage(reply)
      .code(status)
      .view(
        "alerts/subscribe.hbs",
        toSubscribeView({ csrfToken: reply.csrfToken(), mailReady: app.alerts.mailer !== null, ...choices(), values, errors, message }),
      );
  }

  app.get(paths.alerts(), { schema: { querystring: SubscribeQuery } }, async (request, reply) => {
    const { case: kase, subpoena, query } = request.query;
    const target = kase ? "case" : subpoena ? "subpoena" : query ? "query" : "all";
    return renderForm(reply, 200, { ...EMPTY_SUBSCRIBE, target, case: kase ?? "", subpoena: subpoena ?? "", query: query ?? "" });
  });

  app.post(
    paths.alerts(),
    { preHandler: requireCsrf, config: { rateLimit: { max: 10, timeWindow: "1 minute" } }, ...quiet },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const str = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
      const values: SubscribeValues = {
        email: str("email"),
        target: str("target") || "all",
        case: str("case"),
        subpoena: str("subpoena"),
        query: str("query"),
        frequency: str("frequency") || "immediate",
        exclude: ([] as unknown[]).concat(body["exclude"] ?? []).filter((v): v is string => typeof v === "string"),
        note: str("note"),
      };
      if (!app.alerts.mailer) return renderForm(reply, 422, values, [], NO_MAIL_SERVER);
      const parsed = SubscribeForm.safeParse(body);
      if (!parsed.success) return renderForm(reply, 422, values, fieldErrors(parsed.error));
      const form = parsed.data;
      let targetId: number | null = null;
      if (form.target === "case") {
        const found = loadCaseSummaries(app.db).find((c) => c.case.slug === form.case);
        if (!found) return renderForm(reply, 422, values, [{ path: "case", message: "Choose a case from the list." }]);
        targetId = found.case.id;
      }
      if (form.target === "subpoena") {
        const found = loadSubpoenaSummaries(app.db).find((sp) => sp.subpoena.slug === form.subpoena);
        if (!found) return renderForm(reply, 422, values, [{ path: "subpoena", message: "Choose a subpoena from the list." }]);
        targetId = found.subpoena.id;
      }
      const { subscription } = subs.subscribe({
        email: form.email,
        target: form.target,
        targetId,
        query: form.target === "query" ? (form.query ?? null) : null,
        frequency: form.frequency,
        excludedKinds: form.exclude as AlertEntryKind[],
        note: form.note || null,
      });
      const what = subscriptionWhat(app.db, subscription);
      try {
        await app.alerts.mailer.send(
          form.email,
          confirmMail({
            what,
            frequency: FREQUENCY_WORDS[form.frequency],
            confirmUrl: `${app.config.publicUrl}${paths.alertsConfirm(subscription.confirmToken)}`,
          }),
        );
      } catch (error) {
        request.log.warn(
          `alerts: the confirmation message could not be sent (${error instanceof Error ? error.message : "unknown error"})`,
        );
        subs.cancel(subscription.subscriberId, subscription.id);
        return renderForm(
          reply,
          502,
          values,
          [],
          "The confirmation message could not be sent just now, so the alert was not saved. Try again in a few minutes.",
        );
      }
      // The same answer whether or not the address already had alerts: the page tells nobody who subscribes.
      return privatePage(reply).view("alerts/sent.hbs", toSubscribeSentView({ what }));
    },
  );

  app.get(routePatterns.alertsConfirm(), { schema: { params: TokenParams }, ...quiet }, async (request, reply) => {
    const sub = findByConfirmToken(request.params.token);
    return privatePage(reply).view(
      "alerts/confirm.hbs",
      toConfirmView({
        what: subscriptionWhat(app.db, sub),
        frequency: FREQUENCY_WORDS[sub.frequency],
        action: paths.alertsConfirm(request.params.token),
        csrfToken: reply.csrfToken(),
        already: sub.confirmedAt !== null,
      }),
    );
  });

  app.post(
    routePatterns.alertsConfirm(),
    { schema: { params: TokenParams }, preHandler: requireCsrfIfSignedIn, ...quiet },
    async (request, reply) => {
      const done = subs.confirm(request.params.token);
      if (!done) throw new NotFoundError("This confirmation link is not valid: it may have been mistyped.");
      return reply.redirect(`${paths.alertsManage(done.subscriber.token)}?done=confirmed`, 303);
    },
  );

  app.get(routePatterns.alertsManage(), { schema: { params: TokenParams, querystring: ManageQuery }, ...quiet }, async (request, reply) => {
    const subscriber = findSubscriber(request.params.token);
    const subscriptions = subs.subscriptionsOf(subscriber.id).map((sub) => ({ ...sub, what: subscriptionWhat(app.db, sub) }));
    return privatePage(reply).view(
      "alerts/manage.hbs",
      toManageView({ token: request.params.token, csrfToken: reply.csrfToken(), subscriptions, done: request.query.done }),
    );
  });

  app.post(
    routePatterns.alertsCancel(),
    { schema: { params: SubscriptionParams }, preHandler: requireCsrfIfSignedIn, ...quiet },
    async (request, reply) => {
      const subscriber = findSubscriber(request.params.token);
      if (!subs.cancel(subscriber.id, request.params.id)) throw new NotFoundError("This address has no such alert.");
      return reply.redirect(`${paths.alertsManage(subscriber.token)}?done=cancelled`, 303);
    },
  );

  app.post(
    routePatterns.alertsCancelAll(),
    { schema: { params: TokenParams }, preHandler: requireCsrfIfSignedIn, ...quiet },
    async (request, reply) => {
      const subscriber = findSubscriber(request.params.token);
      subs.cancelAll(subscriber.id);
      return reply.redirect(`${paths.alertsManage(subscriber.token)}?done=cancelled-all`, 303);
    },
  );

  app.get(routePatterns.alertsUnsubscribe(), { schema: { params: SubscriptionParams }, ...quiet }, async (request, reply) => {
    const subscriber = findSubscriber(request.params.token);
    const sub = subs.subscriptionsOf(subscriber.id).find((x) => x.id === request.params.id);
    if (!sub) throw new NotFoundError("This address has no such alert.");
    return privatePage(reply).view(
      "alerts/unsubscribe.hbs",
      toUnsubscribeView({
        what: subscriptionWhat(app.db, sub),
        action: paths.alertsUnsubscribe(request.params.token, sub.id),
        csrfToken: reply.csrfToken(),
        manageUrl: paths.alertsManage(request.params.token),
      }),
    );
  });

  // RFC 8058: a mail client POSTs "List-Unsubscribe=One-Click" here with no cookie and no page; a person's button lands on the manage page.
  app.post(
    routePatterns.alertsUnsubscribe(),
    { schema: { params: SubscriptionParams }, preHandler: requireCsrfIfSignedIn, ...quiet },
    async (request, reply) => {
      const subscriber = findSubscriber(request.params.token);
      if (!subs.cancel(subscriber.id, request.params.id)) throw new NotFoundError("This address has no such alert.");
      const body = (request.body ?? {}) as Record<string, unknown>;
      if (body["List-Unsubscribe"] === "One-Click") return privatePage(reply).type("text/plain; charset=utf-8").send("Unsubscribed.");
      return reply.redirect(`${paths.alertsManage(subscriber.token)}?done=unsubscribed`, 303);
    },
  );

  function findSubscriber(token: string) {
    const subscriber = subs.subscriberByToken(token);
    if (!subscriber) throw new NotFoundError("This alerts link is not valid: it may have been mistyped.");
    return subscriber;
  }

  function findByConfirmToken(token: string) {
    const sub = subs.subscriptionByConfirmToken(token);
    if (!sub) throw new NotFoundError("This confirmation link is not valid: it may have been mistyped.");
    return sub;
  }
}
