import fp from "fastify-plugin";
import { createGuardService, type GuardService } from "../review/service";

declare module "fastify" {
  interface FastifyInstance {
    /** The publication guard's staff actions: release, redact, never-publish lists (server/guard). */
    guard: GuardService;
  }
}

export const guardPlugin = fp(
  async (app) => {
    app.decorate("guard", createGuardService({ db: app.db, store: app.store, clock: app.clock, editing: app.editing }));
  },
  { name: "guard", dependencies: ["context", "editing"] },
);
