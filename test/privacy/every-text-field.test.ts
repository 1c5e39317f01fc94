import { eq } from "drizzle-orm";
import { cases } from "../../db/schema";
import { createSubscriptionsRepository } from "../../server/alerts/subscriptions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { getTableColumns } from "drizzle-orm";
import type { Db } from "../../db/client";
import { EDIT_TYPES, type EditType } from "../../server/editing/definition";
import { RECORD_DEFINITIONS } from "../../server/editing/records";
import { PUBLIC_ADDRESS_FIELDS, PUBLIC_FIELDS } from "../../server/privacy/projection";
import { createRecordStore } from "../../server/records/store";
import { RECORD_TABLES, type EditableType } from "../../server/records/tables";
import { buildTestApp } from "../support/app";
import { testActor, testClock } from "../support/db";
import {
  citeSource,
  insertAccount,
  insertArgument,
  insertAttorney,
  insertAuthority,
  insertCase,
  insertConflict,
  insertCourt,
  insertCoverage,
  insertDeadline,
  insertDemand,
  insertDoctrine,
  insertDocument,
  insertEntry,
  insertEvent,
  insertHearing,
  insertJudge,
  insertMotion,
  insertNotice,
  insertOrder,
  insertOrganization,
  insertParty,
  insertRepresentation,
  insertSource,
  insertSubpoena,
  linkArgumentAuthority,
  linkCaseSubpoena,
  linkConflict,
  linkMotionMovant,
  linkPartyAccount,
  linkRelatedCase,
  linkSubpoenaAccount,
} from "../support/factories";
import { releaseAllHolds } from "../support/guard";
import { orderAndEventSlugs, publicRouteUrls } from "../support/public-routes";

/*
 * Issue 15.2: redaction runs on every public text field, decided in one place. The test walks
 * the public projection's allow-list, plants a different SSN in every text field of every
 * record type (and in the link rows pages print: demands, account notes, case relations),
 * then crawls every public route from Fastify's route table — pages, API, Atom, iCalendar —
 * and looks for any of them. A text field added to the allow-list later is planted too.
 */

/** Fields the app parses rather than prints as prose (dates, times, ids): an SSN there is refused at the schema. */
const PARSED = /^(id|courtId|timeZone|updatedAt|recordType|recordId|sourceId|time)$|^date|Date$|Latest$/;

/** Is a public field one anyone can put free text into? The edit schema decides for staff-edited types. */
function isFreeText(type: EditableType, field: string): boolean {
  const column = (getTableColumns(RECORD_TABLES[type]) as Record<string, { dataType: string; enumValues?: unknown[] }>)[field]!;
  if (column.dataType !== "string" || column.enumValues || PUBLIC_ADDRESS_FIELDS.has(field)) return false;
  if ((EDIT_TYPES as readonly string[]).includes(type)) {
    const definition = RECORD_DEFINITIONS[type as EditType];
    // A reference (a case's courtId) must name a record; the write service refuses anything else.
    if (definition.refs?.[field]) return false;
    const schema = definition.update.shape[field];
    if (schema) return schema.safeParse("free text").success;
  }
  return !PARSED.test(field);
}

/** Every format a filing writes an SSN in, in turn: dashes, dots, spaces, none (issue 15.1). */
function plantedSsn(serial: number): { raw: string; digits: string } {
  const s = String(serial).padStart(4, "0");
  const raw = [`219-09-${s}`, `219.09.${s}`, `219 09 ${s}`, `21909${s}`][serial % 4]!;
  return { raw, digits: `21909${s}` };
}

type Plant = { where: string; raw: string; digits: string; redacted: string };

function buildRecord(db: Db) {
  insertCourt(db);
  const judge = insertJudge(db, { slug: "hixson", name: "Thomas S. Hixson" });
  const meta = insertOrganization(db, { slug: "meta", name: "Meta Platforms, Inc.", shortName: "Meta", kind: "platform" });
  const dhs = insertOrganization(db, { slug: "dhs", name: "Department of Homeland Security", kind: "agency" });
  const kase = insertCase(db, {
    slug: "doe-v-dhs",
    courtId: "cand",
    docketNumber: "3:25-mc-80200-TSH",
    caption: "Doe v. DHS",
    assignedJudgeId: judge.id,
    dateFiled: "2025-09-18",
    dateFiledPrecision: "day",
  });
  const related = insertCase(db, { slug: "second-suit", label: "A second suit", group: "related" });
  linkRelatedCase(db, kase.id, related.id);
  const source = insertSource(db, { tag: "S01", title: "Docket report" });
  const party = insertParty(db, kase.id, { name: "J. Doe", role: "Movant", pseudonymous: true });
  const account = insertAccount(db, { slug: "watcher", handle: "@watcher", platformId: meta.id });
  linkPartyAccount(db, party.id, account.id);
  const attorney = insertAttorney(db, { slug: "counsel", name: "A. Lawyer", organizationId: dhs.id });
  insertRepresentation(db, party.id, { attorneyId: attorney.id, roles: "LEAD ATTORNEY" });
  const entry = insertEntry(db, kase.id, { number: 1, sequence: 1, description: "MOTION to Quash", filedBy: "J. Doe", kind: "motion" });
  insertDocument(db, entry.id, { description: "Motion", pageCount: 3, fileSizeText: "120 KB" });
  const subpoena = insertSubpoena(db, {
    slug: "dhs-to-meta",
    title: "DHS subpoena to Meta",
    issuerId: dhs.id,
    recipientId: meta.id,
    dateIssued: "2025-09-03",
    dateIssuedPrecision: "day",
  });
  linkCaseSubpoena(db, kase.id, subpoena.id);
  linkSubpoenaAccount(db, subpoena.id, account.id, "named in the subpoena");
  insertDemand(db, subpoena.id, "Subscriber information");
  insertNotice(db, subpoena.id, { accountId: account.id, platformId: meta.id, responseWindowStated: "10 days" });
  const motion = insertMotion(db, kase.id, { entryId: entry.id, status: "pending", dateFiled: "2025-09-18", dateFiledPrecision: "day" });
  linkMotionMovant(db, motion.id, party.id);
  // The law students' records (issue 11): a doctrine, an authority, and an argument citing it.
  const doctrine = insertDoctrine(db, { slug: "anonymous-speech", tags: "anonymous-speech" });
  const authority = insertAuthority(db, {
    slug: "talley",
    doctrineTags: "anonymous-speech",
    holding: "Anonymous pamphlets are protected.",
  });
  const argument = insertArgument(db, {
    motionId: motion.id,
    entryId: entry.id,
    partyId: party.id,
    doctrineTag: "anonymous-speech",
    treatment: "Not reached.",
  });
  linkArgumentAuthority(db, argument.id, authority.id);
  const order = insertOrder(db, kase.id, {
    slug: "non-production",
    title: "Order that Meta not produce",
    judgeId: judge.id,
    dateSigned: "2025-09-19",
    dateSignedPrecision: "day",
  });
  insertCoverage(db, order.id, subpoena.id, { accountId: account.id, addresseeId: meta.id });
  insertHearing(db, kase.id, { judgeId: judge.id, motionId: motion.id, date: "2026-12-10", time: "10:00", place: "Courtroom E" });
  insertDeadline(db, kase.id, { motionId: motion.id, label: "Opposition due", dateDue: "2026-12-01" });
  const event = insertEvent(db, {
    slug: "withdrawn",
    kind: "withdrawal",
    title: "DHS withdraws the subpoena",
    date: "2025-10-02",
    subpoenaId: subpoena.id,
    caseId: kase.id,
  });
  const conflict = insertConflict(db, { code: "Q1", title: "Date of the motion" });
  linkConflict(db, conflict.id, "case", kase.id, "dateFiled");
  for (const [type, id] of [
    ["case", kase.id],
    ["entry", entry.id],
    ["subpoena", subpoena.id],
    ["order", order.id],
    ["event", event.id],
    ["judge", judge.id],
    ["party", party.id],
    ["account", account.id],
    ["motion", motion.id],
  ] as const) {
    citeSource(db, type, id, source.id, {
      quote: "the docket says so",
      inferred: type === "event",
      inferredReason: type === "event" ? "from the letter" : null,
    });
  }
  return {
    cases: [kase.slug, related.slug],
    subpoenas: [subpoena.slug],
    judges: [judge.slug],
    entries: [String(entry.id)],
    documents: ["1"],
    motions: [String(motion.id)],
    doctrines: [doctrine.slug],
    authorities: [authority.slug],
  };
}

/** Puts a different SSN into every free-text public field of every row (through the record store, as any write). */
function plantEverywhere(db: Db): Plant[] {
  const store = createRecordStore(db, testClock);
  const plants: Plant[] = [];
  let serial = 1001;
  for (const type of Object.keys(PUBLIC_FIELDS) as EditableType[]) {
    const fields = (PUBLIC_FIELDS[type] as readonly string[]).filter((f) => isFreeText(type, f));
    for (const row of db.select().from(RECORD_TABLES[type]).all() as { id: string | number }[]) {
      const changes: Record<string, string> = {};
      for (const field of fields) {
        const ssn = plantedSsn(serial++);
        changes[field] = `${field} ${ssn.raw} end`;
        plants.push({ where: `${type}.${field}`, raw: ssn.raw, digits: ssn.digits, redacted: `XXX-XX-${ssn.digits.slice(-4)}` });
      }
      store.update(type, row.id, changes as never, { actor: testActor });
    }
  }
  for (const [table, column] of [
    ["subpoena_demands", "item"],
    ["subpoena_accounts", "note"],
    ["related_cases", "relation"],
  ]) {
    const ssn = plantedSsn(serial++);
    db.$client.prepare(`UPDATE ${table} SET ${column} = ?`).run(`${column} ${ssn.raw} end`);
    plants.push({ where: `${table}.${column}`, raw: ssn.raw, digits: ssn.digits, redacted: `XXX-XX-${ssn.digits.slice(-4)}` });
  }
  return plants;
}

/** A body as a reader's program reads it: iCalendar lines unfolded, escapes undone. */
const readable = (body: string) => body.replace(/\r\n[ \t]/g, "").replace(/\\([,;\\])/g, "$1");

async function crawl(app: FastifyInstance, values: Record<string, string[]>): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  for (const url of await publicRouteUrls(app, values)) {
    const res = await app.inject(url);
    expect(res.statusCode, url).toBeLessThan(500);
    bodies.set(url, readable(res.body));
  }
  return bodies;
}

describe("redaction of every public text field (issue 15.2)", () => {
  let app: FastifyInstance;
  let plants: Plant[];
  let bodies: Map<string, string>;
  let heldBodies: Map<string, string>;

  beforeAll(async () => {
    let db: Db;
    ({ app, db } = await buildTestApp());
    const record = buildRecord(db);
    plants = plantEverywhere(db);
    // A subscriber following a case: the alert pages print its caption, which must be redacted too.
    const alerts = createSubscriptionsRepository(db, () => "2026-11-21T20:00:00.000Z");
    const followedCase = db.select().from(cases).where(eq(cases.slug, record.cases[0]!)).get()!;
    const followed = alerts.subscribe({
      email: "reader@example.org",
      target: "case",
      targetId: followedCase.id,
      query: null,
      frequency: "immediate",
      excludedKinds: [],
      note: null,
    });
    const values = {
      "confirm/:token": [followed.subscription.confirmToken],
      "manage/:token": [followed.subscriber.token],
      "unsubscribe/:token": [followed.subscriber.token],
      ":token/:id": [String(followed.subscription.id)],
      "cases/:slug": record.cases,
      "subpoenas/:slug": record.subpoenas,
      "judges/:slug": record.judges,
      "entries/:entryId": record.entries,
      "documents/:documentId": record.documents,
      "motions/:motionId": record.motions,
      "doctrine/:slug": record.doctrines,
      "doctrines/:slug": record.doctrines,
      "authorities/:slug": record.authorities,
      ...orderAndEventSlugs(db),
    };
    // Every planted record is held by the guard first: the public sees none of them.
    heldBodies = await crawl(app, values);
    // A reviewer releases them all; what the public then sees is redacted.
    expect(releaseAllHolds(db)).toBeGreaterThan(20);
    bodies = await crawl(app, values);
  });
  afterAll(async () => app.close());

  it("plants an SSN in every free-text field of the allow-list, the fields the issue names among them", () => {
    const where = plants.map((p) => p.where);
    for (const field of [
      "entry.filedBy",
      "entry.description",
      "hearing.place",
      "deadline.label",
      "case.caption",
      "case.label",
      "party.name",
      "document.description",
      "event.title",
      "source.publisher",
    ]) {
      expect(where).toContain(field);
    }
    expect(where.length).toBeGreaterThan(80);
  });

  it("holds every planted record: while held, no public route shows even the redacted remnant", () => {
    const shown = plants.filter((p) => [...heldBodies.values()].some((b) => b.includes(p.redacted)));
    // Link rows are printed with their owner; the owner (a subpoena, a case) is held, so they are gone too.
    expect(shown.map((p) => p.where)).toEqual([]);
  });

  it("no public route shows any planted SSN in any format", () => {
    expect(bodies.size).toBeGreaterThan(25);
    const leaks: string[] = [];
    for (const [url, body] of bodies) {
      const digitsOnly = body.replace(/[^\dX]/g, " ");
      for (const plant of plants) {
        if (body.includes(plant.raw) || digitsOnly.includes(plant.digits)) leaks.push(`${url} shows ${plant.where}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("shows the redacted remnant where the issue found the leaks", () => {
    const seen = (where: string, url: string) => {
      const plant = plants.find((p) => p.where === where)!;
      expect(bodies.get(url), `${where} on ${url}`).toContain(plant.redacted);
    };
    seen("entry.filedBy", "/api/v1/cases/doe-v-dhs");
    for (const url of ["/", "/calendar", "/calendar.ics", "/cases/doe-v-dhs", "/cases/doe-v-dhs/calendar.ics"]) {
      seen("hearing.place", url);
      seen("deadline.label", url);
    }
    seen("entry.description", "/feed.atom");
    seen("subpoena_demands.item", "/subpoenas/dhs-to-meta");
    const shown = plants.filter((p) => [...bodies.values()].some((b) => b.includes(p.redacted)));
    // Not every public field is printed yet (authorities and arguments wait for their pages).
    expect(shown.length).toBeGreaterThan(plants.length / 2);
  });
});
