import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { createRecordStore } from "../../server/records/store";
import { fixedClock } from "../../server/shared/clock";
import { loadPublicDocket } from "../../server/cases/loaders";
import { DocketQuery } from "../../server/cases/schemas";
import { buildTestApp } from "../support/app";
import { testActor } from "../support/db";
import { insertCase, insertEntry, insertOrder, holdRecord } from "../support/factories";
import { parseHtml } from "../support/html";
import { planOf, recordQueries } from "../support/query-plans";

/*
 * The docket page's order cards say the ECF No. of each order's entry (as /orders does), the
 * orders API answer names the entry, and the docket's "Last changed" is the latest change of
 * anything the page shows, read from an index, not the case record's own date.
 */
describe("the docket page's orders and its last change", () => {
  let app: FastifyInstance;
  let db: Db;
  let ids: { kase: number; entry: number; held: number };

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    const kase = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. DHS" });
    const entry = insertEntry(db, kase.id, { number: 12, description: "ORDER that Meta not produce." });
    const held = insertEntry(db, kase.id, { number: 13, description: "ORDER held for review." });
    insertOrder(db, kase.id, { slug: "non-production", title: "Order that Meta not produce", entryId: entry.id, dateSigned: "2025-09-19" });
    insertOrder(db, kase.id, { slug: "of-a-held-entry", title: "Order of a held entry", entryId: held.id, dateSigned: "2025-09-20" });
    holdRecord(db, "entry", held.id, kase.id);
    ids = { kase: kase.id, entry: entry.id, held: held.id };
  });
  afterEach(async () => app.close());

  it("gives an order card on the docket its ECF No., linked to the entry's page, only when the public may see the entry", async () => {
    const $ = parseHtml((await app.inject("/cases/doe-v-dhs")).body);
    const card = $("li#order-non-production");
    expect(card.find(`a[href='/cases/doe-v-dhs/entries/${ids.entry}']`).text()).toBe("ECF No. 12");
    expect($("li#order-of-a-held-entry").text()).not.toContain("ECF No.");
  });

  it("names the order's entry in the orders API answer, as a case's entries name theirs", async () => {
    const body = (await app.inject("/api/v1/orders")).json() as { data: { slug: string; entry: unknown }[] };
    const bySlug = new Map(body.data.map((o) => [o.slug, o.entry]));
    expect(bySlug.get("non-production")).toEqual({
      id: ids.entry,
      number: 12,
      ecf: "ECF No. 12",
      htmlUrl: `http://127.0.0.1:3000/cases/doe-v-dhs/entries/${ids.entry}`,
    });
    expect(bySlug.get("of-a-held-entry")).toBeNull();
  });

  it("moves the docket's Last changed when an entry is added through the record store, not only when the case record changes", async () => {
    const changed = async () =>
      parseHtml((await app.inject("/cases/doe-v-dhs")).body)("section.cite-box dt:contains('Last changed') + dd time").attr("datetime");
    const before = await changed();
    expect(before).toBe("2026-11-21");
    createRecordStore(db, fixedClock("2026-11-23T09:00:00.000Z")).insert(
      "entry",
      { caseId: ids.kase, sequence: 99, dateFiled: "2026-11-23", description: "NOTICE of appearance." },
      { actor: testActor },
    );
    expect(await changed()).toBe("2026-11-23");
    // A held record's write is not a change the page shows.
    createRecordStore(db, fixedClock("2026-11-25T09:00:00.000Z")).update(
      "entry",
      ids.held,
      { description: "ORDER still held." },
      { actor: testActor },
    );
    expect(await changed()).toBe("2026-11-23");
  });

  it("reads the latest change of the entries from the index on (case, updated_at), one step, not a walk of the docket", async () => {
    const { queries } = await recordQueries(db, () => loadPublicDocket(db, "doe-v-dhs", DocketQuery.parse({})));
    const latest = queries.filter((q) => /order by "docket_entries"."updated_at" desc limit 1/i.test(q.sql));
    expect(latest).toHaveLength(1);
    const plan = planOf(db, latest[0]!).join("\n");
    expect(plan).toContain("docket_entries_case_updated_idx");
    expect(plan).not.toMatch(/SCAN docket_entries\b/);
  });
});
