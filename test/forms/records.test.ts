import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import type { EditType } from "../../server/editing/definition";
import { buildTestApp } from "../support/app";
import {
  insertAccount,
  insertAttorney,
  insertCase,
  insertEntry,
  insertJudge,
  insertMotion,
  insertOrder,
  insertOrganization,
  insertParty,
  insertSource,
  insertSubpoena,
} from "../support/factories";
import { parseHtml } from "../support/html";
import { errorBeside, staffBrowser } from "./helpers";

type Fixture = ReturnType<typeof buildFixture>;

function buildFixture(db: Db) {
  const kase = insertCase(db, { slug: "doe", label: "Doe v. DHS" });
  return {
    kase,
    entry: insertEntry(db, kase.id, { number: 1 }),
    party: insertParty(db, kase.id),
    motion: insertMotion(db, kase.id),
    order: insertOrder(db, kase.id),
    subpoena: insertSubpoena(db),
    account: insertAccount(db),
    source: insertSource(db, { tag: "S01" }),
    meta: insertOrganization(db, { name: "Meta Platforms, Inc.", kind: "platform" }),
    judge: insertJudge(db),
    attorney: insertAttorney(db),
  };
}

/**
 * One row per record type: a valid form (what a browser sends), what must be stored, a form
 * with one bad field, and where its error must show. Every create must answer 303, store the
 * record and write a revision naming the editor; every bad form must answer 422 with the
 * input kept and the message beside the field.
 */
const CASES: {
  type: EditType;
  url: string;
  valid: (f: Fixture) => Record<string, string>;
  stored: (f: Fixture) => Record<string, unknown>;
  redirect: RegExp;
  invalid: (f: Fixture) => Record<string, string>;
  field: string;
  message: string;
  kept: [string, string];
}[] = [
  {
    type: "subpoena",
    url: "/staff/subpoenas",
    valid: (f) => ({
      title: "DHS summons to Meta",
      kind: "customs_summons",
      issuerId: "",
      recipientId: String(f.meta.id),
      dateIssued: "2025-09-03",
      dateIssuedPrecision: "",
      demands: "IP addresses",
      accountIds: String(f.account.id),
    }),
    stored: (f) => ({
      title: "DHS summons to Meta",
      kind: "customs_summons",
      recipientId: f.meta.id,
      dateIssued: "2025-09-03",
      demands: ["IP addresses"],
      accountIds: [f.account.id],
    }),
    redirect: /^\/subpoenas\/dhs-summons-to-meta$/,
    invalid: () => ({ title: "A summons", kind: "customs_summons", dateIssued: "2025-09-03", dateReturn: "2025-09-01" }),
    field: "f-dateReturn",
    message: "Return date must not be before “Date issued”",
    kept: ["f-title", "A summons"],
  },
  {
    type: "account",
    url: "/staff/accounts",
    valid: (f) => ({ handle: "@LBProtest", platformId: String(f.meta.id), description: "" }),
    stored: (f) => ({ handle: "@LBProtest", platformId: f.meta.id, slug: "lbprotest" }),
    redirect: /^\/staff\/accounts\/\d+\/edit$/,
    invalid: () => ({ handle: "", displayName: "", description: "kept words" }),
    field: "f-handle",
    message: "Handle is required when there is no “Display name”",
    kept: ["f-description", "kept words"],
  },
  {
    type: "notice",
    url: "/staff/notices",
    valid: (f) => ({
      subpoenaId: String(f.subpoena.id),
      accountId: String(f.account.id),
      dateNotified: "2025-09-08",
      responseWindowStated: "10 days",
      responseWindowDays: "10",
    }),
    stored: (f) => ({ subpoenaId: f.subpoena.id, accountId: f.account.id, responseWindowStated: "10 days", responseWindowDays: 10 }),
    redirect: /^\/subpoenas\/subpoena-\d+$/,
    invalid: () => ({ subpoenaId: "", responseWindowStated: "ten days" }),
    field: "f-subpoenaId",
    message: "Subpoena is required",
    kept: ["f-responseWindowStated", "ten days"],
  },
  {
    type: "case",
    url: "/staff/cases",
    valid: (f) => ({
      caption: "In re Subpoena to Meta",
      docketNumber: "5:26-mc-80026-TSH",
      group: "meta",
      assignedJudgeId: String(f.judge.id),
      subpoenaIds: String(f.subpoena.id),
      dateFiled: "2026-01-12",
    }),
    stored: (f) => ({
      caption: "In re Subpoena to Meta",
      dnJudgeInitials: "TSH",
      assignedJudgeId: f.judge.id,
      subpoenaIds: [f.subpoena.id],
      dateFiled: "2026-01-12",
    }),
    redirect: /^\/cases\/in-re-subpoena-to-meta$/,
    invalid: () => ({ caption: "", docketNumber: "", label: "", nature: "kept nature", group: "meta" }),
    field: "f-label",
    message: "Label is required when there is no caption or docket number",
    kept: ["f-nature", "kept nature"],
  },
  {
    type: "party",
    url: "/staff/cases/doe/parties",
    valid: (f) => ({ name: "J. Doe", role: "Movant", pseudonymous: "true", accountIds: String(f.account.id) }),
    stored: (f) => ({ name: "J. Doe", role: "Movant", pseudonymous: true, accountIds: [f.account.id], caseId: f.kase.id }),
    redirect: /^\/cases\/doe#parties-heading$/,
    invalid: () => ({ name: "R. Roe", role: "" }),
    field: "f-role",
    message: "Role is required",
    kept: ["f-name", "R. Roe"],
  },
  {
    type: "representation",
    url: "/staff/cases/doe/counsel",
    valid: (f) => ({ partyId: String(f.party.id), attorneyId: String(f.attorney.id), roles: "LEAD ATTORNEY", standing: "of_record" }),
    stored: (f) => ({ partyId: f.party.id, attorneyId: f.attorney.id, standing: "of_record" }),
    redirect: /^\/cases\/doe#parties-heading$/,
    invalid: () => ({ partyId: "", roles: "PRO HAC VICE", standing: "of_record" }),
    field: "f-partyId",
    message: "Party represented is required",
    kept: ["f-roles", "PRO HAC VICE"],
  },
  {
    type: "attorney",
    url: "/staff/attorneys",
    valid: () => ({ name: "Jane Counsel", position: "Staff Attorney" }),
    stored: () => ({ name: "Jane Counsel", slug: "jane-counsel" }),
    redirect: /^\/staff\/attorneys\/\d+\/edit$/,
    invalid: () => ({ name: "  ", position: "Partner" }),
    field: "f-name",
    message: "Name is required",
    kept: ["f-position", "Partner"],
  },
  {
    type: "motion",
    url: "/staff/cases/doe/motions",
    valid: (f) => ({
      title: "Motion to quash",
      kind: "motion_to_quash",
      entryId: String(f.entry.id),
      movantPartyIds: String(f.party.id),
      dateFiled: "2026-01-12",
      track: "noticed",
      status: "pending",
    }),
    stored: (f) => ({ title: "Motion to quash", entryId: f.entry.id, movantPartyIds: [f.party.id], dateFiled: "2026-01-12" }),
    redirect: /^\/cases\/doe#motions-heading$/,
    invalid: () => ({ title: "MTQ", kind: "motion_to_quash", dateFiled: "2026-01-12", dateFiledPrecision: "range" }),
    field: "f-dateFiledLatest",
    message: 'Date filed: latest possible day is required when “Date filed: how exact” is "range"',
    kept: ["f-title", "MTQ"],
  },
  {
    type: "argument",
    url: "/staff/cases/doe/arguments",
    valid: (f) => ({
      motionId: String(f.motion.id),
      doctrineTag: "anonymous-speech",
      text: "The First Amendment protects anonymous speech.",
      reached: "unknown",
    }),
    stored: (f) => ({ motionId: f.motion.id, doctrineTag: "anonymous-speech" }),
    redirect: /^\/staff\/cases\/doe\/motions\/\d+\/edit$/,
    invalid: (f) => ({ motionId: String(f.motion.id), doctrineTag: "Anonymous Speech", text: "kept argument" }),
    field: "f-doctrineTag",
    message: "Doctrine tag may contain only lowercase letters, digits and single hyphens",
    kept: ["f-text", "kept argument"],
  },
  {
    type: "authority",
    url: "/staff/authorities",
    valid: () => ({
      citation: "Talley v. California, 362 U.S. 60 (1960)",
      shortName: "Talley",
      kind: "case",
      court: "U.S. Supreme Court",
      year: "1960",
      doctrineTags: "anonymous-speech, associational-privacy",
      holding: "A ban on anonymous handbills violates the First Amendment.",
      url: "",
      slug: "",
    }),
    stored: () => ({
      slug: "talley",
      citation: "Talley v. California, 362 U.S. 60 (1960)",
      year: 1960,
      doctrineTags: "anonymous-speech,associational-privacy",
    }),
    redirect: /^\/authorities\/talley$/,
    invalid: () => ({
      citation: "Talley v. California, 362 U.S. 60 (1960)",
      shortName: "Talley",
      kind: "case",
      doctrineTags: "Anonymous Speech",
    }),
    field: "f-doctrineTags",
    message: "Doctrine tags must be tags of lowercase letters, digits and single hyphens, separated by commas",
    kept: ["f-citation", "Talley v. California, 362 U.S. 60 (1960)"],
  },
  {
    type: "order",
    url: "/staff/cases/doe/orders",
    valid: (f) => ({
      title: "Order granting non-production",
      kind: "non_production",
      judgeId: String(f.judge.id),
      dateSigned: "2025-09-19",
      "dispositions[0][motionId]": String(f.motion.id),
      "dispositions[0][disposition]": "granted",
      "dispositions[1][motionId]": "",
      "dispositions[1][disposition]": "granted",
      "coverage[0][subpoenaId]": String(f.subpoena.id),
      "coverage[0][accountId]": "",
      "coverage[0][addresseeId]": String(f.meta.id),
      "coverage[0][endCondition]": "until further order of the Court",
      "coverage[0][status]": "in_force",
    }),
    stored: (f) => ({
      title: "Order granting non-production",
      dispositions: [{ motionId: f.motion.id, disposition: "granted" }],
      coverage: [expect.objectContaining({ subpoenaId: f.subpoena.id, addresseeId: f.meta.id, status: "in_force" })],
    }),
    redirect: /^\/orders\/order-granting-non-production$/,
    invalid: () => ({
      title: "Order",
      kind: "non_production",
      "coverage[0][subpoenaId]": "",
      "coverage[0][endCondition]": "until further order",
      "coverage[0][status]": "in_force",
    }),
    field: "f-coverage-0-subpoenaId",
    message: "Subpoena (row 1) is required",
    kept: ["f-coverage-0-endCondition", "until further order"],
  },
  {
    type: "hearing",
    url: "/staff/cases/doe/hearings",
    valid: (f) => ({
      title: "Hearing on the motion to quash",
      motionId: String(f.motion.id),
      date: "2026-12-03",
      time: "09:30",
      status: "scheduled",
    }),
    stored: (f) => ({ title: "Hearing on the motion to quash", motionId: f.motion.id, date: "2026-12-03", time: "09:30" }),
    redirect: /^\/cases\/doe#hearing-\d+$/,
    invalid: () => ({ title: "Hearing", time: "9.30am", place: "Courtroom E" }),
    field: "f-time",
    message: "Time must be a time like 09:30 (24-hour clock)",
    kept: ["f-place", "Courtroom E"],
  },
  {
    type: "deadline",
    url: "/staff/cases/doe/deadlines",
    valid: (f) => ({ label: "Reply due", dateDue: "2026-12-10", orderId: String(f.order.id), origin: "court_ordered", status: "open" }),
    stored: (f) => ({ label: "Reply due", dateDue: "2026-12-10", orderId: f.order.id, origin: "court_ordered" }),
    redirect: /^\/cases\/doe#deadline-\d+$/,
    invalid: () => ({ label: "Reply due", dateDue: "12/10/2026", origin: "court_ordered" }),
    field: "f-dateDue",
    message: "Due date must be a real date in YYYY-MM-DD form",
    kept: ["f-dateDue", "12/10/2026"],
  },
  {
    type: "event",
    url: "/staff/events",
    valid: (f) => ({
      title: "DHS withdraws the summons",
      kind: "withdrawal",
      date: "2025-10-02",
      subpoenaId: String(f.subpoena.id),
      "related[0][recordType]": "organization",
      "related[0][recordId]": String(f.meta.id),
      "related[0][role]": "subject",
    }),
    stored: (f) => ({
      title: "DHS withdraws the summons",
      kind: "withdrawal",
      subpoenaId: f.subpoena.id,
      related: [{ recordType: "organization", recordId: String(f.meta.id), role: "subject" }],
    }),
    redirect: /^\/events\/dhs-withdraws-the-summons$/,
    invalid: () => ({
      title: "An event",
      kind: "other",
      "related[0][recordType]": "subpoena",
      "related[0][recordId]": "99999",
      "related[0][role]": "actor",
    }),
    field: "f-related-0-recordId",
    message: "Record id (row 1) names no subpoena (id 99999)",
    kept: ["f-title", "An event"],
  },
  {
    type: "source",
    url: "/staff/sources",
    valid: () => ({ title: "Court docket report", url: "https://ecf.cand.uscourts.gov/x", reliability: "court_record", tag: "S99" }),
    stored: () => ({ title: "Court docket report", reliability: "court_record", tag: "S99" }),
    redirect: /^\/sources#source-S99$/,
    invalid: () => ({ title: "A page", url: "javascript:alert(1)", reliability: "secondary" }),
    field: "f-url",
    message: "Address (URL) must be a web address starting with https:// or http://",
    kept: ["f-url", "javascript:alert(1)"],
  },
  {
    type: "fact_source",
    url: "/staff/fact-sources",
    valid: (f) => ({
      recordType: "subpoena",
      recordId: String(f.subpoena.id),
      field: "dateIssued",
      sourceId: String(f.source.id),
      quote: "issued on September 3",
      verifiedAgainstDocket: "true",
    }),
    stored: (f) => ({
      recordType: "subpoena",
      recordId: String(f.subpoena.id),
      field: "dateIssued",
      sourceId: f.source.id,
      verifiedAgainstDocket: true,
    }),
    redirect: /^\/staff\/subpoenas\/\d+\/edit#sources$/,
    invalid: (f) => ({
      recordType: "subpoena",
      recordId: String(f.subpoena.id),
      sourceId: String(f.source.id),
      inferred: "true",
      inferredReason: "",
      quote: "kept quote",
    }),
    field: "f-inferredReason",
    message: "Why it is inferred is required when inferred is true",
    kept: ["f-quote", "kept quote"],
  },
];

describe("record forms, type by type", () => {
  let app: FastifyInstance;
  let db: Db;
  let fixture: Fixture;
  let browser: Awaited<ReturnType<typeof staffBrowser>>;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    fixture = buildFixture(db);
    browser = await staffBrowser(app, db);
  });
  afterEach(async () => app.close());

  const createdBy = (type: string) =>
    db.$client
      .prepare("SELECT record_id FROM revisions WHERE record_type = ? AND action = 'create' AND actor = 'editor@example.org'")
      .all(type) as { record_id: string }[];

  for (const c of CASES) {
    it(`${c.type}: create answers 303 to the record, stores it, and writes a revision naming the editor`, async () => {
      expect((await browser.get(`${c.url}/new`)).statusCode).toBe(200);
      const res = await browser.post(c.url, c.valid(fixture));
      expect(res.statusCode, res.body.slice(0, 3000)).toBe(303);
      expect(String(res.headers.location)).toMatch(c.redirect);
      const created = createdBy(c.type);
      expect(created).toHaveLength(1);
      expect(app.editing.find(c.type, Number(created[0]!.record_id))).toMatchObject(c.stored(fixture));
    });

    it(`${c.type}: a bad field answers 422 with the input kept and the message beside it`, async () => {
      const res = await browser.post(c.url, c.invalid(fixture));
      expect(res.statusCode).toBe(422);
      expect(createdBy(c.type)).toHaveLength(0);
      expect(errorBeside(res.body, c.field)).toBe(c.message);
      const $ = parseHtml(res.body);
      const [keptId, keptValue] = c.kept;
      const kept = $(`#${keptId}`);
      expect(kept.is("textarea") ? kept.text() : kept.attr("value")).toBe(keptValue);
      expect($("#error-summary a").first().attr("href")).toBe(`#${c.field}`);
    });
  }
});
