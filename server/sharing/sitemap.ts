import type { Db } from "../../db/client";
import { loadAuthoritySummaries } from "../authorities/loaders";
import { loadCaseSummaries } from "../cases/loaders";
import { createCasesRepository } from "../cases/repository";
import { loadDoctrines } from "../doctrine/loaders";
import { loadJudgeSummaries } from "../judges/loaders";
import { paths } from "../paths";
import { createOrdersRepository } from "../orders/repository";
import { loadSubpoenaSummaries } from "../subpoenas/loaders";
import { createTimelineRepository } from "../timeline/repository";

/** The sitemap protocol's limit on the addresses of one file; past it the rest of the entry permalinks are left out. */
export const SITEMAP_LIMIT = 50_000;

const ENTRY_BATCH = 5_000;

const STATIC_PAGES = [
  paths.home(),
  paths.subpoenas(),
  paths.cases(),
  paths.judges(),
  paths.orders(),
  paths.calendar(),
  paths.timeline(),
  paths.sources(),
  paths.doctrines(),
  paths.authorities(),
  paths.arguments(),
  paths.compare(),
  paths.patterns(),
  paths.apiDocs(),
];

/** Rows of a keyset read by id, a batch at a time. */
function* byId<T extends { id: number }>(read: (afterId: number, limit: number) => T[]): Generator<T> {
  let after = 0;
  for (;;) {
    const rows = read(after, ENTRY_BATCH);
    yield* rows;
    if (rows.length < ENTRY_BATCH) return;
    after = rows.at(-1)!.id;
  }
}

/**
 * Every public page's path: the lists, each subpoena, case, motion, judge, doctrine and
 * authority, each order's and each event's page, then the entries' permalinks, a keyset batch at a time.
 */
function* publicPaths(db: Db): Generator<string> {
  yield* STATIC_PAGES;
  for (const sm of loadSubpoenaSummaries(db)) yield paths.subpoena(sm.subpoena.slug);
  const cases = loadCaseSummaries(db);
  for (const c of cases) {
    yield paths.case(c.case.slug);
    for (const m of c.motions) yield paths.motionPage(c.case.slug, m.id);
  }
  for (const j of loadJudgeSummaries(db)) yield paths.judge(j.judge.slug);
  for (const d of loadDoctrines(db)) yield paths.doctrine(d.doctrine.slug);
  for (const a of loadAuthoritySummaries(db)) yield paths.authority(a.authority.slug);
  const orders = createOrdersRepository(db);
  for (const o of byId((after, limit) => orders.publicSlugs(after, limit))) yield paths.order(o.slug);
  const timeline = createTimelineRepository(db);
  for (const e of byId((after, limit) => timeline.publicEventSlugs(after, limit))) yield paths.event(e.slug);
  const repo = createCasesRepository(db);
  for (const c of cases) {
    let after: [number, number] | undefined;
    for (;;) {
      const rows = repo.entriesPage(c.case.id, { limit: ENTRY_BATCH, after });
      for (const e of rows) yield paths.entryPermalink(c.case.slug, e.id);
      if (rows.length < ENTRY_BATCH) break;
      const last = rows.at(-1)!;
      after = [last.sequence, last.id];
    }
  }
}

const xmlEscape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[ch]!);

/** /sitemap.xml as text, a line at a time, at most SITEMAP_LIMIT addresses. */
export function* sitemapXml(db: Db, publicUrl: string): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
  let n = 0;
  for (const path of publicPaths(db)) {
    if (n++ >= SITEMAP_LIMIT) break;
    yield `<url><loc>${xmlEscape(`${publicUrl}${path}`)}</loc></url>\n`;
  }
  yield "</urlset>\n";
}

/** /robots.txt: everything public may be crawled, staff pages and sign-in not; the sitemap named. */
export function robotsTxt(publicUrl: string): string {
  return [
    "User-agent: *",
    "Disallow: /staff",
    "Disallow: /login",
    "Disallow: /logout",
    "Disallow: /alerts/confirm/",
    "Disallow: /alerts/manage/",
    "Disallow: /alerts/unsubscribe/",
    "",
    `Sitemap: ${publicUrl}${paths.sitemap()}`,
    "",
  ].join("\n");
}
