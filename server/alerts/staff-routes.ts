import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { requireCsrf, requireRole } from "../auth/hooks";
import { hasRole } from "../auth/roles";
import { NotFoundError, fieldErrors, type FieldError } from "../errors";
import { paths, routePatterns } from "../paths";
import { deliveryHealth } from "./health";
import { ALERT_DELIVERY_JOB } from "./job";
import { WebhookForm, WebhookParams } from "./schemas";
import { toStaffAlertsView } from "./view-models";

/**
 * Staff's alerts page: delivery health (counts, the oldest waiting, the last failures in words,
 * the delivery job), webhooks with their state and why one was disabled, and the form that
 * registers one. Subscribers are counted, never listed.
 */
export async function alertsStaffRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  function render(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: {
      webhookForm?: { values: { url: string; label: string; events: string[] }; errors: FieldError[] };
      newSecret?: { label: string; secret: string };
    } = {},
  ) {
    const job = app.jobs.list().find((j) => j.name === ALERT_DELIVERY_JOB);
    return reply.code(status).view(
      "alerts/staff.hbs",
      toStaffAlertsView({
        health: deliveryHealth(app.db, app.clock.now()),
        mailReady: app.alerts.mailer !== null,
        csrfToken: reply.csrfToken(),
        canEdit: hasRole(request.user!.role, "admin"),
        job: job ? { nextRunAt: job.nextRunAt, lastSuccessAt: job.lastSuccessAt, lastError: job.lastError, attempts: job.attempts } : null,
        ...extra,
      }),
    );
  }

  app.get(paths.staffAlerts(), { onRequest: requireRole("viewer") }, async (request, reply) => render(request, reply, 200));

  app.post(
    paths.staffWebhooks(),
    { onRequest: requireRole("admin"), preHandler: requireCsrf, logLevel: "warn" },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = {
        url: typeof body["url"] === "string" ? body["url"] : "",
        label: typeof body["label"] === "string" ? body["label"] : "",
        events: ([] as unknown[]).concat(body["events"] ?? []).filter((v): v is string => typeof v === "string"),
      };
      const parsed = WebhookForm.safeParse(body);
      if (!parsed.success) return render(request, reply, 422, { webhookForm: { values, errors: fieldErrors(parsed.error) } });
      const { webhook, secret } = app.alerts.subscriptions.addWebhook({ ...parsed.data, createdBy: request.user!.email });
      // The one time the secret is shown: the page is private and not stored by any cache.
      return render(request, reply, 201, { newSecret: { label: webhook.label, secret } });
    },
  );

  for (const [pattern, disabled] of [
    [routePatterns.staffWebhookDisable(), true],
    [routePatterns.staffWebhookEnable(), false],
  ] as const) {
    app.post(
      pattern,
      { onRequest: requireRole("admin"), preHandler: requireCsrf, schema: { params: WebhookParams } },
      async (request, reply) => {
        const reason = disabled ? `Disabled by ${request.user!.name}.` : null;
        if (!app.alerts.subscriptions.setWebhookDisabled(request.params.id, disabled, reason)) throw new NotFoundError("No such webhook.");
        return reply.redirect(paths.staffAlerts(), 303);
      },
    );
  }
}
