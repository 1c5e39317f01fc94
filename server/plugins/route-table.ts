import fp from "fastify-plugin";
import type { FastifyInstance, RouteOptions } from "fastify";
import { guardsOf } from "../auth/hooks";

/** One registered route, as `quash routes` and docs/routes.md list it. */
export type RouteRow = {
  /** The part of server/app.ts that registered it ("Public pages", "API"…). */
  section: string;
  /** The plugin that registered it, as named in server/app.ts (or by the library that added it). */
  module: string;
  method: string;
  path: string;
  /** Who may call it: the roles and checks its hooks demand ("viewer", "editor (token)", "csrf"). */
  guards: string[];
};

export type RouteTable = {
  /** Names the part of server/app.ts whose modules are registered next. */
  section(name: string): void;
  /** Every route, in registration order, once the app is ready; HEAD routes Fastify adds for a GET are left out. */
  rows(): RouteRow[];
};

declare module "fastify" {
  interface FastifyInstance {
    routeTable: RouteTable;
  }
}

/**
 * The hooks a module added with `addHook` for all its routes (admin pages need "admin"). Fastify
 * keeps them under an unexported symbol; without it only the route's own hooks are listed.
 */
function contextHooks(instance: FastifyInstance, name: "onRequest" | "preHandler"): unknown[] {
  const symbol = Object.getOwnPropertySymbols(Object.getPrototypeOf(instance) ?? {})
    .concat(Object.getOwnPropertySymbols(instance))
    .find((s) => s.description === "fastify.hooks");
  const hooks = symbol ? (instance as unknown as Record<symbol, Record<string, unknown[]> | undefined>)[symbol] : undefined;
  return hooks?.[name] ?? [];
}

const hooksOf = (value: RouteOptions["onRequest"] | RouteOptions["preHandler"]) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * The name of the module that registered a route: the plugin just below the root (a route
 * module in server/app.ts), or for a plugin that shares the root's context (fastify-plugin)
 * the last name in its chain ("fastify -> openapi" → "openapi").
 */
function moduleOf(root: FastifyInstance, instance: FastifyInstance): string {
  let context = instance;
  while (context !== root && Object.getPrototypeOf(context) !== root) context = Object.getPrototypeOf(context) as FastifyInstance;
  // A module's chain starts with its own name ("authRoutes -> @fastify/rate-limit"); the root's
  // ends with the fastify-plugin plugin registering now.
  const chain = context.pluginName.split(" -> ").map((name) => name.trim());
  const name = (context === root ? chain.at(-1) : chain[0]) ?? context.pluginName;
  // A library's plugin without a name is named by its file: keep the package's name only.
  return /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(name)?.[1] ?? name;
}

/**
 * Collects Fastify's route table as routes are added, with the section of server/app.ts each
 * comes from and the guards on it. Register it first: a route added before it is not seen.
 */
export const routeTablePlugin = fp(
  async (app) => {
    // A module's own hooks (addHook) reach its context only once the app is ready, so guards are read then.
    const rows: (Omit<RouteRow, "guards"> & { head: boolean; guards: () => string[] })[] = [];
    let section = "Infrastructure";
    app.addHook("onRoute", function (this: FastifyInstance, route) {
      for (const method of [route.method].flat()) {
        rows.push({
          section,
          module: moduleOf(app, this),
          method,
          path: route.url,
          guards: () =>
            [
              ...contextHooks(this, "onRequest"),
              ...hooksOf(route.onRequest),
              ...contextHooks(this, "preHandler"),
              ...hooksOf(route.preHandler),
            ].flatMap(guardsOf),
          head: method === "HEAD",
        });
      }
    });
    app.decorate("routeTable", {
      section(name: string) {
        section = name;
      },
      rows() {
        const gets = new Set(rows.filter((r) => r.method === "GET").map((r) => r.path));
        return rows.filter((r) => !(r.head && gets.has(r.path))).map(({ head: _head, guards, ...row }) => ({ ...row, guards: guards() }));
      },
    });
  },
  { name: "route-table" },
);
