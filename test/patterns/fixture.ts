import type { Db } from "../../db/client";
import {
  citeSource,
  insertArgument,
  insertAuthority,
  insertCase,
  insertCoverage,
  insertDemand,
  insertDoctrine,
  insertEvent,
  insertMotion,
  insertOrder,
  insertOrganization,
  insertSource,
  insertSubpoena,
  linkCaseSubpoena,
} from "../support/factories";

/*
 * Three instruments and the proceedings that challenged them, with dates of every precision the
 * comparison and the pattern must handle honestly:
 * - a customs summons to Meta, challenged in the week of 13–17 Oct 2025, stayed on 17 Oct,
 *   withdrawn on 16 Jan 2026 (91–95 days);
 * - a subpoena to Google challenged on 2 Feb 2026 and withdrawn in March 2026 (27–57 days); an
 *   unpublished case that challenged it earlier must move nothing;
 * - a grand-jury subpoena to Google quashed by a ruling 21 days after the motion.
 */
export function buildStudyRecord(db: Db) {
  const dhs = insertOrganization(db, { slug: "dhs", name: "Department of Homeland Security", shortName: "DHS", kind: "agency" });
  const meta = insertOrganization(db, { slug: "meta", name: "Meta Platforms, Inc.", shortName: "Meta", kind: "platform" });
  const google = insertOrganization(db, { slug: "google", name: "Google LLC", shortName: "Google", kind: "platform" });
  const source = insertSource(db, { tag: "S01", title: "Court filing" });
  insertDoctrine(db, { slug: "anonymous-speech", title: "Anonymous speech", tags: "anonymous-speech" });
  const statute = insertAuthority(db, {
    slug: "19-usc-1509",
    kind: "statute",
    citation: "19 U.S.C. § 1509",
    shortName: "Customs summons (§ 1509)",
  });

  const summons = insertSubpoena(db, {
    slug: "summons-to-meta",
    title: "Customs summons to Meta",
    kind: "customs_summons",
    issuerId: dhs.id,
    recipientId: meta.id,
    authorityCited: "19 U.S.C. § 1509",
    dateIssued: "2025-09-11",
    dateIssuedPrecision: "day",
  });
  insertDemand(db, summons.id, "Usernames", 1);
  insertDemand(db, summons.id, "IP addresses of every login", 2);
  const montco = insertCase(db, {
    slug: "doe-v-dhs",
    caption: "Doe v. DHS",
    dateFiled: "2025-10-13",
    dateFiledLatest: "2025-10-17",
    dateFiledPrecision: "range",
    dateFiledLabel: "week of 13–17 Oct 2025",
    position: 1,
  });
  linkCaseSubpoena(db, montco.id, summons.id);
  const montcoMotion = insertMotion(db, montco.id, {
    status: "moot",
    dateFiled: "2025-10-13",
    dateFiledLatest: "2025-10-17",
    dateFiledPrecision: "range",
    dateFiledLabel: "week of 13–17 Oct 2025",
  });
  insertArgument(db, { motionId: montcoMotion.id, doctrineTag: "anonymous-speech", text: "The summons chills anonymous speech." });
  const stay = insertOrder(db, montco.id, {
    slug: "montco-stay",
    title: "Order that Meta not produce",
    dateSigned: "2025-10-17",
    dateSignedPrecision: "day",
  });
  insertCoverage(db, stay.id, summons.id, { addresseeId: meta.id });
  const montcoWithdrawal = insertEvent(db, {
    slug: "summons-withdrawn",
    kind: "withdrawal",
    title: "DHS withdraws the summons",
    date: "2026-01-16",
    subpoenaId: summons.id,
  });
  citeSource(db, "event", montcoWithdrawal.id, source.id, { field: "date" });

  const subpoena = insertSubpoena(db, {
    slug: "subpoena-to-google",
    title: "Subpoena to Google",
    issuerId: dhs.id,
    recipientId: google.id,
    dateIssued: "2025-10-30",
    dateIssuedPrecision: "day",
  });
  const googleCase = insertCase(db, {
    slug: "doe-v-dhs-google",
    caption: "Doe v. DHS (Google)",
    dateFiled: "2026-02-02",
    dateFiledPrecision: "day",
    position: 2,
  });
  linkCaseSubpoena(db, googleCase.id, subpoena.id);
  insertMotion(db, googleCase.id, { status: "withdrawn", dateFiled: "2026-02-02", dateFiledPrecision: "day" });
  insertEvent(db, {
    slug: "subpoena-withdrawn",
    kind: "withdrawal",
    title: "DHS withdraws the subpoena",
    date: "2026-03-01",
    datePrecision: "month",
    subpoenaId: subpoena.id,
  });
  // Not yet published: its earlier challenge must not move the first challenge of the subpoena.
  const hidden = insertCase(db, {
    slug: "unpublished-challenge",
    caption: "UNPUBLISHED-CHALLENGE-CAPTION",
    dateFiled: "2025-12-01",
    dateFiledPrecision: "day",
    published: false,
    position: 3,
  });
  linkCaseSubpoena(db, hidden.id, subpoena.id);
  insertMotion(db, hidden.id, { status: "pending", dateFiled: "2025-12-01", dateFiledPrecision: "day" });

  const grandJury = insertSubpoena(db, {
    slug: "grand-jury-to-google",
    title: "Grand-jury subpoena to Google",
    kind: "grand_jury_subpoena",
    recipientId: google.id,
    dateIssued: "2026-03-01",
    dateIssuedPrecision: "month",
  });
  const quashCase = insertCase(db, {
    slug: "in-re-grand-jury",
    caption: "In re Grand Jury Subpoena",
    dateFiled: "2026-03-20",
    dateFiledPrecision: "day",
    position: 4,
  });
  linkCaseSubpoena(db, quashCase.id, grandJury.id);
  const ruling = insertOrder(db, quashCase.id, {
    slug: "ruling",
    title: "Order granting the motion to quash",
    kind: "ruling",
    dateSigned: "2026-04-10",
    dateSignedPrecision: "day",
  });
  insertMotion(db, quashCase.id, { status: "granted", dateFiled: "2026-03-20", dateFiledPrecision: "day", decidedByOrderId: ruling.id });

  return { statute, source };
}
