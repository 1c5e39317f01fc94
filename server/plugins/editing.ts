import fp from "fastify-plugin";
import { createEditService, type EditService } from "../editing/service";

declare module "fastify" {
  interface FastifyInstance {
    /** The write service: create, update, delete, restore, strike, revisions (server/editing/README.md). */
    editing: EditService;
  }
}

/** Makes the write service reachable from every route: the write API now, the staff forms next. */
export const editingPlugin = fp(
  async (app) => {
    app.decorate("editing", createEditService({ db: app.db, store: app.store, clock: app.clock }));
  },
  { name: "editing", dependencies: ["context"] },
);
