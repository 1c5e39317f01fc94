import type { EntrySeed } from "../types";

/*
 * Docket entries known only from the press (source "press"). ECF numbers are unknown and stay
 * null; `sequence` orders them within the case. An entry needs a calendar day, so filings whose
 * day is unknown or disputed (Cases 2, 3, 4's motion, 6–8, 10–12) have no entry here and live
 * as motions and events with fuzzy dates instead. Descriptions follow docket style but are ours.
 */
export const ENTRIES: EntrySeed[] = [
  {
    case: "lbprotest-motion-to-quash",
    sequence: 1,
    dateFiled: "2025-09-18",
    description: "MOTION to Quash administrative subpoena to Meta Platforms, Inc. filed by J. Doe.",
    shortDescription: "Motion to Quash",
    kind: "motion",
    filedBy: "J. Doe",
    cites: [{ tag: "S02" }, { tag: "S02", field: "dateFiled" }],
  },
  {
    case: "lbprotest-motion-to-quash",
    sequence: 2,
    dateFiled: "2025-09-18",
    description: "AFFIDAVIT of J. Doe in support of Motion to Quash.",
    shortDescription: "Affidavit",
    kind: "declaration",
    filedBy: "J. Doe",
    cites: [
      { tag: "S01" },
      {
        tag: "S01",
        field: "dateFiled",
        quote: "Thursday",
        inferred: "The report says the affidavit was filed \"Thursday\"; the ACLU dates the motion to Thursday 18 Sep 2025",
      },
    ],
  },
  {
    case: "lbprotest-motion-to-quash",
    sequence: 3,
    dateFiled: "2025-09-19",
    description:
      "ORDER directing Meta Platforms, Inc. not to produce the requested information without further order of the Court, pending a decision on the subpoena. Signed by Magistrate Judge Thomas S. Hixson.",
    shortDescription: "Order",
    kind: "order",
    cites: [
      { tag: "S01", quote: "not to produce the requested information without further order of the Court" },
      {
        tag: "S01",
        field: "dateFiled",
        quote: "on Friday",
        inferred: "Politico reports the order came \"on Friday\" after the Thursday filings, and the ACLU dates the filing 18 Sep 2025",
      },
    ],
  },
  {
    case: "montco-doe-v-dhs",
    sequence: 1,
    dateFiled: "2025-10-17",
    description:
      "ORDER directing Meta Platforms, Inc. not to produce any documents or information in response to the summonses without further order of the Court. Signed by Magistrate Judge Peter H. Kang.",
    shortDescription: "Order",
    kind: "order",
    cites: [
      { tag: "S12", quote: "not to produce any documents or information" },
      { tag: "S11" },
      {
        tag: "S11",
        field: "dateFiled",
        quote: "late Friday",
        inferred: "The Inquirer story dated 18 Oct 2025 says the order came \"late Friday\", i.e. 17 Oct 2025",
      },
    ],
  },
  {
    case: "doe-v-dhs-5-26-mc-80026",
    sequence: 1,
    dateFiled: "2026-02-02",
    description: "NOTICE OF MOTION AND MOTION to Quash subpoena to Google filed by Jon Doe.",
    shortDescription: "Motion to Quash",
    kind: "motion",
    filedBy: "Jon Doe",
    cites: [{ tag: "S21" }, { tag: "S20", field: "dateFiled" }, { tag: "S21", field: "dateFiled" }],
  },
  {
    case: "doe-v-dhs-5-26-mc-80026",
    sequence: 2,
    dateFiled: "2026-02-10",
    description: "NOTICE of Voluntary Dismissal filed by Jon Doe.",
    shortDescription: "Notice of Voluntary Dismissal",
    kind: "dismissal",
    filedBy: "Jon Doe",
    cites: [{ tag: "S20" }, { tag: "S20", field: "dateFiled" }],
  },
  {
    case: "aaron-v-bondi",
    sequence: 1,
    dateFiled: "2025-12-08",
    description: "COMPLAINT against Pam Bondi, Kristi Noem, Todd Lyons, Tom Homan filed by Joshua Aaron.",
    shortDescription: "Complaint",
    kind: "complaint",
    filedBy: "Joshua Aaron",
    cites: [{ tag: "S36a" }, { tag: "S36a", field: "dateFiled" }, { tag: "S36b", field: "filedBy" }],
  },
];

export const entryKey = (caseSlug: string, sequence: number) => `${caseSlug}#${sequence}`;
