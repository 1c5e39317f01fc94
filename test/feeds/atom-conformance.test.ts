import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { parseFeed } from "@rowanmanning/feed-parser";
import { buildApp } from "../../server/app";
import { testConfig } from "../../server/config";
import type { Clock } from "../../server/shared/clock";
import { buildTestApp } from "../support/app";
import { createSeededDb } from "../seeds/support";
import { createTestDb, testActor, TEST_NOW } from "../support/db";
import { insertCase, insertEntry, insertEvent } from "../support/factories";

/*
 * The Atom feeds read back by a real feed parser (@rowanmanning/feed-parser), as RFC 4287 asks:
 * an author on the feed and every entry, `published` when the record entered the tracker and
 * `updated` when it last changed (a correction moves it), no 1970 dates, and a date known only
 * to the month kept in words rather than turned into a day.
 */
describe("Atom feeds to RFC 4287", () => {
  describe("over the bundled record", () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      ({ app } = await buildTestApp({ db: createSeededDb() }));
    });
    afterAll(async () => app.close());

    it("gives every feed and every entry an author, an id of its own, real dates and no precise day the record does not know; every feed links to itself", async () => {
      const cases = (await app.inject("/api/v1/cases")).json().data as { slug: string }[];
      const subpoenas = (await app.inject("/api/v1/subpoenas")).json().data as { slug: string }[];
      const urls = [
        "/feed.atom",
        ...cases.map((c) => `/cases/${c.slug}/feed.atom`),
        ...subpoenas.map((s) => `/subpoenas/${s.slug}/feed.atom`),
      ];
      let entries = 0;
      for (const url of urls) {
        const xml = (await app.inject(url)).body;
        const feed = parseFeed(xml);
        expect(
          feed.authors.map((a) => a.name),
          url,
        ).toEqual(["Quash"]);
        expect(feed.updated?.getUTCFullYear(), url).toBeGreaterThan(2000);
        // RFC 4287 4.1.1: the feed's own id, and (SHOULD) a link to itself.
        expect(xml, url).toMatch(/^<\?xml[^>]*>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">\s*<id>[^<]+<\/id>/);
        expect(xml, url).toContain(`<link rel="self" href="http://127.0.0.1:3000${url}"/>`);
        // An entry's id names it for good: never two in one feed.
        const ids = feed.items.map((item) => item.id);
        expect(new Set(ids).size, url).toBe(ids.length);
        for (const item of feed.items) {
          expect(item.updated!.getTime(), `${url} ${item.id}`).toBeLessThanOrEqual(feed.updated!.getTime());
          expect(
            item.authors.map((a) => a.name),
            `${url} ${item.id}`,
          ).toEqual(["Quash"]);
          expect(item.updated, item.id ?? "").toBeInstanceOf(Date);
          expect(item.published, item.id ?? "").toBeInstanceOf(Date);
          expect(item.updated!.getTime()).toBeGreaterThanOrEqual(item.published!.getTime());
          entries++;
        }
        expect(xml, url).not.toContain("1970-01-01");
      }
      expect(urls.length).toBeGreaterThan(10);
      expect(entries).toBeGreaterThan(50);
      console.log(`Atom: ${urls.length} feeds and ${entries} entries parsed, each with an author`);
    });
  });

  describe("when a record changes", () => {
    let app: FastifyInstance;
    let now = TEST_NOW;
    const clock: Clock = { now: () => now, today: () => now.slice(0, 10) };
    afterEach(async () => app.close());

    it("moves an entry's updated when it is corrected and keeps its published; a month-only date stays a month in the text", async () => {
      const db = createTestDb();
      app = await buildApp({ config: testConfig(), db, clock });
      await app.ready();
      const kase = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. DHS", published: true });
      const entry = insertEntry(db, kase.id, { number: 1, dateFiled: "2025-09-18", description: "MOTION to Quash" });
      insertEvent(db, {
        slug: "withdrawn",
        kind: "withdrawal",
        title: "DHS withdraws",
        date: "2025-11-01",
        datePrecision: "month",
        caseId: kase.id,
      });

      const before = parseFeed((await app.inject("/cases/doe-v-dhs/feed.atom")).body);
      const event = before.items.find((i) => i.title?.startsWith("DHS withdraws"))!;
      expect(event.updated?.toISOString()).toBe(TEST_NOW);
      expect(event.published?.toISOString()).toBe(TEST_NOW);
      expect(event.content).toContain("November 2025");
      expect(event.content).toContain("date not known to the day");
      expect(event.updated?.toISOString()).not.toContain("2025-11-01");

      now = "2026-11-22T09:30:00.000Z";
      app.editing.update("entry", entry.id, { description: "MOTION to Quash (corrected)" }, { actor: testActor });
      const after = parseFeed((await app.inject("/cases/doe-v-dhs/feed.atom")).body);
      const corrected = after.items.find((i) => i.content?.includes("corrected"))!;
      expect(corrected.updated?.toISOString()).toBe(now);
      expect(corrected.published?.toISOString()).toBe(TEST_NOW);
      expect(after.updated?.toISOString()).toBe(now);
    });
  });
});
