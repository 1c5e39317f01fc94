import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { buildApp } from "../../server/app";
import { TOKEN_LIMITS } from "../../server/auth/limits";
import { testConfig } from "../../server/config";
import { seedDatabase } from "../../seeds/load";
import { buildLoggedTestApp, buildTestApp } from "../support/app";
import { insertUser, signIn } from "../support/auth";
import { createTestDb, testClock } from "../support/db";
import { insertCase } from "../support/factories";
import { parseHtml } from "../support/html";
import { fillPath, routesOf } from "../support/route-table";

/** The policy's directives by name: "script-src" → ["'self'"]. */
function directives(header: string | string[] | number | undefined): Map<string, string[]> {
  return new Map(
    String(header ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectStrictHeaders(res: { headers: Record<string, unknown> }, url: string) {
  const policy = directives(res.headers["content-security-policy"] as string);
  const scripts = policy.get("script-src") ?? policy.get("default-src") ?? [];
  expect(scripts, url).toContain("'self'");
  expect(scripts.join(" "), url).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:|http/);
  expect(policy.get("script-src-attr") ?? ["'none'"], url).toEqual(["'none'"]);
  expect(policy.get("frame-ancestors"), url).toEqual(["'none'"]);
  expect(policy.get("form-action"), url).toEqual(["'self'"]);
  expect(res.headers["x-content-type-options"], url).toBe("nosniff");
  expect(res.headers["referrer-policy"], url).toBe("no-referrer");
}

describe("security headers on every page, and no inline script to need unsafe-inline", () => {
  let app: FastifyInstance;
  let db: Db;
  let cookie: string;
  beforeAll(async () => {
    ({ app, db } = await buildTestApp());
    seedDatabase(db, { clock: testClock });
    await insertUser(db, { email: "admin@example.org", role: "admin" });
    cookie = await signIn(app, "admin@example.org");
  });
  afterAll(async () => app.close());

  it("every GET route in the route table, as the public and as staff: a strict CSP, nosniff, no-referrer; HTML without inline script or handlers", async () => {
    const kase = db.select().from(s.cases).get()!;
    const entry =
      db.select().from(s.docketEntries).where(eq(s.docketEntries.caseId, kase.id)).get() ?? db.select().from(s.docketEntries).get()!;
    const values: Record<string, string> = {
      slug: kase.slug,
      id: String(entry.id),
      entryId: String(entry.id),
      documentId: "1",
      type: "entry",
      "*": "assets/site.css",
    };
    const routes = routesOf(app, "GET");
    expect(routes.length).toBeGreaterThan(100);
    let pages = 0;
    for (const route of routes) {
      const url = fillPath(route, (name) => values[name] ?? "1");
      for (const headers of [{}, { cookie }]) {
        const res = await app.inject({ url, headers });
        expectStrictHeaders(res, url);
        if (!String(res.headers["content-type"]).startsWith("text/html")) continue;
        pages += 1;
        const $ = parseHtml(res.body);
        const inline = $("script:not([src])").filter((_, el) => $(el).attr("type") !== "application/ld+json");
        expect(inline.length, `${url}: inline <script>`).toBe(0);
        const handlers = $("*").filter((_, el) =>
          Object.keys((el as unknown as { attribs: Record<string, string> }).attribs ?? {}).some((name) => /^on/i.test(name)),
        );
        expect(handlers.length, `${url}: on… attributes`).toBe(0);
        expect($("[href^='javascript:'], [src^='javascript:'], [action^='javascript:']").length, `${url}: javascript: URLs`).toBe(0);
      }
    }
    expect(pages).toBeGreaterThan(60);
  });
});

describe("HSTS only behind HTTPS", () => {
  it("is not sent when PUBLIC_URL is plain http (a local tracker must stay reachable)", async () => {
    const { app } = await buildTestApp({ config: { publicUrl: "http://127.0.0.1:3000" } });
    expect((await app.inject("/")).headers["strict-transport-security"]).toBeUndefined();
    await app.close();
  });

  it("is sent on every answer, pages, API and errors, when PUBLIC_URL is https", async () => {
    const { app, db } = await buildTestApp({ config: { publicUrl: "https://quash.example.org" } });
    insertCase(db, { slug: "doe" });
    for (const url of ["/", "/cases/doe", "/api/v1/cases", "/no-such-page", "/assets/site.css"]) {
      expect((await app.inject(url)).headers["strict-transport-security"], url).toBe("max-age=31536000");
    }
    await app.close();
  });
});

describe("bad API tokens are rate limited per address", () => {
  let app: FastifyInstance;
  let db: Db;
  let token: string;
  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    await insertUser(db, { email: "editor@example.org", role: "editor" });
    token = app.accounts.createToken("editor@example.org", "script").token;
  });
  afterEach(async () => app.close());

  const asScript = (bearer: string, remoteAddress = "203.0.113.7") =>
    app.inject({ url: "/api/v1/entries/1", headers: { authorization: `Bearer ${bearer}` }, remoteAddress });

  it(`answers 401 to the first ${TOKEN_LIMITS.perAddress.max} bad tokens in a minute, then 429 with Retry-After to any token from that address`, async () => {
    for (let i = 0; i < TOKEN_LIMITS.perAddress.max; i++) expect((await asScript(`quash_guess${i}`)).statusCode).toBe(401);
    const blocked = await asScript("quash_guess-next");
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect(blocked.json().error.code).toBe("too_many_requests");
    // The good token from the same address is not even looked up until the minute is over…
    expect((await asScript(token)).statusCode).toBe(429);
    // …but another address is not affected, and a good token never counts.
    expect((await asScript(token, "198.51.100.2")).statusCode).toBe(404);
    for (let i = 0; i < TOKEN_LIMITS.perAddress.max * 2; i++) expect((await asScript(token, "198.51.100.3")).statusCode).toBe(404);
  });

  it("limits the sign-in form too (5 a minute for one address and e-mail): covered in test/auth/login.test.ts", () => {
    expect(TOKEN_LIMITS.perAddress.max).toBeLessThanOrEqual(20);
  });
});

describe("error answers: generic to the public, detailed in the log", () => {
  it("a failure inside a handler answers 500 without its message, path or stack, and logs all three", async () => {
    const lines: Record<string, unknown>[] = [];
    const app = await buildApp({
      config: testConfig({ logLevel: "error" }),
      db: createTestDb(),
      clock: testClock,
      logStream: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    });
    app.get("/test-failure", async () => {
      throw new Error("SQLITE_CORRUPT in /srv/quash/data/quash.db, secret token quash_abc");
    });
    app.get("/api/test-failure", async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'slug')");
    });
    await app.ready();
    for (const url of ["/test-failure", "/api/test-failure"]) {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toMatch(/SQLITE|\/srv\/|quash_abc|TypeError|undefined|slug|at .*\.ts/);
      expect(res.body).toContain("The server could not complete this request. It has been logged.");
    }
    const logged = lines
      .filter((line) => line["msg"] === "request failed")
      .map((line) => line["err"] as { message: string; stack: string });
    expect(logged.map((e) => e.message)).toEqual([
      "SQLITE_CORRUPT in /srv/quash/data/quash.db, secret token quash_abc",
      "Cannot read properties of undefined (reading 'slug')",
    ]);
    expect(logged[0]!.stack).toContain("security.test.ts");
    await app.close();
  });

  it("a refusal (404, 400) is logged at info with the detail the answer leaves out", async () => {
    const { app, log } = await buildLoggedTestApp();
    await app.inject("/documents/03");
    const refused = log.find((line) => line["msg"] === "request refused");
    expect(refused).toMatchObject({ status: 404, code: "not_found" });
    expect(JSON.stringify(refused!["detail"])).toContain("documentId");
    await app.close();
  });
});
