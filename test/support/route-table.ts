import type { FastifyInstance } from "fastify";

/*
 * The app's routes as Fastify registered them, read from its own route table, so a test over
 * "every route" covers a route added tomorrow without anyone listing it.
 */

export type RegisteredRoute = { method: string; path: string };

/**
 * Full paths of the routes for one method, from `printRoutes`: a tree with one segment a line
 * ("│   ├── /v1 (GET)"), four columns of indent per level; a segment without a method list is
 * a node on the way to routes.
 */
export function routesOf(app: FastifyInstance, method: string): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of app.printRoutes({ method, commonPrefix: false }).split("\n")) {
    const match = /^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    stack.length = match[1]!.length / 4;
    stack.push(match[2]!);
    if (match[3]?.split(", ").includes(method)) out.push(stack.join(""));
  }
  return out;
}

/** Every route for every method the app answers (HEAD is Fastify's own copy of each GET, left out). */
export function routeTable(
  app: FastifyInstance,
  methods: readonly string[] = ["GET", "POST", "PUT", "PATCH", "DELETE"],
): RegisteredRoute[] {
  return methods.flatMap((method) => routesOf(app, method).map((path) => ({ method, path })));
}

/** A named parameter (`:slug`, or `:entryId|:id` where routes share a node) or a wildcard (`*`). */
const PARAM = /:(\w+)(?:\|:\w+)*|\*/g;

/**
 * The parameters of a route path, in order. Fastify shows routes that share a node with the
 * names of each (`/:entryId|:id`); every name at one position is the same parameter.
 */
export function paramsOf(path: string): string[] {
  return [...path.matchAll(PARAM)].map((m) => m[1] ?? "*");
}

/** The path with each parameter (and wildcard, named "*") replaced by `valueOf(name, index)`; the caller encodes. */
export function fillPath(path: string, valueOf: (name: string, index: number) => string): string {
  let index = 0;
  return path.replace(PARAM, (_m, name: string | undefined) => valueOf(name ?? "*", index++));
}
