import type { FastifyInstance } from "fastify";
import * as cheerio from "cheerio";
import type { Db } from "../../db/client";
import { events, orders } from "../../db/schema";

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
    if (
      (m[3] ?? "")
        .split(",")
        .map((s) => s.trim())
        .includes("GET")
    )
      routes.push(stack.join(""));
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
      throw new Error(
        `No test value for a parameter of ${route} (it answered ${res.statusCode} to an anonymous request): add one to the crawl's values so this route is checked.`,
      );
    }
    urls.push(...expanded.urls);
  }
  return [...new Set(urls)];
}

/**
 * The slugs of every order and event in the database, hidden ones too, for a crawl's values of
 * `orders/:slug` and `events/:slug`: the pages of those the public may see, and the 404 of the rest.
 */
export function orderAndEventSlugs(db: Db): ParamValues {
  return {
    "orders/:slug": db
      .select({ slug: orders.slug })
      .from(orders)
      .all()
      .map((r) => r.slug),
    "events/:slug": db
      .select({ slug: events.slug })
      .from(events)
      .all()
      .map((r) => r.slug),
  };
}

/** One answer of a crawl: what a reader's program receives, headers included. */
export type CrawledAnswer = { status: number; contentType: string; headers: string; body: string; bytes: number };

export type CrawlOptions = {
  /** The site's own origin (config.publicUrl): absolute links elsewhere are not followed. */
  origin: string;
  /** A bound on the crawl, so a link that multiplies (filters of filters) cannot run it away; reaching it fails the crawl. */
  limit?: number;
};

/** Paths a crawl of the public site leaves out, as seeds or links: staff pages ask for a sign-in; assets and the API explorer's bundle hold no records. */
const NOT_CRAWLED = /^\/(staff|admin|logout|assets)(\/|$)|^\/api\/docs\/static\//;

/** The links an answer carries, by format: markup and Atom attributes, URLs in JSON values, absolute URLs in text (iCalendar, CSV). */
function linksOf(answer: CrawledAnswer, origin: string): string[] {
  const { contentType, body } = answer;
  if (/html|xml/.test(contentType)) {
    const $ = cheerio.load(body, { xml: /xml/.test(contentType) && !/html/.test(contentType) });
    return $("[href], [src]")
      .map((_, el) => $(el).attr("href") ?? $(el).attr("src") ?? "")
      .get();
  }
  if (/json/.test(contentType)) {
    const found: string[] = [];
    const walk = (value: unknown, key: string) => {
      if (typeof value === "string") {
        if (value.startsWith(`${origin}/`) || (/(^href$|url$|Url$)/.test(key) && value.startsWith("/"))) found.push(value);
      } else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
      else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, k);
    };
    try {
      walk(JSON.parse(body), "");
    } catch {
      // Not JSON after all (an error page sent as text): nothing to follow.
    }
    return found;
  }
  const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return body.replace(/\r\n[ \t]/g, "").match(new RegExp(`${escaped}/[^\\s",;<>]*`, "g")) ?? [];
}

/** A link as a path and query on the site, or null when it leads elsewhere or somewhere the crawl does not go. */
function sitePath(link: string, from: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(link, `${origin}${from}`);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin || NOT_CRAWLED.test(url.pathname)) return null;
  // The sign-in page is one page, whatever page sent the reader there.
  if (url.pathname === "/login") return "/login";
  return `${url.pathname}${url.search}`;
}

/**
 * Requests every seed URL as an anonymous reader and every URL the answers link to on the
 * site, breadth first, each once: the public site as a reader, a feed reader, a calendar or
 * a script following the API's links sees it. Staff links are not followed.
 */
export async function crawlPublic(app: FastifyInstance, seeds: string[], options: CrawlOptions): Promise<Map<string, CrawledAnswer>> {
  const limit = options.limit ?? 5000;
  const answers = new Map<string, CrawledAnswer>();
  const queue = [...new Set(seeds.filter((seed) => !NOT_CRAWLED.test(new URL(seed, options.origin).pathname)))];
  const queued = new Set(queue);
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (answers.size >= limit)
      throw new Error(`The crawl reached its bound of ${limit} URLs before ${url}: raise it, or find the link that multiplies.`);
    const res = await app.inject(url);
    const answer: CrawledAnswer = {
      status: res.statusCode,
      contentType: String(res.headers["content-type"] ?? ""),
      headers: Object.entries(res.headers)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join("\n"),
      body: res.body,
      bytes: res.rawPayload.length,
    };
    answers.set(url, answer);
    const location = res.headers.location;
    const links =
      res.statusCode >= 300 && res.statusCode < 400
        ? typeof location === "string"
          ? [location]
          : []
        : res.statusCode < 300
          ? linksOf(answer, options.origin)
          : [];
    for (const link of links) {
      const path = sitePath(link, url, options.origin);
      if (path && !queued.has(path)) {
        queued.add(path);
        queue.push(path);
      }
    }
  }
  return answers;
}
