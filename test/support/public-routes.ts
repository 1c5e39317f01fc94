import type { FastifyInstance } from "fastify";

/*
 * The public URLs of the app, read from Fastify's own route table, so a test that crawls them
 * checks a route added later without anyone editing the test.
 */

/**
 * Every GET route in Fastify's route table, as full paths. printRoutes draws a tree whose
 * nodes hold path pieces; a node's path is its ancestors' pieces joined.
 */
export function getRoutes(app: FastifyInstance): string[] {
  const tree = app.printRoutes({ method: "GET", commonPrefix: false });
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split("\n")) {
    const m = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([^)]*)\))?\s*$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    if ((m[3] ?? "").split(",").map((s) => s.trim()).includes("GET")) routes.push(stack.join(""));
  }
  return routes;
}

/** Real values for each path parameter, keyed by the segment before it ("cases/:slug"). */
export type ParamValues = Record<string, string[]>;

/** What a parameter is given when the test knows no value for it (staff routes check the token first). */
const GUESS = "1";

/**
 * Concrete URLs for a route pattern. find-my-way prints one node for a path whose methods name
 * the parameter differently (":slug|:id"); any known name will do. `guessed` says a parameter
 * had no known value and got GUESS.
 */
export function expand(route: string, values: ParamValues): { urls: string[]; guessed: boolean } {
  const segments = route.split("/");
  let urls = [""];
  let guessed = false;
  segments.forEach((segment, i) => {
    if (i === 0) return;
    if (!segment.startsWith(":")) {
      urls = urls.map((u) => `${u}/${segment}`);
      return;
    }
    const options = segment
      .split("|")
      .map((name) => values[`${segments[i - 1]}/${name}`])
      .find((v) => v !== undefined);
    if (!options) guessed = true;
    urls = urls.flatMap((u) => (options ?? [GUESS]).map((v) => `${u}/${encodeURIComponent(v)}`));
  });
  return { urls: urls.map((u) => u || "/"), guessed };
}

/** True when a printed route is the expected pattern (any of a node's parameter names matches). */
export function routeMatches(route: string, expected: string): boolean {
  const a = route.split("/");
  const b = expected.split("/");
  return a.length === b.length && a.every((segment, i) => segment.split("|").includes(b[i]!));
}

// Staff pages send an anonymous browser to the sign-in page (303 to /login); other staff routes refuse with 401/403.
export const isStaffOnly = (res: { statusCode: number; headers: Record<string, unknown> }) =>
  res.statusCode === 401 || res.statusCode === 403 || (res.statusCode === 303 && String(res.headers.location ?? "").startsWith("/login"));

/**
 * Every public GET route with real values in its parameters. A route with a parameter this
 * test has no value for must be staff-only (401/403 to an anonymous request, whatever the
 * value); otherwise the crawl stops and asks for a value, so a new public route is never
 * skipped silently.
 */
export async function publicRouteUrls(app: FastifyInstance, values: ParamValues): Promise<string[]> {
  const urls: string[] = [];
  for (const route of getRoutes(app).filter((r) => !r.includes("*"))) {
    const expanded = expand(route, values);
    if (expanded.guessed) {
      const res = await app.inject(expanded.urls[0]!);
      if (isStaffOnly(res)) continue;
      throw new Error(`No test value for a parameter of ${route} (it answered ${res.statusCode} to an anonymous request): add one to the crawl's values so this route is checked.`);
    }
    urls.push(...expanded.urls);
  }
  return [...new Set(urls)];
}
