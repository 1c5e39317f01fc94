import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { buildTestApp } from "../support/app";
import {
  citeSource,
  insertAccount,
  insertCase,
  insertCoverage,
  insertDemand,
  insertEvent,
  insertJudge,
  insertNotice,
  insertOrder,
  insertOrganization,
  insertSource,
  insertSubpoena,
  linkCaseSubpoena,
  linkSubpoenaAccount,
} from "../support/factories";

describe("subpoenas API", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    const dhs = insertOrganization(db, { slug: "dhs", name: "Department of Homeland Security", shortName: "DHS" });
    const ice = insertOrganization(db, { slug: "ice", name: "Immigration and Customs Enforcement", shortName: "ICE", parentId: dhs.id });
    const meta = insertOrganization(db, { slug: "meta", name: "Meta Platforms, Inc.", shortName: "Meta", kind: "platform" });
    const judge = insertJudge(db, { slug: "thomas-s-hixson", name: "Thomas S. Hixson" });
    const subpoena = insertSubpoena(db, {
      slug: "dhs-meta-2025-09",
      title: "DHS subpoena to Meta of September 2025",
      issuerId: ice.id,
      recipientId: meta.id,
      authorityCited: "8 U.S.C. § 1225(d)",
      dateIssued: "2025-09-01",
      dateIssuedPrecision: "month",
      accountsCovered: 3,
    });
    const source = insertSource(db, { tag: "S02" });
    citeSource(db, "subpoena", subpoena.id, source.id, { field: "dateIssued" });
    insertDemand(db, subpoena.id, "IP addresses used to access the account", 2);
    insertDemand(db, subpoena.id, "Subscriber names and addresses", 1);
    const watched = insertAccount(db, { slug: "lbprotest", handle: "@LBProtest", platformId: meta.id });
    const other = insertAccount(db, { slug: "other", handle: "@other", platformId: meta.id });
    linkSubpoenaAccount(db, subpoena.id, watched.id);
    linkSubpoenaAccount(db, subpoena.id, other.id);
    insertNotice(db, subpoena.id, { accountId: watched.id, platformId: meta.id, responseWindowStated: "10 days", responseWindowDays: 10 });
    const kase = insertCase(db, { slug: "lbprotest-motion", label: "@LBProtest operator's motion to quash" });
    linkCaseSubpoena(db, kase.id, subpoena.id);
    const order = insertOrder(db, kase.id, {
      slug: "hixson-order",
      title: "Order that Meta not produce",
      judgeId: judge.id,
      dateSigned: "2025-09-19",
      dateSignedPrecision: "day",
    });
    citeSource(db, "order", order.id, source.id);
    insertCoverage(db, order.id, subpoena.id, { accountId: watched.id, addresseeId: meta.id });
    insertEvent(db, { slug: "issued", kind: "issuance", title: "Subpoena issued", date: "2025-09-03", subpoenaId: subpoena.id });
  });
  afterEach(async () => app.close());

  it("lists subpoenas with the derived status line and the sources behind it", async () => {
    const res = await app.inject("/api/v1/subpoenas");
    expect(res.statusCode).toBe(200);
    const [sp] = res.json().data;
    expect(sp).toMatchObject({
      slug: "dhs-meta-2025-09",
      url: "http://127.0.0.1:3000/api/v1/subpoenas/dhs-meta-2025-09",
      htmlUrl: "http://127.0.0.1:3000/subpoenas/dhs-meta-2025-09",
      issuerName: "ICE (DHS)",
      recipient: { slug: "meta", shortName: "Meta" },
      namedAccountCount: 2,
      dateIssued: { date: "2025-09-01", precision: "month", label: "September 2025" },
    });
    expect(sp.status.key).toBe("stayed");
    expect(sp.status.line).toContain("Meta ordered not to produce");
    expect(sp.status.line).toContain("Thomas S. Hixson");
    expect(sp.status.date).toEqual({ value: "2025-09-19", label: "September 19, 2025", exact: true });
    expect(sp.status.sources.map((s: { tag: string }) => s.tag)).toContain("S02");
    expect(sp.cases).toEqual([expect.objectContaining({ slug: "lbprotest-motion", title: "@LBProtest operator's motion to quash" })]);
  });

  it("gives one subpoena with demands in order, accounts, notices as stated and coverage per account", async () => {
    const res = await app.inject("/api/v1/subpoenas/dhs-meta-2025-09");
    expect(res.statusCode).toBe(200);
    const sp = res.json().data;
    expect(sp.demands).toEqual(["Subscriber names and addresses", "IP addresses used to access the account"]);
    expect(sp.accounts.map((a: { handle: string }) => a.handle).sort()).toEqual(["@LBProtest", "@other"]);
    expect(sp.notices[0]).toMatchObject({ account: { handle: "@LBProtest" }, responseWindowStated: "10 days", responseWindowDays: 10 });
    const byHandle = Object.fromEntries(sp.coverage.rows.map((r: { account: { handle: string } }) => [r.account.handle, r]));
    expect(byHandle["@LBProtest"].coverage).toMatchObject({
      status: "in_force",
      order: { slug: "hixson-order", judge: { slug: "thomas-s-hixson" }, case: { slug: "lbprotest-motion" } },
    });
    expect(byHandle["@other"].coverage).toBeNull();
    expect(sp.coverage).toMatchObject({ unprotectedCount: 1, unnamedAccounts: 1 });
    expect(sp.events).toEqual([
      expect.objectContaining({ slug: "issued", kind: "issuance", htmlUrl: "http://127.0.0.1:3000/events/issued" }),
    ]);
    expect(sp.challenges[0]).toMatchObject({ slug: "lbprotest-motion", url: "http://127.0.0.1:3000/api/v1/cases/lbprotest-motion" });
  });

  it("filters by derived status and rejects an unknown status with 400 JSON", async () => {
    insertSubpoena(db, { slug: "never-challenged", dateIssued: "2025-04-01", dateIssuedPrecision: "month" });
    const stayed = (await app.inject("/api/v1/subpoenas?status=stayed")).json();
    expect(stayed.data.map((s: { slug: string }) => s.slug)).toEqual(["dhs-meta-2025-09"]);
    const issued = (await app.inject("/api/v1/subpoenas?status=issued")).json();
    expect(issued.data.map((s: { slug: string }) => s.slug)).toEqual(["never-challenged"]);
    const bad = await app.inject("/api/v1/subpoenas?status=quashed-forever");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("status");
  });

  it("answers an unknown subpoena with 404 JSON", async () => {
    const res = await app.inject("/api/v1/subpoenas/nothing-here");
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ status: 404, code: "not_found" });
  });
});
