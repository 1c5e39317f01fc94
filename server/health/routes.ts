import type { FastifyInstance } from "fastify";
import { hasRole } from "../auth/roles";
import { paths } from "../paths";
import { checkHealth } from "./checks";

/**
 * GET /health for monitors and operators. Everyone gets one word for the database, the job
 * runner and the last backup, and an overall status: 200 while the database answers (ok or
 * degraded), 503 when it does not. Staff (a session or a token of any role) also get the
 * figures: paths, job errors, backup files. A change of status is logged with those figures.
 */
export async function healthRoutes(app: FastifyInstance) {
  let lastStatus: string | null = null;

  app.get(paths.health(), { schema: { hide: true } }, async (request, reply) => {
    const { summary, detail } = checkHealth(app);
    const key = `${summary.status}/${summary.database}/${summary.jobs}/${summary.backup}`;
    if (key !== lastStatus) {
      const line = { health: summary, detail: detail() };
      if (summary.status === "ok") app.log.info(line, "health: ok");
      else app.log.warn(line, `health: ${summary.status}`);
      lastStatus = key;
    }
    const staff = request.user !== null && hasRole(request.user.role, "viewer");
    return reply
      .code(summary.status === "failing" ? 503 : 200)
      .header("cache-control", "no-store")
      .type("application/json; charset=utf-8")
      .send(staff ? { ...summary, detail: detail() } : summary);
  });
}
