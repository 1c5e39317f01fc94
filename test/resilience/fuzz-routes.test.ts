import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { FastifyInstance, InjectOptions } from "fastify";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { csrfTokenFrom } from "../../server/auth/csrf";
import { attachDocument } from "../../server/documents/service";
import { RECORD_DEFINITIONS } from "../../server/editing/records";
import { FORM_CONFIGS } from "../../server/forms/record-form";
import { RECORD_TABLES } from "../../server/records/tables";
import { seedDatabase } from "../../seeds/load";
import { minimalPdf } from "../documents/support";
import { buildLoggedTestApp } from "../support/app";
import { insertUser } from "../support/auth";
import { testActor, testClock } from "../support/db";
import { fillPath, paramsOf, routeTable, type RegisteredRoute } from "../support/route-table";

/*
 * Issue 9's fuzz proof: every route in Fastify's route table, driven by fast-check with
 * malformed paths, query strings, bodies and headers, as the public, as a signed-in admin
 * (session cookie and CSRF token) and with API tokens. Three properties:
 *   - no answer is a 5xx;
 *   - a refused write (any method but GET/HEAD answered 4xx) leaves the database byte for byte
 *     as it was (SQLite's own serialisation of the in-memory database, compared before/after);
 *   - a redirect leads only to a path on this site, whatever a return-to parameter said.
 * Deterministic: a fixed seed (FUZZ_SEED to try another) and a fixed count (FUZZ_RUNS), both
 * printed with the figures. A failure lists the requests that broke a property, to replay.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_121);
/** Requests per route (about 275 routes: some 2,200 requests, 30–80 s on two loaded cores). */
const PER_ROUTE = Number(process.env.FUZZ_PER_ROUTE ?? 8);

type Who = "public" | "session" | "token" | "viewer-token" | "bad-token";
type Body =
  | { kind: "none" }
  | { kind: "json"; value: unknown; version?: number }
  | { kind: "form"; pairs: [string, string][]; csrf: boolean }
  | {
      kind: "multipart";
      fields: [string, string][];
      file: { name: string; type: string; bytes: readonly number[] } | null;
      csrf: boolean;
      boundary: string;
    }
  | { kind: "raw"; contentType: string; text: string };
type FuzzRequest = {
  route: RegisteredRoute;
  method: string;
  params: string[];
  query: [string, string][];
  body: Body;
  headers: [string, string][];
  who: Who;
  address: string;
};

/** Names the app's query strings and forms use, so the fuzz reaches past "unknown field". */
const QUERY_NAMES = [
  "page",
  "per",
  "q",
  "from",
  "to",
  "kind",
  "year",
  "group",
  "next",
  "ids",
  "attached",
  "done",
  "signedOut",
  "reliability",
  "status",
  "court",
  "type",
  "days",
  "dir",
  "trigger",
  "rule",
  "format",
  "sort",
  "limit",
];
const FIELD_NAMES = [
  "title",
  "description",
  "dateFiled",
  "number",
  "kind",
  "slug",
  "caption",
  "label",
  "version",
  "reason",
  "email",
  "password",
  "name",
  "role",
  "sealed",
  "attachmentNumber",
  "accountIds",
  "movantPartyIds",
  "dispositions",
  "coverage",
  "demands",
  "related",
  "courtId",
  "docketNumber",
  "url",
  "reliability",
  "revisionId",
  "status",
  "tracked",
  "confirm",
  "importIds",
  "trigger",
  "days",
  "dir",
  "rule",
  "next",
  "__proto__",
  "constructor",
];

const NASTY = [
  "",
  " ",
  "0",
  "-1",
  "03",
  "3.0",
  "+3",
  "0x3",
  "1e3",
  "99999999999999999999",
  "NaN",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "..",
  "../..",
  "%",
  "%00",
  "%ff",
  "%2e%2e%2f",
  "%0d%0a",
  "new",
  "edit",
  "\u0000",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "x".repeat(600),
  "é",
  "\u202e",
  "🙂",
  "2025-02-30",
  "2025-13-01",
  "9999-99-99",
  "/\t/evil.example",
  "//evil.example",
  "javascript:alert(1)",
];

const printable = fc.string({ unit: fc.constantFrom(..."abcXYZ019-_.~!*'();:@&=+$,/?#[]% <>\"{}|\\^`\u00e9"), maxLength: 40 });
const anyText = fc.oneof(
  printable,
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
);

/** A path segment: a real value from the record, or something that is not one, encoded or raw. */
function segment(pool: string[]) {
  return fc.oneof(
    { weight: 7, arbitrary: fc.constantFrom(...pool) },
    { weight: 3, arbitrary: anyText.map((t) => encodeURIComponent(t)) },
    { weight: 1, arbitrary: fc.constantFrom("%", "%zz", "%C0%AF", "a%2Fb", "..%2F", "%E3%80%80", "%00", "%2e") },
  );
}

function bodyArbitrary(): fc.Arbitrary<Body> {
  const pair = fc.tuple(fc.oneof(fc.constantFrom(...FIELD_NAMES), printable), anyText);
  const jsonObject = fc.dictionary(
    fc.oneof(fc.constantFrom(...FIELD_NAMES), printable),
    fc.oneof(fc.jsonValue({ maxDepth: 2 }), anyText, fc.integer()),
    { maxKeys: 6 },
  );
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<Body>({ kind: "none" }) },
    { weight: 3, arbitrary: fc.oneof(jsonObject, fc.jsonValue({ maxDepth: 3 })).map((value): Body => ({ kind: "json", value })) },
    {
      weight: 4,
      arbitrary: fc.record({ pairs: fc.array(pair, { maxLength: 8 }), csrf: fc.boolean() }).map((b): Body => ({ kind: "form", ...b })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          fields: fc.array(pair, { maxLength: 4 }),
          file: fc.option(
            fc.record({
              name: anyText,
              type: fc.constantFrom("application/pdf", "text/html", "application/octet-stream", "message/rfc822", ""),
              bytes: fc.oneof(
                fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 200 }),
                fc.constant([...Buffer.from("%PDF-1.4\n%%EOF")]),
              ),
            }),
            { nil: null },
          ),
          csrf: fc.boolean(),
          boundary: fc.constantFrom("fuzzboundary", "x", "--", "a b"),
        })
        .map((b): Body => ({ kind: "multipart", ...b })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          contentType: fc.constantFrom(
            "application/json",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "text/plain",
            "application/xml",
            "application/json; charset=latin1",
            "text/html; charset=utf-8",
            "application/octet-stream",
            "",
            "*/*",
            "application/x-www-form-urlencoded; charset=utf-16",
          ),
          text: fc.oneof(
            anyText,
            fc.constantFrom(
              '{"a":',
              "a=%zz&b",
              '{"__proto__":{"x":1}}',
              "[1,2",
              "\u0000\u0001",
              "a=1&a=2&a[]=3",
              '{"constructor":{"prototype":{"x":1}}}',
            ),
          ),
        })
        .map((b): Body => ({ kind: "raw", ...b })),
    },
  );
}

const HEADER_NAMES = [
  "accept",
  "accept-encoding",
  "accept-language",
  "if-match",
  "if-none-match",
  "if-modified-since",
  "x-reason",
  "range",
  "origin",
  "referer",
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-host",
  "x-csrf-token",
  "user-agent",
  "content-language",
];
const headerValue = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."abcXYZ019-_.~!*'();:@&=+$,/?#[]% <>\"{}|\\^`\u00e9\t"), maxLength: 60 }),
  fc.constantFrom(
    '"1"',
    'W/"2"',
    '"99999999999"',
    "*",
    "1",
    '"-1"',
    "bytes=0-1",
    "bytes=9-1",
    "gzip, br, deflate, *;q=0",
    "application/json",
    "text/html",
    "text/calendar",
    "application/atom+xml",
    "*/*;q=oops",
    "x".repeat(2000),
  ),
);

/** A record as the write API or a form would send it back, taken from the database. */
type RecordSample = { ref: string; fields: Record<string, unknown>; version: number };

/**
 * Bodies made from real records of the route's type, then changed: fields dropped, set to
 * hostile values, or added. These get past "unknown field" and "missing field" to the
 * record's own checks (dates, links, slugs, versions), and some are accepted writes.
 */
function recordBodyArbitrary(samples: RecordSample[], formsFirst: boolean): fc.Arbitrary<Body> {
  return fc.constantFrom(...samples).chain((sample) => {
    const keys = Object.keys(sample.fields);
    return fc
      .record({
        keep: fc.subarray(keys, { minLength: Math.min(1, keys.length) }),
        set: fc.array(
          fc.tuple(
            fc.oneof(fc.constantFrom(...keys), fc.constantFrom(...FIELD_NAMES)),
            fc.oneof(anyText, fc.integer(), fc.jsonValue({ maxDepth: 2 }), fc.constant(null)),
          ),
          { maxLength: 2 },
        ),
        asForm: fc.oneof({ weight: 4, arbitrary: fc.constant(formsFirst) }, { weight: 1, arbitrary: fc.constant(!formsFirst) }),
        staleBy: fc.constantFrom(0, 0, 0, 1, -1),
      })
      .map(({ keep, set, asForm, staleBy }): Body => {
        const value: Record<string, unknown> = Object.fromEntries(keep.map((key) => [key, sample.fields[key]]));
        for (const [key, v] of set) value[key] = v;
        const version = sample.version + staleBy;
        if (!asForm) return { kind: "json", value, version };
        const pairs: [string, string][] = [["version", String(version)]];
        for (const [key, v] of Object.entries(value)) {
          for (const item of Array.isArray(v) ? v : [v])
            pairs.push([
              key,
              item === null || item === undefined
                ? ""
                : typeof item === "object"
                  ? JSON.stringify(item)
                  : item === true
                    ? "on"
                    : String(item),
            ]);
        }
        return { kind: "form", pairs, csrf: true };
      });
  });
}

/** Requests to one route: its own method mostly, any other sometimes; parameters, query, body, headers and caller all fuzzed. */
function requestArbitrary(route: RegisteredRoute, pools: Record<string, string[]>, samples: RecordSample[]): fc.Arbitrary<FuzzRequest> {
  const names = paramsOf(route.path);
  // The last parameter names the route's own record: mostly one that exists.
  const poolOf = (name: string, index: number) =>
    index === names.length - 1 && samples.length ? samples.map((sample) => sample.ref) : (pools[name] ?? pools["id"]!);
  const writeBody = samples.length
    ? fc.oneof(
        { weight: 1, arbitrary: bodyArbitrary() },
        { weight: 1, arbitrary: recordBodyArbitrary(samples, !route.path.startsWith("/api/")) },
      )
    : bodyArbitrary();
  return fc.record({
    route: fc.constant(route),
    method: fc.oneof(
      { weight: 12, arbitrary: fc.constant(route.method) },
      { weight: 1, arbitrary: fc.constantFrom("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS") },
    ),
    params: fc.tuple(...names.map((name, index) => segment(poolOf(name, index)))) as fc.Arbitrary<string[]>,
    query: fc.array(
      fc.tuple(fc.oneof(fc.constantFrom(...QUERY_NAMES), printable), fc.oneof(fc.constantFrom(...(pools["query"] ?? [])), anyText)),
      { maxLength: 5 },
    ),
    body:
      route.method === "GET"
        ? fc.oneof({ weight: 6, arbitrary: fc.constant<Body>({ kind: "none" }) }, { weight: 1, arbitrary: bodyArbitrary() })
        : writeBody,
    headers: fc.array(fc.tuple(fc.constantFrom(...HEADER_NAMES), headerValue), { maxLength: 4 }),
    who: fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom<Who>("public", "session", "token", "viewer-token", "bad-token") },
      // Mostly the caller the route is for: scripts on the API, signed-in staff on the pages.
      { weight: 2, arbitrary: fc.constant<Who>(route.path.startsWith("/api/") ? "token" : "session") },
    ),
    address: fc.ipV4(),
  });
}

/** The staff this run acts as; made again whenever a fuzzed request signed them out, disabled them or revoked a token. */
function createIdentities(app: FastifyInstance, db: Db) {
  let session = { cookie: "", csrf: "", token: "" };
  let tokens = { editor: "", admin: "", viewer: "" };
  const userId = (email: string) =>
    db
      .select()
      .from(s.users)
      .all()
      .find((u) => u.email === email)!.id;

  function ensure(): void {
    for (const email of ["admin@example.org", "editor@example.org", "viewer@example.org"]) {
      const user = db
        .select()
        .from(s.users)
        .all()
        .find((u) => u.email === email)!;
      if (user.disabledAt) app.accounts.setDisabled(user.id, false, testActor);
    }
    if (!session.token || app.accounts.resolveSession(session.token).status !== "ok") {
      const { token } = app.accounts.startSession(userId("admin@example.org"));
      const resolved = app.accounts.resolveSession(token);
      if (resolved.status !== "ok") throw new Error("could not start the fuzz session");
      session = { token, cookie: `quash_session=${token}`, csrf: csrfTokenFrom(resolved.auth.csrfSecret) };
    }
    for (const role of ["admin", "editor", "viewer"] as const) {
      if (!tokens[role] || app.accounts.resolveToken(tokens[role]).status !== "ok")
        tokens = { ...tokens, [role]: app.accounts.createToken(`${role}@example.org`, `fuzz ${role}`).token };
    }
  }
  return {
    ensure,
    get session() {
      return session;
    },
    get tokens() {
      return tokens;
    },
  };
}

function toInject(request: FuzzRequest, identities: ReturnType<typeof createIdentities>): InjectOptions {
  const url =
    fillPath(request.route.path, (_name, i) => request.params[i]!) +
    (request.query.length ? `?${request.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")}` : "");
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) headers[name] = value;
  const { session, tokens } = identities;
  // The signed-in and token requests come from one address that never sends a bad token, so the token limiter never locks them out.
  let remoteAddress = request.address;
  if (request.who === "session") {
    headers["cookie"] = session.cookie;
    remoteAddress = "127.0.0.1";
  } else if (request.who === "token" || request.who === "viewer-token") {
    headers["authorization"] =
      `Bearer ${request.who === "token" ? (request.method === "GET" ? tokens.viewer : tokens.admin) : tokens.viewer}`;
    remoteAddress = "127.0.0.1";
  } else if (request.who === "bad-token") {
    headers["authorization"] = `Bearer quash_${request.params.join("").slice(0, 43) || "nothing"}`;
  }
  let payload: string | Buffer | undefined;
  const body = request.body;
  const csrfPair: [string, string][] = request.who === "session" ? [["_csrf", session.csrf]] : [];
  switch (body.kind) {
    case "none":
      break;
    case "json":
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body.value) ?? "null";
      if (body.version !== undefined && headers["if-match"] === undefined) headers["if-match"] = `"${body.version}"`;
      if (request.who === "session") headers["x-csrf-token"] = session.csrf;
      break;
    case "form":
      headers["content-type"] = "application/x-www-form-urlencoded";
      payload = new URLSearchParams([...(body.csrf ? csrfPair : []), ...body.pairs]).toString();
      break;
    case "multipart": {
      const parts: Buffer[] = [];
      for (const [name, value] of [...(body.csrf ? csrfPair : []), ...body.fields]) {
        parts.push(
          Buffer.from(`--${body.boundary}\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, "")}"\r\n\r\n${value}\r\n`),
        );
      }
      if (body.file) {
        parts.push(
          Buffer.from(
            `--${body.boundary}\r\nContent-Disposition: form-data; name="file"; filename="${body.file.name.replace(/["\r\n]/g, "")}"\r\nContent-Type: ${body.file.type}\r\n\r\n`,
          ),
          Buffer.from(body.file.bytes),
          Buffer.from("\r\n"),
        );
      }
      parts.push(Buffer.from(`--${body.boundary}--\r\n`));
      headers["content-type"] = `multipart/form-data; boundary=${body.boundary}`;
      payload = Buffer.concat(parts);
      break;
    }
    case "raw":
      if (body.contentType) headers["content-type"] = body.contentType;
      payload = body.text;
      break;
  }
  return { method: request.method as InjectOptions["method"], url, headers, remoteAddress, ...(payload !== undefined ? { payload } : {}) };
}

/** Up to three records of each editable type, by the segment its API and forms use (`entries`, `counsel`, `fact-sources`). */
function recordSamples(app: FastifyInstance, db: Db): Map<string, RecordSample[]> {
  const samples = new Map<string, RecordSample[]>();
  for (const definition of Object.values(RECORD_DEFINITIONS)) {
    const table = RECORD_TABLES[definition.type] as typeof s.cases;
    const rows = db.select({ id: table.id }).from(table).limit(3).all();
    const records = rows.map((row) => app.editing.find(definition.type, row.id as number)!).filter(Boolean);
    const forApi = records.map((record) => {
      const { id: _id, version, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = record as Record<string, unknown>;
      return {
        ref: String(definition.type === "case" || definition.type === "subpoena" ? record.slug : record.id),
        fields,
        version: version as number,
      };
    });
    for (const segment of [definition.plural, FORM_CONFIGS.get(definition.type)?.segment])
      if (segment) samples.set(segment, [...(samples.get(segment) ?? []), ...forApi]);
  }
  return samples;
}

/** A redirect may only lead to a path on this site: no scheme, no host, no "//" or "/\\" a browser reads as one. */
function isLocalLocation(location: string | string[] | undefined): boolean {
  if (typeof location !== "string" || !location.startsWith("/") || /^\/[\\/]/.test(location) || /[\s\p{Cc}]/u.test(location)) return false;
  return new URL(location, "http://127.0.0.1:3000").origin === "http://127.0.0.1:3000";
}

describe("fuzz: every route in the route table, malformed and authenticated", () => {
  let app: FastifyInstance;
  let db: Db;
  let log: Record<string, unknown>[];

  beforeAll(async () => {
    ({ app, db, log } = await buildLoggedTestApp({ config: { logLevel: "error" } }));
    seedDatabase(db, { clock: testClock });
    for (const role of ["admin", "editor", "viewer"] as const) await insertUser(db, { email: `${role}@example.org`, role });
    const entry = db.select().from(s.docketEntries).get()!;
    attachDocument(
      db,
      app.store,
      testClock,
      app.config.dataDir,
      {
        entryId: entry.id,
        attachmentNumber: 9,
        description: "fuzz",
        sealed: false,
        bytes: minimalPdf(["Fuzz"]),
        fileName: "fuzz.pdf",
        contents: { pageCount: 1, text: "Fuzz" },
      },
      testActor,
    );
  }, 120_000);
  afterAll(async () => app?.close());

  it(`answers no request with a 5xx, and a refused write changes no byte of the database (seed ${SEED}, ${PER_ROUTE} requests a route)`, async () => {
    const routes = routeTable(app);
    const slugs = [s.cases, s.subpoenas, s.judges, s.accounts, s.events, s.orders].flatMap((table) =>
      db
        .select({ slug: table.slug })
        .from(table)
        .all()
        .map((r) => r.slug),
    );
    const ids = ["1", "2", "3", "5", "8", "13", String(db.select().from(s.documents).all().at(-1)!.id)];
    const pools = {
      slug: [...slugs, ...ids],
      id: [...ids, ...slugs.slice(0, 5)],
      entryId: db
        .select({ id: s.docketEntries.id })
        .from(s.docketEntries)
        .all()
        .map((r) => String(r.id)),
      documentId: db
        .select({ id: s.documents.id })
        .from(s.documents)
        .all()
        .map((r) => String(r.id)),
      type: Object.keys(RECORD_TABLES),
      "*": [
        "assets/site.css",
        "assets/print.css",
        "static/swagger-ui.css",
        "assets/../package.json",
        "assets/%2e%2e/package.json",
        "assets/..%2f..%2fpackage.json",
        "static/../../../etc/passwd",
        "json",
        "",
        "favicon.ico",
      ],
      query: ["1", "2", "100", "2025", "2025-09-18", "motion", "meta", "quash", "primary", "cand", "/staff", "after", "lr-7-3a"],
    };
    expect(routes.length).toBeGreaterThan(100);
    // Each route its own stream from the seed, so adding a route does not change what the others get.
    const samples = recordSamples(app, db);
    const samplesOf = (route: RegisteredRoute) => {
      const segment = route.path
        .split("/")
        .filter((part) => part && !part.startsWith(":"))
        .reverse()
        .find((part) => samples.has(part));
      return segment ? samples.get(segment)! : [];
    };
    const requests = routes.flatMap((route, index) =>
      fc.sample(requestArbitrary(route, pools, samplesOf(route)), { seed: SEED + index, numRuns: PER_ROUTE }),
    );
    const identities = createIdentities(app, db);

    const failures: string[] = [];
    const byStatus = new Map<number, number>();
    let serverErrors = 0;
    let refusedWrites = 0;
    let acceptedWrites = 0;
    let injectMs = 0;
    const routesHit = new Set<string>();
    const timeByRoute = new Map<string, number>();
    const started = performance.now();
    for (const [n, request] of requests.entries()) {
      identities.ensure();
      const options = toInject(request, identities);
      const isWrite = request.method !== "GET" && request.method !== "HEAD";
      const before = isWrite ? db.$client.serialize() : null;
      const sentAt = performance.now();
      const res = await app.inject(options);
      const key = `${request.route.method} ${request.route.path}`;
      timeByRoute.set(key, (timeByRoute.get(key) ?? 0) + performance.now() - sentAt);
      injectMs += performance.now() - sentAt;
      byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
      routesHit.add(`${request.route.method} ${request.route.path}`);
      const replay = `#${n} ${request.who} ${options.method} ${options.url} ${JSON.stringify(options.headers)} ${String(options.payload ?? "").slice(0, 300)}`;
      if (res.statusCode >= 500) {
        serverErrors += 1;
        const logged = log.filter((line) => line["reqId"] !== undefined).at(-1);
        failures.push(`${res.statusCode} for ${replay}\n   ${JSON.stringify(logged?.["err"] ?? res.body.slice(0, 300)).slice(0, 600)}`);
      } else if (res.statusCode >= 300 && res.statusCode < 400 && res.statusCode !== 304 && !isLocalLocation(res.headers.location)) {
        failures.push(`${res.statusCode} to another site (${String(res.headers.location)}): ${replay}`);
      } else if (before && res.statusCode >= 400) {
        refusedWrites += 1;
        if (!before.equals(db.$client.serialize())) failures.push(`refused with ${res.statusCode} but changed the database: ${replay}`);
      } else if (before) {
        acceptedWrites += 1;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const statuses = [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(" ");
    console.log(
      `fuzz (seed ${SEED}): ${requests.length} requests to ${routesHit.size} of ${routes.length} routes in ${seconds.toFixed(1)} s (${(injectMs / 1000).toFixed(1)} s answering); ` +
        `5xx seen: ${serverErrors}; writes refused ${refusedWrites} (database unchanged checked byte for byte), accepted ${acceptedWrites}; statuses ${statuses}`,
    );
    if (process.env.FUZZ_PROFILE)
      console.log(
        [...timeByRoute.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 15)
          .map(([k, ms]) => `${ms.toFixed(0)} ms ${k}`)
          .join("\n"),
      );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(routesHit.size).toBe(routes.length);
    // A fuzz whose writes were all refused at the door would prove little about the checks behind it.
    expect(acceptedWrites).toBeGreaterThan(PER_ROUTE);
  }, 600_000);
});
