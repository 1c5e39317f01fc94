import type { FastifyInstance } from "fastify";
import { paths } from "../paths";
import { requireRole } from "../plugins/auth";
import { toStaffHomeView } from "./view-models";

/** The staff home: who is signed in and what they can do. */
export async function staffRoutes(app: FastifyInstance) {
  app.get(paths.staff(), { onRequest: requireRole("viewer") }, async (request, reply) =>
    reply.view("staff/home.hbs", toStaffHomeView(request.user!)),
  );
}
