import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import * as s from "../../../db/schema";
import { createRecordStore } from "../../../server/records/store";
import { createCourtFeedsRepository } from "../../../server/court-feeds/repository";
import { fixtureBytes, importOk, tempDataDir } from "../../imports/support";
import { buildTestApp } from "../../support/app";
import { insertUser, signIn } from "../../support/auth";
import { createTestDb, testClock } from "../../support/db";
import { sharedPath } from "../../support/shared";
import { startFeedServer, type FeedServer } from "./feed-server";

/** An RSS item for the watched case 3:23-cv-04557 (cand_7.html), shaped as CM/ECF writes them. */
export type CandItem = { number: string; docId: string; seq: string; short: string; pubDate: string };

export const SUMMONS: CandItem = {
  number: "3",
  docId: "035123515222",
  seq: "17",
  short: "Proposed Summons",
  pubDate: "Thu, 07 Sep 2023 02:30:00 GMT",
};
export const NEW_ORDER: CandItem = {
  number: "7",
  docId: "035123530001",
  seq: "31",
  short: "Order Setting Case Management Conference",
  pubDate: "Fri, 15 Sep 2023 23:05:00 GMT",
};

function itemXml(i: CandItem): string {
  const link = `&lt;a href=&quot;https://ecf.cand.uscourts.gov/doc1/${i.docId}?caseid=417177&amp;de_seq_num=${i.seq}&quot; &gt;${i.number}&lt;/a&gt;`;
  return `<item>
<title>3:23-cv-04557 T. v. OpenAI LP et al</title>
<link>https://ecf.cand.uscourts.gov/cgi-bin/DktRpt.pl?417177</link>
<description>[${i.short}] (${link})</description>
<guid isPermaLink="true">https://ecf.cand.uscourts.gov/cgi-bin/DktRpt.pl?417177&amp;${i.seq}</guid>
<pubDate>${i.pubDate}</pubDate>
</item>
`;
}

/**
 * A court-wide feed: every item of the real sdny_1.xml (341 cases' filings, none watched) with
 * the given items of the watched case put first, as a court lists its newest first.
 */
export function courtFeed(items: CandItem[], buildDate = "Fri, 15 Sep 2023 23:10:00 GMT"): Buffer {
  const base = readFileSync(sharedPath("fixtures/pacer/rss/sdny_1.xml"), "latin1");
  const first = base.indexOf("<item>");
  const head = base.slice(0, first).replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/, `<lastBuildDate>${buildDate}</lastBuildDate>`);
  return Buffer.from(head + items.map(itemXml).join("") + base.slice(first), "latin1");
}

export const OTHER_ITEMS = (() => {
  const json = JSON.parse(readFileSync(sharedPath("fixtures/pacer/rss/sdny_1.json"), "utf8")) as unknown[];
  return json.length;
})();

/** The app on a fresh database holding the cand_7.html docket, published and watched, its feed served on 127.0.0.1. */
export async function watchedCaseWithFeed(
  options: { timeoutMs?: number; db?: Db } = {},
): Promise<{ app: FastifyInstance; db: Db; feed: FeedServer; dataDir: string; caseId: number; editorCookie: () => Promise<string> }> {
  const db = options.db ?? createTestDb();
  const dataDir = tempDataDir();
  await importOk(db, dataDir, "cand_7.html", fixtureBytes("district/cand_7.html"));
  const kase = db.select().from(s.cases).get()!;
  // Imported cases start unpublished and Unsorted; this one is published, so its public pages show the freshness.
  createRecordStore(db, testClock).update(
    "case",
    kase.id,
    { watched: true, published: true, group: "meta" },
    { actor: { userId: null, label: "test" } },
  );
  const feed = await startFeedServer();
  createCourtFeedsRepository(db).saveFeed("cand", { feedUrl: feed.url }, testClock.now());
  const { app } = await buildTestApp({ db, config: { dataDir, pollTimeoutMs: options.timeoutMs ?? 2000 } });
  const editorCookie = async () => {
    await insertUser(db, { role: "editor" });
    return signIn(app, "editor@example.org");
  };
  return { app, db, feed, dataDir, caseId: kase.id, editorCookie };
}

export function entriesOf(db: Db, caseId: number) {
  return db.select().from(s.docketEntries).where(eq(s.docketEntries.caseId, caseId)).orderBy(s.docketEntries.sequence).all();
}
