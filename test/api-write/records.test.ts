import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { motions, stayCoverages } from "../../db/schema";
import { citeSource, insertCase, insertCourt, insertJudge, insertParty, insertSource, insertSubpoena } from "../support/factories";
import { call, fingerprint, setupAsEditor } from "./helpers";

describe("write API: the other records", () => {
  let app: FastifyInstance;
  let db: Db;
  let token: string;
  let caseId: number;

  beforeEach(async () => {
    ({ app, db, token } = await setupAsEditor());
    insertCourt(db);
    caseId = insertCase(db, { slug: "doe-v-dhs", courtId: "cand" }).id;
  });
  afterEach(async () => app.close());

  const post = (url: string, body: unknown) => call(app, "POST", url, { token, body });
  const patch = (url: string, body: unknown, version: number) =>
    call(app, "PATCH", url, { token, body, headers: { "if-match": `"${version}"` } });
  const get = (url: string) => call(app, "GET", url, { token });

  it("creates a case: the docket number is parsed, the slug made, Location is the public record", async () => {
    const res = await post("/api/v1/cases", {
      courtId: "cand",
      docketNumber: "3:25-mc-80200-TSH",
      caption: "Doe v. U.S. Department of Homeland Security",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      slug: "doe-v-u-s-department-of-homeland-security",
      label: "Doe v. U.S. Department of Homeland Security",
      dnOffice: "3",
      dnYear: "25",
      dnType: "mc",
      dnSerial: "80200",
      dnJudgeInitials: "TSH",
      docketNumberCore: "3:25-mc-80200",
    });
    expect(res.headers.location).toBe("/api/v1/cases/doe-v-u-s-department-of-homeland-security");
    // The same number in the same court, with another judge's initials, is the same case.
    const twin = await post("/api/v1/cases", { courtId: "cand", docketNumber: "3:25-mc-80200-JSC", caption: "Twin" });
    expect(twin.statusCode).toBe(400);
    expect(twin.json().errors[0].path).toBe("docketNumber");
    const nameless = await post("/api/v1/cases", { group: "meta" });
    expect(nameless.json().errors).toEqual([{ path: "label", message: "is required when there is no caption or docket number" }]);
  });

  it("refuses ids that name nothing, deleted records, or records of another case", async () => {
    const other = insertCase(db, { slug: "other" });
    const otherEntry = (await post("/api/v1/cases/other/entries", { dateFiled: "2025-09-18", description: "x" })).json();
    const before = fingerprint(db);
    const res = await post("/api/v1/cases/doe-v-dhs/orders", { title: "Order", kind: "stay", judgeId: 999, entryId: otherEntry.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: "entryId", message: "must be a docket entry of the same case" },
      { path: "judgeId", message: "names no judge (id 999)" },
    ]);
    expect(fingerprint(db)).toBe(before);
    expect(other.id).not.toBe(caseId);
  });

  it("logs a motion with its movants; a movant from another case is a field error", async () => {
    const movant = insertParty(db, caseId, { name: "J. Doe" });
    const stranger = insertParty(db, insertCase(db).id, { name: "R. Roe" });
    const res = await post("/api/v1/cases/doe-v-dhs/motions", {
      kind: "motion_to_quash",
      title: "Motion to quash",
      movantPartyIds: [movant.id],
      dateFiled: "2025-09-18",
      dateFiledPrecision: "day",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ movantPartyIds: [movant.id], status: "pending", version: 1 });
    const bad = await post("/api/v1/cases/doe-v-dhs/motions", { kind: "motion_to_quash", title: "x", movantPartyIds: [stranger.id] });
    expect(bad.json().errors).toEqual([{ path: "movantPartyIds.0", message: "must be a party of the same case" }]);

    // Changing only the movants is a change: a new version and a revision that shows both sets.
    const second = insertParty(db, caseId, { name: "Second movant" });
    const changed = await patch(`/api/v1/motions/${res.json().id}`, { movantPartyIds: [second.id, movant.id] }, 1);
    expect(changed.json()).toMatchObject({ version: 2, movantPartyIds: [movant.id, second.id].sort((a, b) => a - b) });
    const revisions = (await get(`/api/v1/motions/${res.json().id}/revisions`)).json().data;
    expect(revisions[1].before.$links.movantPartyIds).toEqual([movant.id]);
    expect(revisions[1].after.$links.movantPartyIds).toHaveLength(2);
  });

  it("checks fuzzy dates: a range needs its latest day, and not before the earliest", async () => {
    const res = await post("/api/v1/cases/doe-v-dhs/motions", {
      kind: "motion_to_quash",
      title: "x",
      dateFiled: "2025-09-18",
      dateFiledLatest: "2025-09-01",
      dateFiledPrecision: "range",
    });
    expect(res.json().errors).toEqual([{ path: "dateFiledLatest", message: "must not be before dateFiled" }]);
  });

  it("logs an order that decides a motion and protects accounts; the motion's status follows the order", async () => {
    const motion = (await post("/api/v1/cases/doe-v-dhs/motions", { kind: "motion_to_quash", title: "Motion to quash" })).json();
    const subpoena = insertSubpoena(db, { slug: "dhs-to-meta" });
    const judge = insertJudge(db);
    const res = await post("/api/v1/cases/doe-v-dhs/orders", {
      title: "Order that Meta not produce",
      kind: "non_production",
      judgeId: judge.id,
      dateSigned: "2025-09-19",
      dateSignedPrecision: "day",
      dispositions: [{ motionId: motion.id, disposition: "granted" }],
      coverage: [{ subpoenaId: subpoena.id, endCondition: "until further order of the Court" }],
    });
    expect(res.statusCode).toBe(201);
    const order = res.json();
    expect(order.dispositions).toEqual([{ motionId: motion.id, disposition: "granted" }]);
    expect(order.coverage).toEqual([expect.objectContaining({ subpoenaId: subpoena.id, accountId: null, status: "in_force" })]);
    expect(db.select().from(motions).get()).toMatchObject({ status: "granted", decidedByOrderId: order.id });
    // The coverage row is a record of its own, with its own revision.
    const coverage = db.select().from(stayCoverages).get()!;
    expect((await get(`/api/v1/coverages/${coverage.id}/revisions`)).json().count).toBe(1);

    // The order no longer decides it: pending again. Deleting and restoring the order does the same.
    await patch(`/api/v1/orders/${order.id}`, { dispositions: [] }, 1);
    expect(db.select().from(motions).get()).toMatchObject({ status: "pending", decidedByOrderId: null });
    await patch(`/api/v1/orders/${order.id}`, { dispositions: [{ motionId: motion.id, disposition: "denied" }] }, 2);
    expect(db.select().from(motions).get()!.status).toBe("denied");
    await call(app, "DELETE", `/api/v1/orders/${order.id}`, { token, headers: { "if-match": '"3"' } });
    expect(db.select().from(motions).get()!.status).toBe("pending");
    await call(app, "POST", `/api/v1/orders/${order.id}/restore`, { token, headers: { "if-match": '"4"' } });
    expect(db.select().from(motions).get()!.status).toBe("denied");
    const motionRevisions = (await get(`/api/v1/motions/${motion.id}/revisions`)).json().data;
    expect(motionRevisions.map((r: { after: { status: string } }) => r.after.status)).toEqual([
      "pending",
      "granted",
      "pending",
      "denied",
      "pending",
      "denied",
    ]);
  });

  it("reconciles an order's coverage by subpoena and account: changed, added, hidden", async () => {
    const a = insertSubpoena(db);
    const b = insertSubpoena(db);
    const order = (await post("/api/v1/cases/doe-v-dhs/orders", { title: "Stay", kind: "stay", coverage: [{ subpoenaId: a.id }] })).json();
    const first = db.select().from(stayCoverages).get()!;
    const res = await patch(
      `/api/v1/orders/${order.id}`,
      { coverage: [{ subpoenaId: a.id, status: "dissolved", statusReason: "subpoena withdrawn" }, { subpoenaId: b.id }] },
      1,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().coverage.map((c: { status: string }) => c.status)).toEqual(["dissolved", "in_force"]);
    expect(
      db
        .select()
        .from(stayCoverages)
        .all()
        .find((c) => c.id === first.id),
    ).toMatchObject({ status: "dissolved", version: 2 });
    await patch(`/api/v1/orders/${order.id}`, { coverage: [{ subpoenaId: b.id }] }, 2);
    expect(
      db
        .select()
        .from(stayCoverages)
        .all()
        .find((c) => c.id === first.id)!.deletedAt,
    ).not.toBeNull();
    const dup = await patch(`/api/v1/orders/${order.id}`, { coverage: [{ subpoenaId: b.id }, { subpoenaId: b.id }] }, 3);
    expect(dup.json().errors).toEqual([{ path: "coverage.1", message: "repeats a subpoena and account already listed" }]);
    const unknownField = await patch(`/api/v1/orders/${order.id}`, { coverage: [{ subpoenaId: b.id, protects: "all" }] }, 3);
    expect(unknownField.json().errors).toEqual([{ path: "coverage.0.protects", message: "is not a field that can be set here" }]);
  });

  it("hides a subpoena on DELETE and restores it; both honour If-Match", async () => {
    const subpoena = (
      await post("/api/v1/subpoenas", {
        title: "DHS administrative subpoena to Meta",
        kind: "administrative_subpoena",
        demands: ["IP addresses", "Subscriber information"],
      })
    ).json();
    expect(subpoena.slug).toBe("dhs-administrative-subpoena-to-meta");
    expect(subpoena.demands).toEqual(["IP addresses", "Subscriber information"]);
    const stale = await call(app, "DELETE", `/api/v1/subpoenas/${subpoena.slug}`, { token, headers: { "if-match": '"7"' } });
    expect(stale.statusCode).toBe(412);
    const gone = await call(app, "DELETE", `/api/v1/subpoenas/${subpoena.slug}`, { token, headers: { "if-match": '"1"' } });
    expect(gone.statusCode).toBe(200);
    expect(gone.json().deletedAt).not.toBeNull();
    expect((await app.inject(`/subpoenas/${subpoena.slug}`)).statusCode).toBe(404);
    const editDeleted = await patch(`/api/v1/subpoenas/${subpoena.id}`, { title: "x" }, 2);
    expect(editDeleted.statusCode).toBe(409);
    const back = await call(app, "POST", `/api/v1/subpoenas/${subpoena.id}/restore`, { token, headers: { "if-match": '"2"' } });
    expect(back.json()).toMatchObject({ deletedAt: null, version: 3 });
    expect((await app.inject(`/subpoenas/${subpoena.slug}`)).statusCode).toBe(200);
  });

  it("refuses to delete a source that still backs facts, and a javascript: URL", async () => {
    const source = insertSource(db);
    citeSource(db, "case", caseId, source.id);
    const res = await call(app, "DELETE", `/api/v1/sources/${source.id}`, { token, headers: { "if-match": '"1"' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("still backs 1 fact");
    const bad = await post("/api/v1/sources", { title: "x", reliability: "secondary", url: "javascript:alert(1)" });
    expect(bad.json().errors).toEqual([{ path: "url", message: "must be a web address starting with https:// or http://" }]);
  });

  it("links a fact to a source: the record and field must exist, and an inference needs its reason", async () => {
    const source = insertSource(db);
    const ok = await post("/api/v1/fact-sources", {
      recordType: "case",
      recordId: caseId,
      field: "dateFiled",
      sourceId: source.id,
      quote: "filed on September 18",
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().recordId).toBe(String(caseId));
    const bad = await post("/api/v1/fact-sources", {
      recordType: "case",
      recordId: 999,
      field: "colour",
      sourceId: source.id,
      inferred: true,
    });
    expect(bad.json().errors).toEqual([
      { path: "recordId", message: "names no case (id 999)" },
      { path: "field", message: "is not a field of a case" },
      { path: "inferredReason", message: "is required when inferred is true" },
    ]);
  });

  it("shows staff-only fields to staff through the API, never on the public page", async () => {
    const party = (
      await post("/api/v1/cases/doe-v-dhs/parties", { name: "J. Doe", role: "Movant", pseudonymous: true, extraInfo: "123 Private Street" })
    ).json();
    expect((await get(`/api/v1/parties/${party.id}`)).json().extraInfo).toBe("123 Private Street");
    expect((await app.inject("/cases/doe-v-dhs")).body).not.toContain("123 Private Street");
    const counsel = (await post("/api/v1/attorneys", { name: "Jane Counsel", contact: "jane@example.org" })).json();
    const rep = await post("/api/v1/representations", { partyId: party.id, attorneyId: counsel.id, roles: "LEAD ATTORNEY" });
    expect(rep.statusCode).toBe(201);
    expect((await app.inject("/cases/doe-v-dhs")).body).not.toContain("jane@example.org");
    const neither = await post("/api/v1/representations", { partyId: party.id });
    expect(neither.json().errors).toEqual([{ path: "attorneyId", message: "is required when there is no organizationId" }]);
  });

  it("creates hearings, deadlines, events, accounts, notices and arguments", async () => {
    const account = (await post("/api/v1/accounts", { handle: "@LBProtest" })).json();
    expect(account.slug).toBe("lbprotest");
    const subpoena = insertSubpoena(db);
    expect(
      (
        await post("/api/v1/notices", {
          subpoenaId: subpoena.id,
          accountId: account.id,
          responseWindowStated: "10 days",
          responseWindowDays: 10,
        })
      ).statusCode,
    ).toBe(201);
    const motion = (await post("/api/v1/cases/doe-v-dhs/motions", { kind: "motion_to_quash", title: "MTQ" })).json();
    expect(
      (
        await post("/api/v1/cases/doe-v-dhs/hearings", {
          title: "Hearing on the motion",
          motionId: motion.id,
          date: "2025-10-29",
          time: "10:00",
        })
      ).statusCode,
    ).toBe(201);
    const badTime = await post("/api/v1/cases/doe-v-dhs/hearings", { title: "x", time: "25:00" });
    expect(badTime.json().errors[0]).toEqual({ path: "time", message: "must be a time like 09:30 (24-hour clock)" });
    const deadline = (
      await post("/api/v1/cases/doe-v-dhs/deadlines", { label: "Opposition due", dateDue: "2025-10-02", motionId: motion.id })
    ).json();
    expect(deadline.origin).toBe("court_ordered");
    const event = (
      await post("/api/v1/events", {
        kind: "withdrawal",
        title: "DHS withdraws the subpoena",
        subpoenaId: subpoena.id,
        related: [{ recordType: "subpoena", recordId: subpoena.id, role: "subject" }],
      })
    ).json();
    expect(event).toMatchObject({
      datePrecision: "unknown",
      related: [{ recordType: "subpoena", recordId: String(subpoena.id), role: "subject" }],
    });
    const argument = await post("/api/v1/arguments", {
      motionId: motion.id,
      doctrineTag: "anonymous-speech",
      text: "The First Amendment protects anonymous speech.",
    });
    expect(argument.statusCode).toBe(201);
    const badTag = await post("/api/v1/arguments", { motionId: motion.id, doctrineTag: "Anonymous Speech", text: "x" });
    expect(badTag.json().errors[0].path).toBe("doctrineTag");
  });
});
