import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { generatedSlug, generateRecord } from "../../bench/generate-record";
import { loadPublicDocket } from "../../server/cases/loaders";
import { DocketQuery } from "../../server/cases/schemas";
import { createRecordStore } from "../../server/records/store";
import { buildTestApp } from "../support/app";
import { testActor, testClock } from "../support/db";
import { insertCase, insertEntry } from "../support/factories";
import { parseHtml } from "../support/html";
import { planOf, recordQueries } from "../support/query-plans";

/*
 * A docket's count of entries is kept per case and kind (docket_entry_counts, migration 0019)
 * by triggers in the same transaction as each write. Whatever the writes, the count a page
 * shows must equal what counting the public projection of the docket gives: every live entry,
 * a sealed one as its placeholder, none the publication guard holds.
 */
describe("a docket's kept entry counts", () => {
  let app: FastifyInstance;
  let db: Db;
  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
  });
  afterEach(async () => app.close());

  const kept = () => db.$client.prepare("SELECT case_id, kind, live FROM docket_entry_counts WHERE live <> 0 ORDER BY case_id, kind").all();
  const counted = () =>
    db.$client
      .prepare(
        "SELECT case_id, kind, count(*) AS live FROM docket_entries WHERE deleted_at IS NULL GROUP BY case_id, kind ORDER BY case_id, kind",
      )
      .all();

  /** Every entry the public sees on the docket, read page by page through the projection, and the count the page states. */
  function publicDocket(slug: string, filters: { kind?: string } = {}) {
    const first = loadPublicDocket(db, slug, DocketQuery.parse({ ...filters, per: 10 }))!;
    const entries = [];
    for (let page = 1; page <= Math.ceil(first.total / 10); page++) {
      entries.push(...loadPublicDocket(db, slug, DocketQuery.parse({ ...filters, per: 10, page }))!.entries);
    }
    return { total: first.total, entries };
  }

  it("stays equal to a count of the projection after adds, seals, kind changes, deletes, restores and holds through the store", () => {
    const store = createRecordStore(db, testClock);
    const write = { actor: testActor };
    const one = insertCase(db, { slug: "counted" });
    const other = insertCase(db, { slug: "other" });
    const entries = Array.from({ length: 23 }, (_, n) => insertEntry(db, one.id, { kind: n % 3 === 0 ? "order" : "motion" }));
    insertEntry(db, other.id, { kind: "order" });
    const check = () => {
      expect(kept()).toEqual(counted());
      for (const filters of [{}, { kind: "order" }, { kind: "motion" }, { kind: "notice" }]) {
        const docket = publicDocket("counted", filters);
        expect(docket.total, JSON.stringify(filters)).toBe(docket.entries.length);
      }
    };
    check();
    expect(publicDocket("counted").total).toBe(23);

    store.update("entry", entries[1]!.id, { sealed: true }, write);
    check();
    expect(publicDocket("counted").entries.filter((e) => e.sealed)).toHaveLength(1);
    store.update("entry", entries[2]!.id, { kind: "order" }, write);
    check();
    expect(publicDocket("counted", { kind: "order" }).total).toBe(9);
    // The store never deletes an entry (it is stricken instead); a deletion comes from elsewhere, and the store restores it.
    store.update("entry", entries[3]!.id, { kind: "notice" }, write);
    store.update("entry", entries[8]!.id, { stricken: true }, write);
    db.$client.prepare("UPDATE docket_entries SET deleted_at = ? WHERE id = ?").run(testClock.now(), entries[3]!.id);
    check();
    expect(publicDocket("counted").total).toBe(22);
    store.restore("entry", entries[3]!.id, write);
    check();
    expect(publicDocket("counted", { kind: "notice" }).total).toBe(1);
    store.update("entry", entries[4]!.id, { caseId: other.id }, write);
    check();
    // A held entry is live, so kept, but the public does not see it: the page counts it out.
    db.$client
      .prepare(
        "INSERT INTO publication_holds (record_type, record_id, case_id, status, findings, held_at, held_by) VALUES ('entry', ?, ?, 'held', '[]', ?, 'test')",
      )
      .run(String(entries[5]!.id), one.id, testClock.now());
    check();
    expect(publicDocket("counted").total).toBe(21);
    // A write behind the store's back (an import's bulk statement, a repair) is counted too.
    db.$client.prepare("DELETE FROM docket_entries WHERE id = ?").run(entries[6]!.id);
    db.$client.prepare("UPDATE docket_entries SET deleted_at = ? WHERE id = ?").run(testClock.now(), entries[7]!.id);
    check();
    expect(publicDocket("counted").total).toBe(19);
  });

  it("is filled for a generated record, and a docket page reads the count, not the case's entries", async () => {
    generateRecord(db, { cases: 4, entries: 3_000, bigCase: 2_000, now: testClock.now() });
    expect(kept()).toEqual(counted());
    const { result, queries } = await recordQueries(db, () => app.inject(`/cases/${generatedSlug(1)}?kind=order`));
    expect(result.statusCode).toBe(200);
    const live = (
      db.$client
        .prepare(
          "SELECT count(*) AS n FROM docket_entries e JOIN cases c ON c.id = e.case_id WHERE c.slug = ? AND e.kind = 'order' AND e.deleted_at IS NULL",
        )
        .get(generatedSlug(1)) as { n: number }
    ).n;
    expect(parseHtml(result.body)("body").text()).toContain(`${live} matching entries.`);
    const counts = queries.filter((q) => /^select count\(\*\) from "docket_entries"/i.test(q.sql));
    expect(counts).toEqual([]);
    const lookup = queries.find((q) => /from "docket_entry_counts"/.test(q.sql))!;
    expect(planOf(db, lookup).join("\n")).toMatch(
      /SEARCH docket_entry_counts USING (COVERING )?INDEX sqlite_autoindex_docket_entry_counts_1 \(case_id=\? AND kind=\?\)/,
    );
    // A date filter still counts the index range it reads.
    const dated = await recordQueries(db, () => app.inject(`/cases/${generatedSlug(1)}?from=2020-01-01&to=2020-01-31`));
    expect(dated.result.statusCode).toBe(200);
    expect(dated.queries.some((q) => /^select count\(\*\) from "docket_entries"/i.test(q.sql))).toBe(true);
  });
});
