import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { buildTestApp } from "../support/app";
import {
  citeSource,
  insertAccount,
  insertCase,
  insertCourt,
  insertCoverage,
  insertDisposition,
  insertJudge,
  insertMotion,
  insertOrder,
  insertSource,
  insertSubpoena,
} from "../support/factories";

describe("judges and orders API", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    insertCourt(db);
    const hixson = insertJudge(db, { slug: "thomas-s-hixson", name: "Thomas S. Hixson", initials: "TSH", courtId: "cand" });
    const tse = insertJudge(db, { slug: "alex-g-tse", name: "Alex G. Tse" });
    const source = insertSource(db, { tag: "S05" });
    citeSource(db, "judge", hixson.id, source.id);
    const assigned = insertCase(db, { slug: "assigned", label: "Assigned case", assignedJudgeId: hixson.id, position: 1 });
    insertCase(db, { slug: "referred", label: "Referred case", assignedJudgeId: tse.id, referredJudgeId: hixson.id, position: 2 });
    const subpoena = insertSubpoena(db, { slug: "sp" });
    const account = insertAccount(db, { slug: "acct", handle: "@acct" });
    const stay = insertOrder(db, assigned.id, {
      slug: "stay",
      title: "Non-production order",
      kind: "non_production",
      judgeId: hixson.id,
      dateSigned: "2025-09-19",
      dateSignedPrecision: "day",
    });
    insertCoverage(db, stay.id, subpoena.id, { accountId: account.id });
    const ruling = insertOrder(db, assigned.id, {
      slug: "ruling",
      title: "Order on the motion",
      kind: "ruling",
      judgeId: hixson.id,
      dateSigned: "2025-11-01",
      dateSignedPrecision: "month",
    });
    const motion = insertMotion(db, assigned.id, { title: "Motion to quash", status: "moot", decidedByOrderId: ruling.id });
    insertDisposition(db, ruling.id, motion.id, "moot");
    citeSource(db, "motion", motion.id, source.id);
    const ended = insertOrder(db, assigned.id, {
      slug: "ended",
      title: "Earlier stay",
      kind: "stay",
      judgeId: tse.id,
      dateSigned: "2025-09-10",
      dateSignedPrecision: "day",
    });
    insertCoverage(db, ended.id, subpoena.id, { status: "dissolved", statusReason: "subpoena withdrawn" });
  });
  afterEach(async () => app.close());

  it("lists judges with court and counts", async () => {
    const body = (await app.inject("/api/v1/judges")).json();
    const hixson = body.data.find((j: { slug: string }) => j.slug === "thomas-s-hixson");
    expect(hixson).toMatchObject({
      url: "http://127.0.0.1:3000/api/v1/judges/thomas-s-hixson",
      htmlUrl: "http://127.0.0.1:3000/judges/thomas-s-hixson",
      initials: "TSH",
      court: { id: "cand", shortName: "N.D. Cal." },
      caseCount: 2,
      orderCount: 2,
    });
    expect(hixson.sources[0].tag).toBe("S05");
  });

  it("gives one judge with assigned and referred cases and signed orders", async () => {
    const j = (await app.inject("/api/v1/judges/thomas-s-hixson")).json().data;
    expect(j.assignedCases.map((c: { slug: string }) => c.slug)).toEqual(["assigned"]);
    expect(j.referredCases.map((c: { slug: string }) => c.slug)).toEqual(["referred"]);
    expect(j.orders.map((o: { slug: string }) => o.slug)).toEqual(["stay", "ruling"]);
    expect((await app.inject("/api/v1/judges/nobody")).statusCode).toBe(404);
  });

  it("lists orders in date order with standing, coverage and dispositions", async () => {
    const body = (await app.inject("/api/v1/orders")).json();
    expect(body.data.map((o: { slug: string }) => o.slug)).toEqual(["ended", "stay", "ruling"]);
    const [ended, stay, ruling] = body.data;
    expect(ended).toMatchObject({
      standing: "ended",
      coverage: [{ status: "dissolved", statusReason: "subpoena withdrawn", allAccountsOfMovant: true }],
    });
    expect(stay).toMatchObject({
      standing: "in_force",
      htmlUrl: "http://127.0.0.1:3000/orders/stay",
      case: { slug: "assigned" },
      judge: { slug: "thomas-s-hixson" },
      coverage: [{ subpoena: { slug: "sp" }, account: { handle: "@acct" }, allAccountsOfMovant: false }],
    });
    expect(ruling.dateSigned).toEqual({ date: "2025-11-01", latest: null, precision: "month", label: "November 2025" });
    expect(ruling.dispositions).toEqual([
      { motion: expect.objectContaining({ title: "Motion to quash", status: "moot" }), disposition: "moot" },
    ]);
    expect(ruling.dispositions[0].motion.sources[0].tag).toBe("S05");
  });

  it("filters orders by standing and kind, and rejects a bad filter with 400 JSON", async () => {
    const inForce = (await app.inject("/api/v1/orders?standing=in_force")).json();
    expect(inForce.data.map((o: { slug: string }) => o.slug)).toEqual(["stay"]);
    const rulings = (await app.inject("/api/v1/orders?kind=ruling")).json();
    expect(rulings.data.map((o: { slug: string }) => o.slug)).toEqual(["ruling"]);
    const bad = await app.inject("/api/v1/orders?standing=forever");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("standing");
  });
});
