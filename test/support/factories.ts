import type { Db } from "../../db/client";
import { conflictRecords, eventLinks, orderDispositions, type MOTION_STATUSES, type RecordType } from "../../db/schema";
import {
  argumentAuthorities,
  caseSubpoenas,
  motionMovants,
  partyAccounts,
  publicationHolds,
  relatedCases,
  subpoenaAccounts,
  subpoenaDemands,
} from "../../db/schema";
import { createRecordStore } from "../../server/records/store";
import type { EditableType, RecordInsert, RecordRow } from "../../server/records/tables";
import { testActor, testClock } from "./db";

let counter = 0;
const next = () => ++counter;

function make<T extends EditableType>(db: Db, type: T, values: RecordInsert<T>): RecordRow<T> {
  return createRecordStore(db, testClock).insert(type, values, { actor: testActor });
}

/** Minimal valid rows; override what a test cares about. */
export const insertCourt = (db: Db, o: Partial<RecordInsert<"court">> = {}) =>
  make(db, "court", {
    id: "cand",
    name: "U.S. District Court for the Northern District of California",
    shortName: "N.D. Cal.",
    timeZone: "America/Los_Angeles",
    ...o,
  });

export const insertJudge = (db: Db, o: Partial<RecordInsert<"judge">> = {}) => {
  const n = next();
  return make(db, "judge", { slug: `judge-${n}`, name: `Judge Number ${n}`, title: "U.S. Magistrate Judge", ...o });
};

export const insertOrganization = (db: Db, o: Partial<RecordInsert<"organization">> = {}) => {
  const n = next();
  return make(db, "organization", { slug: `org-${n}`, name: `Organization ${n}`, kind: "agency", ...o });
};

/** A published case unless told otherwise: most tests are about what the public sees of one. */
export const insertCase = (db: Db, o: Partial<RecordInsert<"case">> = {}) => {
  const n = next();
  return make(db, "case", { slug: `case-${n}`, label: `Case ${n}`, group: "meta", published: true, ...o });
};

export const insertEntry = (db: Db, caseId: number, o: Partial<RecordInsert<"entry">> = {}) => {
  const n = next();
  return make(db, "entry", { caseId, sequence: n, dateFiled: "2025-09-18", description: `Entry text ${n}`, ...o });
};

export const insertParty = (db: Db, caseId: number, o: Partial<RecordInsert<"party">> = {}) =>
  make(db, "party", { caseId, name: "J. Doe", role: "Movant", pseudonymous: true, ...o });

export const insertSubpoena = (db: Db, o: Partial<RecordInsert<"subpoena">> = {}) => {
  const n = next();
  return make(db, "subpoena", { slug: `subpoena-${n}`, title: `Subpoena ${n}`, kind: "administrative_subpoena", ...o });
};

export const insertAccount = (db: Db, o: Partial<RecordInsert<"account">> = {}) => {
  const n = next();
  return make(db, "account", { slug: `account-${n}`, handle: `@account${n}`, ...o });
};

export const insertMotion = (db: Db, caseId: number, o: Partial<RecordInsert<"motion">> = {}) =>
  make(db, "motion", { caseId, kind: "motion_to_quash", title: "Motion to quash", ...o });

export const insertOrder = (db: Db, caseId: number, o: Partial<RecordInsert<"order">> = {}) => {
  const n = next();
  return make(db, "order", { slug: `order-${n}`, caseId, title: `Order ${n}`, kind: "non_production", ...o });
};

export const insertCoverage = (db: Db, orderId: number, subpoenaId: number, o: Partial<RecordInsert<"coverage">> = {}) =>
  make(db, "coverage", { orderId, subpoenaId, endCondition: "until further order of the Court", ...o });

export const insertEvent = (db: Db, o: Partial<RecordInsert<"event">> = {}) => {
  const n = next();
  return make(db, "event", { slug: `event-${n}`, kind: "other", title: `Event ${n}`, date: "2025-09-03", ...o });
};

export const insertSource = (db: Db, o: Partial<RecordInsert<"source">> = {}) => {
  const n = next();
  return make(db, "source", {
    tag: `T${n}`,
    title: `Source ${n}`,
    publisher: "Example News",
    reliability: "reliable_press",
    url: `https://news.example/${n}`,
    ...o,
  });
};

export const citeSource = (
  db: Db,
  recordType: EditableType,
  recordId: number | string,
  sourceId: number,
  o: Partial<RecordInsert<"fact_source">> = {},
) => make(db, "fact_source", { recordType, recordId: String(recordId), sourceId, ...o });

export const insertConflict = (db: Db, o: Partial<RecordInsert<"conflict">> = {}) => {
  const n = next();
  return make(db, "conflict", { code: `Q${n}`, title: `Conflict ${n}`, description: `Sources disagree (${n}).`, ...o });
};

/** Link tables carry no revisions, so these write directly. */
export const linkConflict = (db: Db, conflictId: number, recordType: RecordType, recordId: number | string, field: string | null = null) =>
  db
    .insert(conflictRecords)
    .values({ conflictId, recordType, recordId: String(recordId), field })
    .run();

export const linkEvent = (
  db: Db,
  eventId: number,
  recordType: RecordType,
  recordId: number | string,
  role: "actor" | "subject" = "subject",
) =>
  db
    .insert(eventLinks)
    .values({ eventId, recordType, recordId: String(recordId), role })
    .run();

export const insertDisposition = (db: Db, orderId: number, motionId: number, disposition: (typeof MOTION_STATUSES)[number]) =>
  db.insert(orderDispositions).values({ orderId, motionId, disposition }).run();

export const insertNotice = (db: Db, subpoenaId: number, o: Partial<RecordInsert<"notice">> = {}) =>
  make(db, "notice", { subpoenaId, dateNotified: "2025-09-08", dateNotifiedPrecision: "day", ...o });

export const insertHearing = (db: Db, caseId: number, o: Partial<RecordInsert<"hearing">> = {}) =>
  make(db, "hearing", { caseId, title: "Hearing on the motion to quash", date: "2026-12-03", datePrecision: "day", ...o });

export const insertDeadline = (db: Db, caseId: number | null, o: Partial<RecordInsert<"deadline">> = {}) =>
  make(db, "deadline", { caseId, label: "Opposition due", dateDue: "2026-12-01", origin: "computed", ...o });

/** Subpoena demands are items of the subpoena record, not records of their own: written directly. */
export const insertDemand = (db: Db, subpoenaId: number, item: string, position = 1) =>
  db
    .insert(subpoenaDemands)
    .values({ subpoenaId, item, position, createdAt: testClock.now(), updatedAt: testClock.now() })
    .returning()
    .get();

export const linkSubpoenaAccount = (db: Db, subpoenaId: number, accountId: number, note: string | null = null) =>
  db.insert(subpoenaAccounts).values({ subpoenaId, accountId, note }).run();

export const linkCaseSubpoena = (db: Db, caseId: number, subpoenaId: number) =>
  db.insert(caseSubpoenas).values({ caseId, subpoenaId }).run();

export const linkPartyAccount = (db: Db, partyId: number, accountId: number) =>
  db.insert(partyAccounts).values({ partyId, accountId }).run();

export const linkMotionMovant = (db: Db, motionId: number, partyId: number) => db.insert(motionMovants).values({ motionId, partyId }).run();

export const linkRelatedCase = (db: Db, caseId: number, relatedCaseId: number, relation = "challenges the same subpoena") =>
  db.insert(relatedCases).values({ caseId, relatedCaseId, relation }).run();

export const insertAttorney = (db: Db, o: Partial<RecordInsert<"attorney">> = {}) => {
  const n = next();
  return make(db, "attorney", { slug: `attorney-${n}`, name: `Attorney ${n}`, ...o });
};

export const insertRepresentation = (db: Db, partyId: number, o: Partial<RecordInsert<"representation">> = {}) =>
  make(db, "representation", { partyId, standing: "of_record", ...o });

export const insertDocument = (db: Db, entryId: number, o: Partial<RecordInsert<"document">> = {}) =>
  make(db, "document", { entryId, attachmentNumber: 0, ...o });

export const insertAuthority = (db: Db, o: Partial<RecordInsert<"authority">> = {}) => {
  const n = next();
  return make(db, "authority", {
    slug: `authority-${n}`,
    kind: "case",
    citation: `Authority ${n} v. United States, ${n} U.S. ${n} (2000)`,
    shortName: `Authority ${n}`,
    ...o,
  });
};

export const insertDoctrine = (db: Db, o: Partial<RecordInsert<"doctrine">> = {}) => {
  const n = next();
  return make(db, "doctrine", {
    slug: `doctrine-${n}`,
    title: `Doctrine ${n}`,
    summary: `What doctrine ${n} holds.`,
    tags: `doctrine-${n}`,
    position: n,
    ...o,
  });
};

export const insertArgument = (db: Db, o: Partial<RecordInsert<"argument">> = {}) =>
  make(db, "argument", { doctrineTag: "anonymous-speech", text: "Anonymous speech is protected.", reached: "unknown", ...o });

export const linkArgumentAuthority = (db: Db, argumentId: number, authorityId: number) =>
  db.insert(argumentAuthorities).values({ argumentId, authorityId }).run();

/** A publication hold on a record, as the guard leaves one pending review: the public sees nothing of it. */
export const holdRecord = (db: Db, recordType: EditableType, recordId: number, caseId: number | null) =>
  db
    .insert(publicationHolds)
    .values({
      recordType,
      recordId: String(recordId),
      caseId,
      status: "held",
      findings: "[]",
      heldAt: "2025-10-05T00:00:00.000Z",
      heldBy: "test",
    })
    .run();
