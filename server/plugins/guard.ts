import fp from "fastify-plugin";
import { paths } from "../paths";
import { createGuardService, type GuardService } from "../review/service";

declare module "fastify" {
  interface FastifyInstance {
    /** The publication guard's staff actions: release, redact, never-publish lists (server/guard, server/review). */
    guard: GuardService;
  }
}

export const guardPlugin = fp(
  async (app) => {
    const guard = createGuardService({ db: app.db, store: app.store, clock: app.clock, editing: app.editing });
    app.decorate("guard", guard);
    // The layout's staff navigation shows how many records wait for review; signed-in browsers only
    // (after the auth plugin's hook has identified the request; public pages never read it).
    app.addHook("onRequest", async (request, reply) => {
      if (request.auth?.via !== "session") return;
      reply.locals = { ...(reply.locals ?? {}), heldForReview: { count: guard.repo.openHoldCount(), href: paths.staffReview() } };
    });
  },
  { name: "guard", dependencies: ["context", "editing", "auth"] },
);
