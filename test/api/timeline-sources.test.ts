import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { buildTestApp } from "../support/app";
import {
  citeSource,
  insertCase,
  insertConflict,
  insertEvent,
  insertOrder,
  insertSource,
  insertSubpoena,
  linkConflict,
} from "../support/factories";

describe("timeline and sources API", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    const subpoena = insertSubpoena(db, { slug: "sp", title: "The subpoena" });
    const kase = insertCase(db, { slug: "the-case", caption: "Doe v. DHS" });
    const court = insertSource(db, { tag: "S01", title: "Docket", reliability: "court_record", url: "https://ecf.example/1" });
    const press = insertSource(db, { tag: "S02", title: "Article", reliability: "reliable_press" });
    const issued = insertEvent(db, {
      slug: "issued",
      kind: "issuance",
      title: "Subpoena issued",
      date: "2025-09-03",
      subpoenaId: subpoena.id,
    });
    citeSource(db, "event", issued.id, press.id, { field: "date", inferred: true, inferredReason: "from the notice date" });
    const withdrawn = insertEvent(db, {
      slug: "withdrawn",
      kind: "withdrawal",
      title: "DHS withdraws it",
      date: "2026-01-01",
      datePrecision: "month",
      subpoenaId: subpoena.id,
      caseId: kase.id,
    });
    citeSource(db, "event", withdrawn.id, court.id, { verifiedAgainstDocket: true });
    insertOrder(db, kase.id, { slug: "signed", title: "Order signed", dateSigned: "2025-09-19", dateSignedPrecision: "day" });
    const conflict = insertConflict(db, { code: "Q2", title: "Which day it was issued", description: "The sources give two days." });
    linkConflict(db, conflict.id, "event", issued.id, "date");
    citeSource(db, "conflict", conflict.id, press.id);
  });
  afterEach(async () => app.close());

  it("lists the timeline in date order, folding in order signings, with fuzzy dates and sources", async () => {
    const res = await app.inject("/api/v1/timeline");
    expect(res.statusCode).toBe(200);
    const items = res.json().data;
    expect(items.map((i: { slug: string }) => i.slug)).toEqual(["event-issued", "order-signed-signed", "event-withdrawn"]);
    expect(items[0]).toMatchObject({
      origin: "event",
      kind: "issuance",
      htmlUrl: "http://127.0.0.1:3000/events/issued",
      subpoenas: [{ slug: "sp" }],
      sources: [{ tag: "S02", field: "date", inferred: true, inferredReason: "from the notice date" }],
      conflicts: [{ code: "Q2", field: "date", htmlUrl: "http://127.0.0.1:3000/sources#conflict-Q2" }],
    });
    expect(items[1]).toMatchObject({ origin: "order", order: { slug: "signed" }, case: { slug: "the-case" } });
    expect(items[2].date).toEqual({ date: "2026-01-01", latest: null, precision: "month", label: "January 2026" });
  });

  it("filters the timeline by year and kind, and rejects a bad year or kind with 400 JSON", async () => {
    const y2026 = (await app.inject("/api/v1/timeline?year=2026")).json();
    expect(y2026.data.map((i: { slug: string }) => i.slug)).toEqual(["event-withdrawn"]);
    const withdrawals = (await app.inject("/api/v1/timeline?year=2026&kind=withdrawal")).json();
    expect(withdrawals.count).toBe(1);
    for (const [query, path] of [
      ["year=twenty", "year"],
      ["year=1492", "year"],
      ["kind=rumour", "kind"],
    ] as const) {
      const res = await app.inject(`/api/v1/timeline?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors[0].path, query).toBe(path);
    }
  });

  it("gives the source register with fact counts, conflicts and verification counts", async () => {
    const body = (await app.inject("/api/v1/sources")).json();
    expect(body.count).toBe(2);
    expect(body.data[0]).toMatchObject({
      tag: "S01",
      slug: "S01",
      htmlUrl: "http://127.0.0.1:3000/sources#source-S01",
      sourceUrl: "https://ecf.example/1",
      reliability: "court_record",
      factCount: 1,
    });
    expect(body.conflicts).toEqual([
      expect.objectContaining({
        code: "Q2",
        records: [expect.objectContaining({ type: "event", field: "date", htmlUrl: "http://127.0.0.1:3000/events/issued" })],
        sources: [expect.objectContaining({ tag: "S02" })],
      }),
    ]);
    expect(body.verification).toEqual({ citations: 3, verified: 1, inferred: 1 });
  });

  it("filters the register by reliability and rejects an unknown level", async () => {
    const court = (await app.inject("/api/v1/sources?reliability=court_record")).json();
    expect(court.data.map((s: { tag: string }) => s.tag)).toEqual(["S01"]);
    expect((await app.inject("/api/v1/sources?reliability=gossip")).statusCode).toBe(400);
  });
});
