import Fastify, { type FastifyInstance } from "fastify";
import formbody from "@fastify/formbody";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Db } from "../db/client";
import type { Config } from "./config";
import type { Clock } from "./shared/clock";
import { routeTablePlugin } from "./plugins/route-table";
import { contextPlugin } from "./plugins/context";
import { securityPlugin } from "./plugins/security";
import { httpCachingPlugin } from "./plugins/http-caching";
import { cachedPagesPlugin } from "./plugins/cached-pages";
import { viewsPlugin } from "./plugins/views";
import { assetsPlugin } from "./plugins/assets";
import { errorHandlerPlugin } from "./plugins/error-handler";
import { authPlugin } from "./plugins/auth";
import { editingPlugin } from "./plugins/editing";
import { publicationPlugin } from "./plugins/publication";
import { guardPlugin } from "./plugins/guard";
import { shareMetaPlugin } from "./plugins/share-meta";
import { sharingRoutes } from "./sharing/routes";
import { openapiPlugin } from "./plugins/openapi";
import { apiConventionsPlugin } from "./plugins/api-conventions";
import { jobsPlugin } from "./plugins/jobs";
import { alertsPlugin } from "./plugins/alerts";
import { overviewRoutes } from "./overview/routes";
import { subpoenasRoutes } from "./subpoenas/routes";
import { casesRoutes } from "./cases/routes";
import { judgesRoutes } from "./judges/routes";
import { ordersRoutes } from "./orders/routes";
import { timelineRoutes } from "./timeline/routes";
import { sourcesRoutes } from "./sources/routes";
import { feedsRoutes } from "./feeds/routes";
import { calendarRoutes } from "./calendar/routes";
import { calculatorRoutes } from "./calculator/routes";
import { doctrineRoutes } from "./doctrine/routes";
import { authoritiesRoutes } from "./authorities/routes";
import { argumentsRoutes } from "./arguments/routes";
import { motionsRoutes } from "./motions/routes";
import { compareRoutes } from "./compare/routes";
import { patternsRoutes } from "./patterns/routes";
import { caseAuthoritiesRoutes } from "./case-authorities/routes";
import { citeReviewRoutes } from "./case-authorities/staff-routes";
import { calculatorApiRoutes } from "./calculator/api-routes";
import { apiRoutes } from "./api/routes";
import { authRoutes } from "./auth/routes";
import { staffRoutes } from "./staff/routes";
import { adminRoutes } from "./admin/routes";
import { importRoutes } from "./imports/routes";
import { watchingRoutes } from "./watching/routes";
import { writeApiRoutes } from "./editing/api-routes";
import { publicationRoutes } from "./publication/routes";
import { publicationApiRoutes } from "./publication/api-routes";
import { sealRoutes } from "./publication/seal-routes";
import { sealApiRoutes } from "./publication/seal-api-routes";
import { flashPlugin } from "./forms/flash";
import { historyRoutes } from "./history/routes";
import { documentsRoutes } from "./documents/routes";
import { reviewRoutes } from "./review/routes";
import { searchRoutes } from "./search/routes";
import { publicSearchRoutes } from "./public-search/routes";
import { recordFormsRoutes } from "./editing/records/forms";
import { scheduleRoutes } from "./schedule/routes";
import { healthRoutes } from "./health/routes";
import { alertsRoutes } from "./alerts/routes";
import { alertsStaffRoutes } from "./alerts/staff-routes";

export type BuildOptions = {
  config: Config;
  db: Db;
  clock: Clock;
  /** Where the log goes (standard output unless given); tests read the log from here. */
  logStream?: { write(line: string): void };
};

/**
 * Builds the app without listening (tests call this and use inject). The list below is the
 * table of contents: every plugin and route module, by name, in the order they load.
 */
export async function buildApp({ config, db, clock, logStream }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === "silent" ? false : { level: config.logLevel, ...(logStream ? { stream: logStream } : {}) },
    bodyLimit: config.maxUploadBytes,
    // `/cases/` is the page at `/cases`: a trailing slash names the same route.
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // First: it lists every route added after it (`quash routes`, docs/routes.md), by section below.
  await app.register(routeTablePlugin);

  app.routeTable.section("Infrastructure");
  await app.register(contextPlugin, { config, db, clock });
  await app.register(securityPlugin);
  // Before every answer is made: the Cache-Control, ETag, Last-Modified and 304 of every answer.
  await app.register(httpCachingPlugin);
  // Before the page cache: it answers stored API answers, and those too count against the quota.
  await app.register(apiConventionsPlugin);
  await app.register(cachedPagesPlugin);
  await app.register(formbody);
  await app.register(viewsPlugin);
  await app.register(assetsPlugin);
  await app.register(errorHandlerPlugin);
  await app.register(authPlugin);
  await app.register(editingPlugin);
  await app.register(publicationPlugin);
  await app.register(guardPlugin);
  await app.register(flashPlugin);
  await app.register(shareMetaPlugin);
  await app.register(jobsPlugin);
  await app.register(alertsPlugin);
  // Before every route module: it collects the API routes' schemas as they are added.
  await app.register(openapiPlugin);

  app.routeTable.section("Public pages");
  await app.register(overviewRoutes);
  await app.register(subpoenasRoutes);
  await app.register(casesRoutes);
  await app.register(judgesRoutes);
  // The law students' pages (issue 11).
  await app.register(doctrineRoutes);
  await app.register(authoritiesRoutes);
  await app.register(argumentsRoutes);
  await app.register(motionsRoutes);
  await app.register(compareRoutes);
  await app.register(patternsRoutes);
  await app.register(caseAuthoritiesRoutes);
  await app.register(ordersRoutes);
  await app.register(timelineRoutes);
  await app.register(sourcesRoutes);
  await app.register(publicSearchRoutes);
  await app.register(feedsRoutes);
  await app.register(calendarRoutes);
  await app.register(calculatorRoutes);
  await app.register(alertsRoutes);
  await app.register(sharingRoutes);

  app.routeTable.section("API");
  await app.register(apiRoutes);
  await app.register(calculatorApiRoutes);

  app.routeTable.section("Operations");
  await app.register(healthRoutes);

  app.routeTable.section("Staff");
  await app.register(authRoutes);
  await app.register(staffRoutes);
  await app.register(adminRoutes);
  await app.register(importRoutes);
  await app.register(watchingRoutes);
  await app.register(writeApiRoutes);
  await app.register(publicationApiRoutes);
  await app.register(publicationRoutes);
  await app.register(sealApiRoutes);
  await app.register(sealRoutes);
  await app.register(historyRoutes);
  await app.register(documentsRoutes);
  await app.register(reviewRoutes);
  await app.register(searchRoutes);
  await app.register(citeReviewRoutes);
  await app.register(recordFormsRoutes);
  await app.register(scheduleRoutes);
  await app.register(alertsStaffRoutes);

  return app;
}
