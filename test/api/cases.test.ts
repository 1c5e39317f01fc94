import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { createRecordStore } from "../../server/records/store";
import { testActor, testClock } from "../support/db";
import { buildTestApp } from "../support/app";
import {
  citeSource,
  insertCase,
  insertCoverage,
  insertEntry,
  insertMotion,
  insertOrder,
  insertParty,
  insertSource,
  insertSubpoena,
} from "../support/factories";
import { insertDoeCaseBeforeHixson } from "../support/scenarios";

describe("cases API", () => {
  let app: FastifyInstance;
  let db: Db;
  let caseId: number;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    const { judge, kase } = insertDoeCaseBeforeHixson(db, {
      dnType: "mc",
      dnSerial: "80200",
      dnJudgeInitials: "TSH",
      dateFiled: "2025-09-01",
      dateFiledPrecision: "month",
      position: 1,
    });
    caseId = kase.id;
    insertCase(db, { slug: "other-suit", group: "related", label: "A related suit", position: 2 });
    const source = insertSource(db, { tag: "S01", publisher: "Politico" });
    citeSource(db, "case", caseId, source.id);
    citeSource(db, "case", caseId, source.id, { field: "dateFiled", inferred: true, inferredReason: "reported in September" });
    const party = insertParty(db, caseId, { name: "J. Doe", role: "Movant" });
    const motionEntry = insertEntry(db, caseId, {
      number: 1,
      sequence: 1,
      dateFiled: "2025-09-18",
      description: "MOTION to Quash filed by J. Doe",
      kind: "motion",
    });
    citeSource(db, "entry", motionEntry.id, source.id);
    insertEntry(db, caseId, {
      number: 2,
      sequence: 2,
      dateFiled: "2025-09-18",
      dateEntered: "2025-09-19",
      description: "Declaration of the movant",
      sealed: true,
    });
    insertEntry(db, caseId, { number: null, sequence: 1.5, dateFiled: "2025-09-18", description: "Clerk's notice", kind: "notice" });
    const subpoena = insertSubpoena(db, { slug: "dhs-to-meta", title: "DHS subpoena to Meta" });
    const order = insertOrder(db, caseId, {
      slug: "non-production",
      title: "Order that Meta not produce",
      judgeId: judge.id,
      dateSigned: "2025-09-19",
      dateSignedPrecision: "day",
    });
    insertCoverage(db, order.id, subpoena.id);
    const motion = insertMotion(db, caseId, { entryId: motionEntry.id, status: "pending" });
    db.$client.prepare("INSERT INTO motion_movants (motion_id, party_id) VALUES (?, ?)").run(motion.id, party.id);
    db.$client.prepare("INSERT INTO case_subpoenas (case_id, subpoena_id) VALUES (?, ?)").run(caseId, subpoena.id);
  });
  afterEach(async () => app.close());

  it("lists cases with slug, API url, page url, status and sources", async () => {
    const res = await app.inject("/api/v1/cases");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    const body = res.json();
    expect(body.count).toBe(2);
    const [first] = body.data;
    expect(first.slug).toBe("doe-v-dhs");
    expect(first.url).toBe("http://127.0.0.1:3000/api/v1/cases/doe-v-dhs");
    expect(first.htmlUrl).toBe("http://127.0.0.1:3000/cases/doe-v-dhs");
    expect(first.status.label).toBe("Motion pending");
    expect(first.assignedJudge).toMatchObject({ slug: "thomas-s-hixson", url: "http://127.0.0.1:3000/api/v1/judges/thomas-s-hixson" });
    expect(first.subpoenas.map((s: { slug: string }) => s.slug)).toEqual(["dhs-to-meta"]);
    expect(first.sources.map((s: { tag: string; field: string | null }) => [s.tag, s.field])).toEqual([
      ["S01", null],
      ["S01", "dateFiled"],
    ]);
  });

  it("prints a month-precision date as a fuzzy date, not as a day", async () => {
    const first = (await app.inject("/api/v1/cases")).json().data[0];
    expect(first.dateFiled).toEqual({ date: "2025-09-01", latest: null, precision: "month", label: "September 2025" });
  });

  it("filters the list by group and rejects an unknown group with 400 JSON", async () => {
    const related = (await app.inject("/api/v1/cases?group=related")).json();
    expect(related.data.map((c: { slug: string }) => c.slug)).toEqual(["other-suit"]);
    const bad = await app.inject("/api/v1/cases?group=nonsense");
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { status: 400, code: "invalid_input" }, errors: [{ path: "group" }] });
  });

  it("gives a case with every entry in docket order, sealed ones as placeholders", async () => {
    const res = await app.inject("/api/v1/cases/doe-v-dhs");
    expect(res.statusCode).toBe(200);
    const c = res.json().data;
    expect(c.docketNumberParts).toMatchObject({ type: "mc", serial: "80200", judgeInitials: "TSH" });
    expect(c.entries.map((e: { number: number | null }) => e.number)).toEqual([1, null, 2]);
    expect(c.entries[2]).toEqual({ number: 2, dateFiled: "2025-09-18", dateEntered: "2025-09-19", sealed: true, description: "SEALED" });
    expect(res.body).not.toContain("Declaration of the movant");
    expect(c.entries[0].sources[0].tag).toBe("S01");
    expect(c.entries[0].htmlUrl).toMatch(/\/cases\/doe-v-dhs\/entries\/\d+$/);
  });

  it("includes parties, motions with movants and status, orders with coverage, and challenged subpoenas", async () => {
    const c = (await app.inject("/api/v1/cases/doe-v-dhs")).json().data;
    expect(c.parties).toHaveLength(1);
    expect(c.parties[0]).toMatchObject({ name: "J. Doe", role: "Movant", pseudonymous: true, counsel: [] });
    expect(c.motions[0]).toMatchObject({ status: "pending", statusLabel: "Pending", movants: [{ name: "J. Doe" }] });
    expect(c.orders[0]).toMatchObject({ slug: "non-production", inForce: true, judge: { slug: "thomas-s-hixson" } });
    expect(c.orders[0].dateSigned).toMatchObject({ date: "2025-09-19", precision: "day" });
    expect(c.orders[0].coverage[0]).toMatchObject({
      subpoena: { slug: "dhs-to-meta" },
      account: null,
      allAccountsOfMovant: true,
      status: "in_force",
    });
    expect(c.subpoenas[0].url).toBe("http://127.0.0.1:3000/api/v1/subpoenas/dhs-to-meta");
  });

  it("answers an unknown slug with 404 problem details (RFC 9457)", async () => {
    const res = await app.inject("/api/v1/cases/no-such-case");
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
    const message = 'No case has the slug "no-such-case".';
    expect(res.json()).toEqual({
      type: "about:blank",
      title: "Not Found",
      status: 404,
      detail: message,
      instance: "/api/v1/cases/no-such-case",
      code: "not_found",
      error: { status: 404, code: "not_found", message },
    });
  });

  it("serves a case with an ETag, 304 when unchanged, and fresh JSON after a write", async () => {
    const first = await app.inject("/api/v1/cases/doe-v-dhs");
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    expect(first.headers["cache-control"]).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    const again = await app.inject({ url: "/api/v1/cases/doe-v-dhs", headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);

    createRecordStore(db, testClock).update("case", caseId, { caption: "Doe v. Noem" }, { actor: testActor, expectedVersion: 1 });
    const after = await app.inject({ url: "/api/v1/cases/doe-v-dhs", headers: { "if-none-match": etag } });
    expect(after.statusCode).toBe(200);
    expect(after.json().data.caption).toBe("Doe v. Noem");
  });
});
