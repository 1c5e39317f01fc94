import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { buildTestApp } from "../support/app";
import {
  citeSource,
  insertAccount,
  insertAttorney,
  insertCase,
  insertConflict,
  insertCourt,
  insertCoverage,
  insertDeadline,
  insertDemand,
  insertDocument,
  insertEntry,
  insertEvent,
  insertHearing,
  insertJudge,
  insertMotion,
  insertNotice,
  insertOrder,
  insertOrganization,
  insertParty,
  insertRepresentation,
  insertSource,
  insertSubpoena,
  insertArgument,
  insertAuthority,
  insertDoctrine,
  linkArgumentAuthority,
  linkCaseSubpoena,
  linkConflict,
  linkEvent,
  linkMotionMovant,
  linkPartyAccount,
  linkRelatedCase,
  linkSubpoenaAccount,
} from "../support/factories";
import { releaseAllHolds } from "../support/guard";
import { createSubscriptionsRepository } from "../../server/alerts/subscriptions";
import {
  expand,
  getRoutes,
  isStaffOnly,
  orderAndEventSlugs,
  publicRouteUrls,
  routeMatches,
  type ParamValues,
} from "../support/public-routes";

/*
 * The public projection holds on every surface: a database full of things that must never be
 * published, then every public GET route the app has (read from Fastify's own route table, so
 * a route added later is checked without editing this file) is requested and searched.
 */

const SSN = "123-45-6789";
const SSN_REDACTED = "XXX-XX-6789";

/** Strings stored in fields no public surface may show. */
const SECRETS = [
  "SEALED-SECRET-7f3a", // a sealed entry's text, filer and short text
  "SEALED-DOC-SECRET-2b", // a sealed attachment of an open entry
  "SEALED-ENTRY-DOC-SECRET", // a document of a sealed entry
  "SEALED-QUOTE-SECRET", // a citation's quote about a sealed entry
  "PRIVATE-ADDRESS-91", // a party's extraInfo (PACER's address lines)
  "PRIVATE-CONTACT-55", // counsel's contact block
  "MAGIC-48151623", // the magic number of a PACER document link
  "EXTRACTED-TEXT-SECRET", // a document's extracted text
  "ORIGINAL-TEXT-SECRET-33", // an entry's original import text
  "PRIVATE-JUDGE-NOTE-12", // staff notes on a judge
  "PRIVATE-HEARING-NOTE", // staff notes on a hearing
  "PRIVATE-DEADLINE-NOTE", // staff notes on a deadline
  "alert-canary-5e1@example.org", // a subscriber's e-mail address (alerts)
  "whsec_", // the prefix of every webhook signing secret
  SSN, // only ever redacted
];

type Fixture = {
  caseSlugs: string[];
  subpoenaSlugs: string[];
  judgeSlugs: string[];
  entryIds: string[];
  documentIds: string[];
  motionIds: string[];
  doctrineSlugs: string[];
  authoritySlugs: string[];
  /** Every order's and event's slug (hidden ones too): `orders/:slug` and `events/:slug`. */
  ordersAndEvents: ParamValues;
  mainCase: string;
  /** A subscriber's tokens: the crawl opens even the pages a subscriber's own links lead to. */
  alertTokens: { confirm: string; subscriber: string; subscriptionId: string };
};

function buildFixture(db: Db): Fixture {
  insertCourt(db);
  const judge = insertJudge(db, { slug: "thomas-s-hixson", name: "Thomas S. Hixson", notes: "PRIVATE-JUDGE-NOTE-12" });
  const meta = insertOrganization(db, { slug: "meta", name: "Meta Platforms, Inc.", shortName: "Meta", kind: "platform" });
  const dhs = insertOrganization(db, { slug: "dhs", name: "Department of Homeland Security", shortName: "DHS", kind: "agency" });
  const kase = insertCase(db, {
    slug: "doe-v-dhs",
    courtId: "cand",
    docketNumber: "3:25-mc-80200-TSH",
    caption: "Doe v. DHS",
    assignedJudgeId: judge.id,
    dateFiled: "2025-09-18",
    dateFiledPrecision: "day",
    summary: `Movant's SSN ${SSN} was filed by mistake.`,
  });
  const related = insertCase(db, { slug: "second-suit", label: "A second suit", group: "related" });
  linkRelatedCase(db, kase.id, related.id);

  const source = insertSource(db, { tag: "S01", title: "Docket report" });
  citeSource(db, "case", kase.id, source.id);
  citeSource(db, "case", related.id, source.id);
  citeSource(db, "judge", judge.id, source.id);

  const party = insertParty(db, kase.id, { name: "J. Doe", role: "Movant", pseudonymous: true, extraInfo: "PRIVATE-ADDRESS-91, Oakland" });
  const account = insertAccount(db, { slug: "watcher", handle: "@watcher", platformId: meta.id });
  linkPartyAccount(db, party.id, account.id);
  const attorney = insertAttorney(db, { slug: "counsel", name: "A. Lawyer", contact: "PRIVATE-CONTACT-55 Main St; lawyer@example.org" });
  insertRepresentation(db, party.id, { attorneyId: attorney.id, roles: "LEAD ATTORNEY" });

  const open = insertEntry(db, kase.id, {
    number: 1,
    sequence: 1,
    description: `MOTION to Quash filed by J. Doe (SSN ${SSN})`,
    kind: "motion",
    originalText: "ORIGINAL-TEXT-SECRET-33",
  });
  citeSource(db, "entry", open.id, source.id);
  const openDocument = insertDocument(db, open.id, {
    attachmentNumber: 0,
    description: "Motion",
    pacerUrl: "https://ecf.cand.uscourts.gov/doc1/035123?caseid=1&magic_num=MAGIC-48151623",
    extractedText: "EXTRACTED-TEXT-SECRET",
  });
  const sealedDocument = insertDocument(db, open.id, { attachmentNumber: 1, description: "SEALED-DOC-SECRET-2b", sealed: true });
  const sealed = insertEntry(db, kase.id, {
    number: 2,
    sequence: 2,
    description: "SEALED-SECRET-7f3a declaration naming the movant",
    shortDescription: "SEALED-SECRET-7f3a",
    filedBy: "SEALED-SECRET-7f3a filer",
    sealed: true,
  });
  const sealedEntryDocument = insertDocument(db, sealed.id, { description: "SEALED-ENTRY-DOC-SECRET" });
  citeSource(db, "entry", sealed.id, source.id, { quote: "SEALED-QUOTE-SECRET says the movant is" });
  const conflict = insertConflict(db, { code: "Q1", title: "Date of the sealed filing", description: "Sources disagree on the date." });
  linkConflict(db, conflict.id, "entry", sealed.id);
  linkConflict(db, conflict.id, "case", kase.id, "dateFiled");

  const subpoena = insertSubpoena(db, {
    slug: "dhs-to-meta",
    title: "DHS subpoena to Meta",
    issuerId: dhs.id,
    recipientId: meta.id,
    dateIssued: "2025-09-03",
    dateIssuedPrecision: "day",
  });
  citeSource(db, "subpoena", subpoena.id, source.id);
  linkCaseSubpoena(db, kase.id, subpoena.id);
  linkSubpoenaAccount(db, subpoena.id, account.id);
  insertDemand(db, subpoena.id, `Subscriber information incl. SSN ${SSN}`);
  insertNotice(db, subpoena.id, { accountId: account.id, platformId: meta.id, responseWindowStated: "10 days" });

  const motion = insertMotion(db, kase.id, { entryId: open.id, status: "pending" });
  linkMotionMovant(db, motion.id, party.id);
  // The law students' records (issue 11): an argument in the open motion, and one made in the
  // sealed filing, whose words must never reach the doctrine, authority or argument pages.
  const doctrine = insertDoctrine(db, { slug: "anonymous-speech", tags: "anonymous-speech" });
  const authority = insertAuthority(db, { slug: "talley", doctrineTags: "anonymous-speech" });
  const argument = insertArgument(db, { motionId: motion.id, entryId: open.id, doctrineTag: "anonymous-speech" });
  linkArgumentAuthority(db, argument.id, authority.id);
  const sealedArgument = insertArgument(db, {
    entryId: sealed.id,
    doctrineTag: "anonymous-speech",
    text: "SEALED-SECRET-7f3a argues the movant is",
  });
  linkArgumentAuthority(db, sealedArgument.id, authority.id);
  const order = insertOrder(db, kase.id, {
    slug: "non-production",
    title: "Order that Meta not produce",
    judgeId: judge.id,
    dateSigned: "2025-09-19",
    dateSignedPrecision: "day",
  });
  citeSource(db, "order", order.id, source.id);
  insertCoverage(db, order.id, subpoena.id, { accountId: account.id, addresseeId: meta.id });
  insertHearing(db, kase.id, { judgeId: judge.id, motionId: motion.id, notes: "PRIVATE-HEARING-NOTE" });
  insertDeadline(db, kase.id, { motionId: motion.id, notes: "PRIVATE-DEADLINE-NOTE", computation: "PRIVATE-DEADLINE-NOTE steps" });
  const event = insertEvent(db, {
    slug: "withdrawn",
    kind: "withdrawal",
    title: "DHS withdraws the subpoena",
    description: `Letter cites SSN ${SSN}`,
    date: "2025-10-02",
    subpoenaId: subpoena.id,
  });
  linkEvent(db, event.id, "organization", dhs.id, "actor");
  citeSource(db, "event", event.id, source.id);

  // Someone follows the case, and a newsroom bot has a webhook: their address and secret must never show.
  const alerts = createSubscriptionsRepository(db, () => "2026-11-21T20:00:00.000Z");
  const followed = alerts.subscribe({
    email: "Alert-Canary-5e1@example.org",
    target: "case",
    targetId: kase.id,
    query: null,
    frequency: "immediate",
    excludedKinds: [],
    note: "source tip",
  });
  alerts.confirm(followed.subscription.confirmToken);
  alerts.subscribe({
    email: "alert-canary-5e1@example.org",
    target: "all",
    targetId: null,
    query: null,
    frequency: "daily",
    excludedKinds: [],
    note: null,
  });
  alerts.addWebhook({ url: "https://bot.example.org/hook", label: "bot", events: ["entry", "status"], createdBy: "test" });
  insertEntry(db, kase.id, { number: 3, sequence: 3, description: "ORDER after someone subscribed" });

  return {
    ordersAndEvents: orderAndEventSlugs(db),
    alertTokens: {
      confirm: followed.subscription.confirmToken,
      subscriber: followed.subscriber.token,
      subscriptionId: String(followed.subscription.id),
    },
    caseSlugs: [kase.slug, related.slug],
    subpoenaSlugs: [subpoena.slug],
    judgeSlugs: [judge.slug],
    entryIds: [String(open.id), String(sealed.id)],
    documentIds: [openDocument.id, sealedDocument.id, sealedEntryDocument.id].map(String),
    motionIds: [String(motion.id)],
    doctrineSlugs: [doctrine.slug],
    authoritySlugs: [authority.slug],
    mainCase: kase.slug,
  };
}

/** Real values for each path parameter, keyed by the segment before it. */
function valuesFor(fixture: Fixture): ParamValues {
  return {
    "cases/:slug": fixture.caseSlugs,
    "subpoenas/:slug": fixture.subpoenaSlugs,
    "judges/:slug": fixture.judgeSlugs,
    "entries/:entryId": fixture.entryIds,
    "documents/:documentId": fixture.documentIds,
    "confirm/:token": [fixture.alertTokens.confirm],
    "manage/:token": [fixture.alertTokens.subscriber],
    "unsubscribe/:token": [fixture.alertTokens.subscriber],
    ":token/:id": [fixture.alertTokens.subscriptionId],
    "motions/:motionId": fixture.motionIds,
    "doctrine/:slug": fixture.doctrineSlugs,
    "doctrines/:slug": fixture.doctrineSlugs,
    "authorities/:slug": fixture.authoritySlugs,
    ...fixture.ordersAndEvents,
  };
}

/** Every public GET route with real values in its parameters (see publicRouteUrls), plus filtered variants. */
async function publicUrls(app: FastifyInstance, fixture: Fixture): Promise<string[]> {
  const urls = await publicRouteUrls(app, valuesFor(fixture));
  // Filters and searches are surfaces too.
  urls.push(
    // Part of the sealed text and of the SSN: the page echoes the query, so not the secret itself.
    `/cases/${fixture.mainCase}?q=7f3a`,
    `/cases/${fixture.mainCase}?q=45-6789`,
    `/cases/${fixture.mainCase}?order=desc&per=10`,
    "/api/v1/timeline?year=2025",
    "/api/v1/timeline?kind=withdrawal",
    "/api/v1/orders?standing=in_force",
    "/api/v1/sources?reliability=reliable_press",
    "/timeline?year=2025",
    "/sources?reliability=reliable_press",
  );
  return [...new Set(urls)];
}

function keysOf(value: unknown, path = "$"): { key: string; path: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysOf(v, `${path}[${i}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => [{ key: k, path }, ...keysOf(v, `${path}.${k}`)]);
  }
  return [];
}

/**
 * Every object that carries a numeric `id` (a row of this database) is a record, and every
 * record says where it comes from. Courts are keyed by text ("cand") and are references.
 */
function recordsWithoutSources(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => recordsWithoutSources(v, `${path}[${i}]`));
  if (!value || typeof value !== "object") return [];
  const own = typeof (value as { id?: unknown }).id === "number" && !Array.isArray((value as { sources?: unknown }).sources) ? [path] : [];
  return [...own, ...Object.entries(value).flatMap(([k, v]) => recordsWithoutSources(v, `${path}.${k}`))];
}

// The OpenAPI document and the export's JSON Schema describe answers; they are not records.
const isApiData = (url: string) =>
  url.startsWith("/api/v1/") && !url.startsWith("/api/v1/openapi.json") && !url.startsWith("/api/v1/export.schema.json");

describe("the public projection on every public surface", () => {
  let app: FastifyInstance;
  let db: Db;
  let fixture: Fixture;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    fixture = buildFixture(db);
    // The SSNs in the fixture were held by the guard; a reviewer released them, so the public sees them redacted.
    expect(releaseAllHolds(db)).toBeGreaterThan(0);
  });
  afterEach(async () => app.close());

  it("finds the routes from Fastify's route table, pages and API alike", () => {
    const routes = getRoutes(app);
    for (const expected of [
      "/cases",
      "/cases/:slug",
      "/cases/:slug/entries/:entryId",
      "/api/v1",
      "/api/v1/cases/:slug",
      "/api/v1/subpoenas/:slug",
      "/api/v1/judges/:slug",
      "/api/v1/timeline",
      "/api/v1/sources",
      "/api/v1/orders",
      "/api",
    ]) {
      expect(
        routes.some((r) => routeMatches(r, expected)),
        expected,
      ).toBe(true);
    }
  });

  it("never shows sealed text, private fields, PACER links or an unredacted SSN, and never fails", async () => {
    const urls = await publicUrls(app, fixture);
    expect(urls.length).toBeGreaterThan(25);
    // The exports are crawled like the pages they export.
    expect(urls).toEqual(
      expect.arrayContaining(["/api/v1/export.json", "/timeline.csv", "/subpoenas.csv", `/cases/${fixture.mainCase}/docket.csv`]),
    );
    expect(urls.some((u) => /^\/subpoenas\/[^/]+\/coverage\.csv$/.test(u))).toBe(true);
    // The pages a subscriber's own links open are crawled too, with real tokens.
    expect(urls.filter((u) => /^\/alerts\/(confirm|manage|unsubscribe)\/[\w-]{20,}/.test(u))).toHaveLength(3);
    const leaks: string[] = [];
    for (const url of urls) {
      const res = await app.inject(url);
      expect(res.statusCode, `${url} answered ${res.statusCode}`).toBeLessThan(500);
      for (const secret of SECRETS) if (res.body.includes(secret)) leaks.push(`${url} shows ${secret}`);
    }
    expect(leaks).toEqual([]);
  });

  it("shows the SSN redacted, so the text itself did reach the public surfaces", async () => {
    for (const url of [
      `/cases/${fixture.mainCase}`,
      `/api/v1/cases/${fixture.mainCase}`,
      "/api/v1/timeline",
      `/api/v1/subpoenas/dhs-to-meta`,
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(200);
      expect(res.body, url).toContain(SSN_REDACTED);
      expect(res.body, url).not.toContain(SSN);
    }
  });

  it("gives every API record its sources and only camelCase keys", async () => {
    const apiUrls = (await publicUrls(app, fixture)).filter(isApiData);
    expect(apiUrls.length).toBeGreaterThan(8);
    // The record collections the root lists (the source register lists sources themselves).
    const root = (await app.inject("/api/v1")).json() as { collections: { name: string; url: string }[] };
    const recordCollections = root.collections.filter((c) => c.name !== "sources").map((c) => new URL(c.url).pathname);
    expect(recordCollections.length).toBeGreaterThanOrEqual(5);
    for (const url of apiUrls) {
      const res = await app.inject(url);
      if (res.statusCode !== 200) continue;
      const body = res.json();
      const badKeys = keysOf(body).filter(({ key }) => !/^[a-z][a-zA-Z0-9]*$/.test(key));
      expect(badKeys, url).toEqual([]);
      expect(recordsWithoutSources(body), url).toEqual([]);
      if (!recordCollections.some((c) => url === c || url.startsWith(`${c}/`) || url.startsWith(`${c}?`))) continue;
      // Records in `data` carry sources even without an id (timeline items), and their links.
      const items = Array.isArray(body.data) ? body.data : [body.data];
      // A case's entries list holds docket entries, named by id and number rather than slug; a sealed one is a bare placeholder.
      const entryList = /\/entries(\?|$)/.test(url);
      for (const item of items) {
        if (entryList && item.sealed) continue;
        expect(Array.isArray(item.sources), `${url} item ${item.slug ?? item.id}`).toBe(true);
        if (!entryList) expect(typeof item.slug, url).toBe("string");
        expect(typeof item.htmlUrl, url).toBe("string");
      }
    }
  });

  it("answers an unknown slug with 404 — JSON under /api, a page elsewhere", async () => {
    const real = valuesFor(fixture);
    const missing = Object.fromEntries(Object.keys(real).map((k) => [k, [k.endsWith("Id") ? "999999" : "no-such-slug"]]));
    let checked = 0;
    for (const route of getRoutes(app).filter((r) => r.includes(":") && !r.includes("*"))) {
      const found = expand(route, real);
      if (found.guessed || isStaffOnly(await app.inject(found.urls[0]!))) continue;
      for (const url of expand(route, missing).urls) {
        const res = await app.inject(url);
        expect(res.statusCode, url).toBe(404);
        if (url.startsWith("/api/")) {
          expect(res.headers["content-type"], url).toBe("application/problem+json; charset=utf-8");
          expect(res.json().status, url).toBe(404);
        } else {
          expect(res.headers["content-type"], url).toMatch(/^text\/html/);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it("answers a malformed query parameter of any API route with 400 JSON naming it", async () => {
    const doc = (await app.inject("/api/v1/openapi.json")).json() as {
      paths: Record<string, Record<string, { security?: unknown[]; parameters?: { name: string; in: string }[] }>>;
    };
    // Public reads only: a staff route asks for its token before it reads the query.
    const checks = Object.entries(doc.paths).flatMap(([path, item]) =>
      item["get"] && !item["get"].security?.length
        ? (item["get"].parameters ?? []).filter((p) => p.in === "query").map((p) => ({ path, name: p.name }))
        : [],
    );
    expect(checks.length).toBeGreaterThanOrEqual(4);
    // Long enough to break any length limit, and no enum value, number or date.
    const bad = "~".repeat(300);
    for (const { path, name } of checks) {
      const url = `${path.replace(/\{slug\}/g, fixture.mainCase)}?${name}=${encodeURIComponent(bad)}`;
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(400);
      const body = res.json();
      expect(body.error, url).toMatchObject({ status: 400, code: "invalid_input" });
      expect(
        body.errors.map((e: { path: string }) => e.path),
        url,
      ).toContain(name);
    }
  });
});
