/**
 * Records what every GET surface answers, so a refactor can show that behaviour did not change:
 * run it before and after, and compare the two files (`diff` or `cmp`).
 *
 *     npx tsx scripts/snapshot-surfaces.ts > /tmp/before.txt
 *     npx tsx scripts/snapshot-surfaces.ts --bodies /tmp/before-bodies > /tmp/before.txt
 *
 * The app is built on a fresh in-memory database with the bundled record seeded, on a fixed
 * clock. Each line is one request: method, URL, who asked (the public, a signed-in admin, or a
 * viewer's API token), status, the headers that carry meaning, and the SHA-256 of the body.
 * Every public page, feed, calendar and API answer is asked for each real slug and id, with its
 * query variants and its 400 and 404 answers; the staff pages too (the CSRF token, which is
 * random, is masked first, and so is the start of an API token). `--bodies DIR` also writes each body, for reading a difference.
 *
 * It reaches the app only through what does not move (db/client, db/schema, seeds/load,
 * server/app, server/config, server/shared/clock), so the same script runs on an older tree.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { openDatabase, type Db } from "../db/client";
import * as s from "../db/schema";
import { seedDatabase } from "../seeds/load";
import { buildApp } from "../server/app";
import { testConfig } from "../server/config";
import { fixedClock } from "../server/shared/clock";

const NOW = "2026-11-21T20:00:00.000Z";
const PASSWORD = "snapshot password, long enough";
const HEADERS = ["content-type", "cache-control", "etag", "location", "content-disposition", "vary", "link", "allow"];

type Who = "public" | "staff" | "token";
type Ask = { url: string; who: Who };

const bodiesDir = (() => {
  const i = process.argv.indexOf("--bodies");
  return i === -1 ? null : process.argv[i + 1]!;
})();

const clock = fixedClock(NOW);
const db = openDatabase(":memory:");
seedDatabase(db, { clock });
const app = await buildApp({ config: testConfig({ dataDir: join(process.cwd(), ".test-results/snapshot-data") }), db, clock });
await app.ready();

await app.accounts.addUser(
  { email: "admin@example.org", name: "Snapshot Admin", role: "admin", password: PASSWORD },
  { userId: null, label: "snapshot" },
);
await app.accounts.addUser(
  { email: "viewer@example.org", name: "Snapshot Viewer", role: "viewer", password: PASSWORD },
  { userId: null, label: "snapshot" },
);
const token = app.accounts.createToken("viewer@example.org", "snapshot").token;
const session = await signIn(app, "admin@example.org");

const lines: string[] = [];
for (const ask of surfaces(db)) {
  const res = await app.inject({ method: "GET", url: ask.url, headers: headersFor(ask.who) });
  const body = mask(res.rawPayload);
  const digest = createHash("sha256").update(body).digest("hex");
  // A static file's ETag is made from its modification time, which a checkout sets.
  const meta = HEADERS.filter((h) => res.headers[h] !== undefined && !(h === "etag" && ask.url.startsWith("/assets/"))).map(
    (h) => `${h}=${String(res.headers[h])}`,
  );
  lines.push(`GET ${ask.url} [${ask.who}] ${res.statusCode} ${digest} ${meta.join(" | ")}`);
  if (bodiesDir) {
    mkdirSync(bodiesDir, { recursive: true });
    writeFileSync(
      join(bodiesDir, `${lines.length.toString().padStart(4, "0")}-${ask.who}-${ask.url.replace(/[^a-z0-9]+/gi, "_").slice(0, 120)}`),
      body,
    );
  }
}
process.stdout.write(`${lines.join("\n")}\n`);
process.stderr.write(`${lines.length} requests recorded\n`);
await app.close();
db.$client.close();

function headersFor(who: Who): Record<string, string> {
  if (who === "staff") return { cookie: session };
  if (who === "token") return { authorization: `Bearer ${token}` };
  return {};
}

/** The CSRF token and an API token's first letters are random; nothing else on a page is. */
function mask(body: Buffer): Buffer {
  const text = body.toString("latin1");
  if (!text.includes('name="_csrf"')) return body;
  const masked = text
    .replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value="CSRF"')
    .replace(/<code>quash_[\w-]+/g, "<code>quash_TOKEN");
  return Buffer.from(masked, "latin1");
}

function cookiesOf(res: LightMyRequestResponse): string {
  return (res.cookies as { name: string; value: string }[]).map((c) => `${c.name}=${c.value}`).join("; ");
}

async function signIn(app: FastifyInstance, email: string): Promise<string> {
  const page = await app.inject("/login");
  const csrf = /name="_csrf" value="([^"]*)"/.exec(page.body)?.[1] ?? "";
  const res = await app.inject({
    method: "POST",
    url: "/login",
    headers: { cookie: cookiesOf(page), "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ email, password: PASSWORD, _csrf: csrf }).toString(),
  });
  if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode}`);
  return cookiesOf(res);
}

/** Every GET surface, for every real slug and id of the seeded record. */
function surfaces(db: Db): Ask[] {
  const out: Ask[] = [];
  const pub = (url: string) => out.push({ url, who: "public" });
  const both = (url: string) => {
    out.push({ url, who: "public" });
    out.push({ url, who: "staff" });
  };
  const staff = (url: string) => out.push({ url, who: "staff" });
  const tok = (url: string) => out.push({ url, who: "token" });

  const cases = db.select({ id: s.cases.id, slug: s.cases.slug }).from(s.cases).all();
  const subpoenas = db.select({ id: s.subpoenas.id, slug: s.subpoenas.slug }).from(s.subpoenas).all();
  const judges = db.select({ slug: s.judges.slug }).from(s.judges).all();
  const entries = db.select({ id: s.docketEntries.id, caseId: s.docketEntries.caseId }).from(s.docketEntries).all();
  const documents = db.select({ id: s.documents.id }).from(s.documents).all();
  const slugOfCase = new Map(cases.map((c) => [c.id, c.slug]));
  const idsOf = (table: SQLiteTable & { id: SQLiteColumn }) =>
    (db.select({ id: table.id }).from(table).all() as { id: number }[]).map((r) => r.id);

  // Public pages, as the public and as signed-in staff (who see the staff controls).
  for (const url of [
    "/",
    "/subpoenas",
    "/subpoenas?group=recipient",
    "/subpoenas?group=nonsense",
    "/cases",
    "/judges",
    "/orders",
    "/timeline",
    "/sources",
    "/calendar",
  ])
    both(url);
  for (const url of [
    "/timeline?year=2025",
    "/timeline?kind=withdrawal",
    "/timeline?year=abc",
    "/sources?reliability=court_record",
    "/sources?reliability=nope",
  ])
    both(url);
  for (const url of [
    "/deadlines/calculator",
    "/deadlines/calculator?trigger=2025-09-18&days=14&dir=after",
    "/deadlines/calculator?trigger=2025-09-18&rule=lr-7-3a",
    "/deadlines/calculator?trigger=2026-02-30&days=14&dir=after",
  ])
    both(url);
  for (const c of cases) {
    both(`/cases/${c.slug}`);
    for (const q of ["?kind=order", "?q=subpoena", "?from=2025-01-01&to=2025-12-31", "?page=2", "?from=not-a-date"])
      pub(`/cases/${c.slug}${q}`);
    pub(`/cases/${c.slug}/feed.atom`);
    pub(`/cases/${c.slug}/calendar.ics`);
  }
  for (const e of entries) both(`/cases/${slugOfCase.get(e.caseId)}/entries/${e.id}`);
  for (const sp of subpoenas) {
    both(`/subpoenas/${sp.slug}`);
    pub(`/subpoenas/${sp.slug}/feed.atom`);
  }
  for (const j of judges) both(`/judges/${j.slug}`);
  for (const d of documents) both(`/documents/${d.id}`);
  for (const url of [
    "/feed.atom",
    "/calendar.ics",
    "/cases/no-such-case",
    "/subpoenas/no-such",
    "/judges/no-such",
    "/no/such/page",
    "/cases/no-such/feed.atom",
    "/documents/999999",
    "/cases/x/entries/abc",
  ])
    pub(url);
  both("/login");
  for (const url of ["/assets/site.css", "/assets/print.css", "/assets/none.css"]) pub(url);

  // The read API and its documents.
  for (const url of [
    "/api",
    "/api/v1",
    "/api/v1/openapi.json",
    "/api/v1/cases",
    "/api/v1/cases?group=meta",
    "/api/v1/cases?group=bad",
    "/api/v1/subpoenas",
    "/api/v1/subpoenas?status=stayed",
    "/api/v1/judges",
    "/api/v1/orders",
    "/api/v1/orders?standing=in_force",
    "/api/v1/orders?kind=stay",
    "/api/v1/timeline",
    "/api/v1/timeline?year=2025",
    "/api/v1/timeline?year=1",
    "/api/v1/sources",
    "/api/v1/sources?reliability=court_record",
    "/api/v1/deadlines/rules",
    "/api/v1/deadlines/compute?trigger=2025-09-18&days=14&dir=after",
    "/api/v1/deadlines/compute?trigger=2025-09-18&rule=lr-7-3a",
    "/api/v1/deadlines/compute?trigger=bad",
    "/api/v1/cases/no-such",
    "/api/v1/nothing-here",
    "/api/docs",
    "/api/docs/json",
  ])
    pub(url);
  for (const c of cases) pub(`/api/v1/cases/${c.slug}`);
  for (const sp of subpoenas) pub(`/api/v1/subpoenas/${sp.slug}`);
  for (const j of judges) pub(`/api/v1/judges/${j.slug}`);

  // The write API's reads (a viewer's token): every record of every editable type.
  const apiTypes: [string, SQLiteTable & { id: SQLiteColumn }][] = [
    ["entries", s.docketEntries],
    ["parties", s.parties],
    ["attorneys", s.attorneys],
    ["representations", s.representations],
    ["motions", s.motions],
    ["arguments", s.argumentsTable],
    ["orders", s.orders],
    ["coverages", s.stayCoverages],
    ["hearings", s.hearings],
    ["deadlines", s.deadlines],
    ["accounts", s.accounts],
    ["notices", s.notices],
    ["events", s.events],
    ["sources", s.sources],
    ["fact-sources", s.factSources],
  ];
  for (const [plural, table] of apiTypes) {
    for (const id of idsOf(table)) {
      tok(`/api/v1/${plural}/${id}`);
      tok(`/api/v1/${plural}/${id}/revisions`);
    }
    pub(`/api/v1/${plural}/1`);
  }
  for (const c of cases) tok(`/api/v1/cases/${c.slug}/revisions`);
  for (const sp of subpoenas) tok(`/api/v1/subpoenas/${sp.slug}/revisions`);

  // Staff pages: lists, new forms, every record's edit page, history, and the rest.
  for (const url of [
    "/staff",
    "/staff/import",
    "/staff/deleted",
    "/staff/search",
    "/staff/search?q=subpoena",
    "/staff/search?q=Meta",
    "/admin/users",
    "/staff/cases",
    "/staff/cases/new",
  ])
    staff(url);
  for (const url of ["/staff", "/staff/cases/new", "/admin/users"]) pub(url);
  const topLevel: [string, SQLiteTable & { id: SQLiteColumn }][] = [
    ["subpoenas", s.subpoenas],
    ["accounts", s.accounts],
    ["notices", s.notices],
    ["attorneys", s.attorneys],
    ["events", s.events],
    ["sources", s.sources],
    ["fact-sources", s.factSources],
  ];
  for (const [segment, table] of topLevel) {
    staff(`/staff/${segment}`);
    staff(`/staff/${segment}/new`);
    for (const id of idsOf(table)) staff(`/staff/${segment}/${id}/edit`);
  }
  const underCase: [string, SQLiteTable & { id: SQLiteColumn; caseId: SQLiteColumn }][] = [
    ["entries", s.docketEntries],
    ["parties", s.parties],
    ["motions", s.motions],
    ["orders", s.orders],
    ["hearings", s.hearings],
    ["deadlines", s.deadlines],
  ];
  for (const c of cases) {
    staff(`/staff/cases/${c.slug}`);
    staff(`/staff/cases/${c.slug}/edit`);
    staff(`/api/v1/cases/${c.slug}/revisions`);
    for (const [segment] of [...underCase, ["counsel"], ["arguments"]]) {
      staff(`/staff/cases/${c.slug}/${segment}`);
      staff(`/staff/cases/${c.slug}/${segment}/new`);
    }
    staff(`/staff/history/case/${c.id}`);
  }
  for (const [segment, table] of underCase) {
    const rows = db.select({ id: table.id, caseId: table.caseId }).from(table).all() as { id: number; caseId: number }[];
    for (const r of rows) staff(`/staff/cases/${slugOfCase.get(r.caseId)}/${segment}/${r.id}/edit`);
  }
  for (const e of entries) staff(`/staff/cases/${slugOfCase.get(e.caseId)}/entries/${e.id}/documents`);
  const reps = db
    .select({ id: s.representations.id, caseId: s.parties.caseId })
    .from(s.representations)
    .innerJoin(s.parties, eq(s.representations.partyId, s.parties.id))
    .all();
  for (const r of reps) staff(`/staff/cases/${slugOfCase.get(r.caseId)}/counsel/${r.id}/edit`);
  const args = db
    .select({ id: s.argumentsTable.id, caseId: s.motions.caseId })
    .from(s.argumentsTable)
    .innerJoin(s.motions, eq(s.argumentsTable.motionId, s.motions.id))
    .all();
  for (const a of args) staff(`/staff/cases/${slugOfCase.get(a.caseId)}/arguments/${a.id}/edit`);
  for (const e of entries.slice(0, 40)) staff(`/staff/history/entry/${e.id}`);
  for (const sp of subpoenas) staff(`/staff/history/subpoena/${sp.id}`);
  staff("/staff/history/nothing/1");
  return out;
}
