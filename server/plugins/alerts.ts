import fp from "fastify-plugin";
import { keepOutboxInStep } from "../alerts/outbox";
import { createSmtpMailer, type Mailer } from "../alerts/mailer";
import { createSubscriptionsRepository, type SubscriptionsRepository } from "../alerts/subscriptions";

declare module "fastify" {
  interface FastifyInstance {
    /** Alerts (server/alerts/README.md): subscriptions and webhooks, and the mailer for confirmation messages (null without SMTP). */
    alerts: { subscriptions: SubscriptionsRepository; mailer: Mailer | null };
  }
}

/**
 * Makes every write to the app's database feed the alerts outbox (in the write's transaction)
 * and gives routes the subscriptions. The delivery worker is a job (server/alerts/job.ts),
 * started with the other jobs by startServer.
 */
export const alertsPlugin = fp(
  async (app) => {
    keepOutboxInStep(app.db);
    const mailer = app.config.smtp ? createSmtpMailer(app.config.smtp, app.config.mailFrom) : null;
    app.decorate("alerts", { subscriptions: createSubscriptionsRepository(app.db, () => app.clock.now()), mailer });
    app.addHook("onClose", async () => mailer?.close());
  },
  { name: "alerts", dependencies: ["context"] },
);
