import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { buildApp } from "../../server/app";
import { testConfig } from "../../server/config";
import type { Clock } from "../../server/shared/clock";
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from "../../server/cache/policy";
import { isNotModified, lastModifiedMs } from "../../server/cache/validators";
import { createTestDb, testActor } from "../support/db";
import { insertUser, signIn } from "../support/auth";
import { insertCase, insertEntry, insertSubpoena, linkCaseSubpoena } from "../support/factories";
import { insertDoeCaseBeforeHixson } from "../support/scenarios";
import { call, setupAsEditor } from "../api-write/helpers";

/** A clock the test moves, so Last-Modified and If-Modified-Since can be tried across seconds. */
function steppingClock(startIso: string): Clock & { advance: (ms: number) => void } {
  let ms = Date.parse(startIso);
  return {
    now: () => new Date(ms).toISOString(),
    today: () => new Date(ms).toISOString().slice(0, 10),
    advance: (by: number) => void (ms += by),
  };
}

/** One URL of each kind of public answer: stored HTML, rendered HTML, JSON, a JSON list, Atom, iCalendar, CSV. */
const PUBLIC_URLS = [
  "/cases/doe-v-dhs",
  "/",
  "/subpoenas/meta-summons",
  "/cases",
  "/api/v1/cases/doe-v-dhs",
  "/api/v1/cases?page_size=2",
  "/feed.atom",
  "/cases/doe-v-dhs/feed.atom",
  "/calendar.ics",
  "/authorities.csv",
];

describe("HTTP caching of public answers", () => {
  let app: FastifyInstance;
  let db: Db;
  let clock: ReturnType<typeof steppingClock>;
  let caseId: number;

  beforeEach(async () => {
    db = createTestDb();
    const { kase } = insertDoeCaseBeforeHixson(db, { dateFiled: "2025-09-18", dateFiledPrecision: "day" });
    caseId = kase.id;
    insertEntry(db, caseId, {
      number: 1,
      sequence: 1,
      dateFiled: "2025-09-18",
      description: "MOTION to Quash filed by J. Doe",
      kind: "motion",
    });
    const subpoena = insertSubpoena(db, { slug: "meta-summons" });
    linkCaseSubpoena(db, caseId, subpoena.id);
    clock = steppingClock("2026-11-21T20:00:00.250Z");
    app = await buildApp({ config: testConfig(), db, clock });
    await app.ready();
  });
  afterEach(async () => app.close());

  for (const url of PUBLIC_URLS) {
    it(`${url}: public Cache-Control, a strong ETag, Last-Modified, and 304 for either validator`, async () => {
      const first = await app.inject(url);
      expect(first.statusCode).toBe(200);
      expect(first.headers["cache-control"]).toBe(PUBLIC_CACHE_CONTROL);
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"[^"]+"$/);
      const lastModified = String(first.headers["last-modified"]);
      expect(Date.parse(lastModified)).toBeLessThanOrEqual(Date.parse(clock.now()));

      const byTag = await app.inject({ url, headers: { "if-none-match": etag } });
      expect(byTag.statusCode).toBe(304);
      expect(byTag.body).toBe("");
      expect(byTag.headers.etag).toBe(etag);
      expect(byTag.headers["cache-control"]).toBe(PUBLIC_CACHE_CONTROL);
      expect((await app.inject({ url, headers: { "if-none-match": `"other", W/${etag}` } })).statusCode).toBe(304);
      expect((await app.inject({ url, headers: { "if-none-match": `"other"` } })).statusCode).toBe(200);

      // Answered in the second it first rendered, its date is before that moment: nothing can match it yet.
      expect((await app.inject({ url, headers: { "if-modified-since": lastModified } })).statusCode).toBe(200);
      clock.advance(2000);
      const later = await app.inject(url);
      expect(later.headers.etag).toBe(etag);
      const settled = String(later.headers["last-modified"]);
      expect((await app.inject({ url, headers: { "if-modified-since": settled } })).statusCode).toBe(304);
      // If-None-Match decides alone when both are sent.
      expect((await app.inject({ url, headers: { "if-modified-since": settled, "if-none-match": `"other"` } })).statusCode).toBe(200);
    });
  }

  it("a write makes the next reader's page, ETag and Last-Modified new, even to a client holding the old ones", async () => {
    const url = "/cases/doe-v-dhs";
    await app.inject(url);
    clock.advance(1500);
    const held = await app.inject(url);
    const [etag, lastModified] = [String(held.headers.etag), String(held.headers["last-modified"])];
    expect((await app.inject({ url, headers: { "if-modified-since": lastModified } })).statusCode).toBe(304);

    // A write in the same second as the answer the client holds.
    app.store.insert(
      "entry",
      { caseId, number: 2, sequence: 2, dateFiled: "2025-11-30", description: "NOTICE of withdrawal of subpoena" },
      { actor: testActor },
    );
    for (const headers of [{ "if-none-match": etag }, { "if-modified-since": lastModified }, {}]) {
      const after = await app.inject({ url, headers });
      expect(after.statusCode).toBe(200);
      expect(after.body).toContain("NOTICE of withdrawal of subpoena");
      expect(after.headers.etag).not.toBe(etag);
      expect(Date.parse(String(after.headers["last-modified"]))).toBeGreaterThanOrEqual(Date.parse(lastModified));
    }
  });

  it("a write to one case keeps another case's stored page and its validators", async () => {
    insertCase(db, { slug: "other-v-dhs", caption: "Other v. DHS" });
    await app.inject("/cases/other-v-dhs");
    clock.advance(2000);
    const first = await app.inject("/cases/other-v-dhs");
    app.store.insert(
      "entry",
      { caseId, number: 2, sequence: 2, dateFiled: "2025-11-30", description: "NOTICE of withdrawal" },
      { actor: testActor },
    );
    clock.advance(2000);
    for (const headers of [
      { "if-none-match": String(first.headers.etag) },
      { "if-modified-since": String(first.headers["last-modified"]) },
    ]) {
      const again = await app.inject({ url: "/cases/other-v-dhs", headers });
      expect(again.statusCode).toBe(304);
      expect(again.headers["last-modified"]).toBe(first.headers["last-modified"]);
    }
  });

  it("a public 404 is private, no-store; so is a bad query", async () => {
    const missing = await app.inject("/cases/no-such-case");
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
    expect(missing.headers.etag).toBeUndefined();
    const bad = await app.inject("/api/v1/cases?no_such_parameter=1");
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
  });

  it("keeps what a route sets itself (/health)", async () => {
    const health = await app.inject("/health");
    expect(health.headers["cache-control"]).toBe("no-store");
  });

  it("a signed-in reader's pages, public ones included, and staff pages are private, no-store", async () => {
    await insertUser(db, { email: "editor@example.org", role: "editor" });
    const cookie = await signIn(app, "editor@example.org");
    for (const url of ["/cases/doe-v-dhs", "/", "/staff", "/api/v1/cases/doe-v-dhs"]) {
      const res = await app.inject({ url, headers: { cookie } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe(PRIVATE_CACHE_CONTROL);
    }
    const staffSignedOut = await app.inject("/staff");
    expect(staffSignedOut.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
    const login = await app.inject("/login");
    expect(login.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
  });
});

describe("HTTP caching around the write API", () => {
  it("after a write's response, a second reader gets the new page, and a token's reads are private", async () => {
    const { app, db, token } = await setupAsEditor();
    try {
      insertDoeCaseBeforeHixson(db);
      const before = await app.inject("/cases/doe-v-dhs");
      const apiBefore = await app.inject("/api/v1/cases/doe-v-dhs");
      const written = await call(app, "POST", "/api/v1/cases/doe-v-dhs/entries", {
        token,
        body: { dateFiled: "2025-11-30", description: "ORDER granting motion to quash" },
      });
      expect(written.statusCode).toBe(201);
      expect(written.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
      const after = await app.inject({ url: "/cases/doe-v-dhs", headers: { "if-none-match": String(before.headers.etag) } });
      expect(after.statusCode).toBe(200);
      expect(after.body).toContain("ORDER granting motion to quash");
      const apiAfter = await app.inject({ url: "/api/v1/cases/doe-v-dhs", headers: { "if-none-match": String(apiBefore.headers.etag) } });
      expect(apiAfter.statusCode).toBe(200);
      expect(apiAfter.body).toContain("ORDER granting motion to quash");
      const asScript = await call(app, "GET", "/api/v1/cases/doe-v-dhs", { token });
      expect(asScript.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
    } finally {
      await app.close();
    }
  });
});

describe("validators", () => {
  const at = Date.parse("2026-11-21T20:00:00.250Z");
  it("rounds a change up to the next second, never past the answer's own time", () => {
    expect(lastModifiedMs(at, at + 5000)).toBe(Date.parse("2026-11-21T20:00:01Z"));
    expect(lastModifiedMs(at, at)).toBe(Date.parse("2026-11-21T20:00:00Z"));
  });
  it("If-Modified-Since matches only a date after the change; If-None-Match overrides it", () => {
    const date = (iso: string) => new Date(iso).toUTCString();
    expect(isNotModified({ "if-modified-since": date("2026-11-21T20:00:01Z") }, '"a"', at)).toBe(true);
    expect(isNotModified({ "if-modified-since": date("2026-11-21T20:00:00Z") }, '"a"', at)).toBe(false);
    expect(isNotModified({ "if-modified-since": "not a date" }, '"a"', at)).toBe(false);
    expect(isNotModified({ "if-none-match": "*" }, '"a"', at)).toBe(true);
    expect(isNotModified({ "if-none-match": '"b"', "if-modified-since": date("2027-01-01T00:00:00Z") }, '"a"', at)).toBe(false);
  });
});
