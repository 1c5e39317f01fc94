import type { ConflictSeed } from "../types";

/*
 * Q1–Q13 of litigation-facts.md section 6, in our own words, each pointing at the records and
 * fields it affects. They are shown, not resolved: every one stays "open" except Q1, where the
 * research record itself decides that "X." is an error.
 */
export const CONFLICTS: (ConflictSeed & { status?: "open" | "resolved"; resolution?: string })[] = [
  {
    code: "Q1",
    title: "Judge Hixson's middle initial",
    description:
      "The DHS-case report says only \"Magistrate Judge Thomas Hixson\". Earlier seed data had both \"Thomas X. Hixson\" and \"Thomas S. Hixson\"; the full name and title are confirmed only by an unrelated 2023 N.D. Cal. opinion he signed.",
    status: "resolved",
    resolution: "Recorded as Thomas S. Hixson; \"X.\" is treated as an error.",
    records: [
      { type: "judge", key: "thomas-s-hixson", field: "name" },
      { type: "order", key: "hixson-non-production-order-2025-09-19", field: "judgeId" },
    ],
    cites: [{ tag: "S01", quote: "Magistrate Judge Thomas Hixson" }, { tag: "S42", quote: "Thomas S. Hixson, United States Magistrate Judge" }],
  },
  {
    code: "Q2",
    title: "Who filed when in September 2025, and how many dockets",
    description:
      "Politico says CLDC and the ACLU both filed on Thursday 18 Sep; the Washington Examiner says CLDC filed on a Tuesday; an aggregator says three activists filed, including LBRRN; a late-September report says two other targets' motions had \"recently\" been granted while a third target's was pending. CLDC may have filed for more than one client, or the reports count different filings. The number of N.D. Cal. dockets for the September subpoena is unknown (at least three movants).",
    records: [
      { type: "case", key: "cldc-stopice-motion-to-quash", field: "dateFiled" },
      { type: "motion", key: "cldc-stopice-motion-to-quash/motion-to-quash", field: "dateFiled" },
      { type: "event", key: "cldc-motion-filed-thursday-per-politico-2025-09-18", field: "date" },
      { type: "event", key: "cldc-motion-filed-tuesday-per-examiner-2025-09", field: "date" },
      { type: "case", key: "lbrrn-motion-to-quash" },
      { type: "case", key: "lbprotest-motion-to-quash" },
    ],
    cites: [
      { tag: "S01", quote: "Thursday" },
      { tag: "S04", quote: "Tuesday" },
      { tag: "S03", quote: "three activists" },
      { tag: "S05", quote: "recently" },
    ],
  },
  {
    code: "Q3",
    title: "Magistrate judge or district judge",
    description:
      "Politico's lede calls Hixson \"a U.S. district court judge\" while naming him a magistrate judge; Ars says \"a US district judge\" would hear the MontCo arguments, but the only judge named in that case is Magistrate Judge Kang. Whether any case was reassigned to a district judge is unknown.",
    records: [
      { type: "judge", key: "thomas-s-hixson", field: "title" },
      { type: "case", key: "lbprotest-motion-to-quash", field: "assignedJudgeId" },
      { type: "case", key: "montco-doe-v-dhs", field: "assignedJudgeId" },
      { type: "hearing", key: "montco-doe-v-dhs/hearing-on-motion-to-quash", field: "judgeId" },
    ],
    cites: [
      { tag: "S01", quote: "a U.S. district court judge" },
      { tag: "S13c", quote: "a US district judge" },
      { tag: "S11" },
    ],
  },
  {
    code: "Q4",
    title: "Statute and issuing component of the 3 Sep 2025 subpoena",
    description:
      "No reliable source names the statute. A low-reliability rewrite of The Intercept says a summer-2025 subpoena about an Instagram account sharing images of ICE agents cited law on the privilege of entering, residing in or passing through the U.S., and was issued by CBP for \"officer safety\" — wording that matches the immigration-subpoena power in 8 U.S.C. § 1225(d), by inference only. Politico attributes the subpoena to DHS generally. The MontCo summonses, by contrast, cited 19 U.S.C. § 1509.",
    records: [
      { type: "subpoena", key: "dhs-meta-2025-09-03", field: "authorityCited" },
      { type: "subpoena", key: "dhs-meta-2025-09-03", field: "issuingComponent" },
      { type: "subpoena", key: "dhs-meta-2025-09-03", field: "kind" },
      { type: "organization", key: "cbp" },
    ],
    cites: [{ tag: "S17b", quote: "officer safety" }, { tag: "S01" }, { tag: "S10" }],
  },
  {
    code: "Q5",
    title: "When DHS withdrew the September subpoena, and for whom",
    description:
      "Only \"in November\" 2025 and a report of 30 Nov are known. Ars asserts the withdrawal covered all six accounts and so all three movants; that is not confirmed case by case.",
    records: [
      { type: "event", key: "dhs-withdraws-september-subpoena-2025-11", field: "date" },
      { type: "case", key: "lbrrn-motion-to-quash", field: "statusNote" },
      { type: "case", key: "cldc-stopice-motion-to-quash", field: "statusNote" },
      { type: "coverage", key: "tse-non-disclosure-order-2025-09/dhs-meta-2025-09-03/all", field: "status" },
    ],
    cites: [{ tag: "S29", quote: "in November" }, { tag: "S02" }, { tag: "S14" }],
  },
  {
    code: "Q6",
    title: "The MontCo hearing",
    description:
      "Ars, listed on Wednesday 14 Jan 2026, said arguments would be heard \"on Wednesday\"; DHS withdrew on Friday 16 Jan. Whether the hearing was set for 14 or 21 Jan, and whether it took place, is unknown.",
    records: [
      { type: "hearing", key: "montco-doe-v-dhs/hearing-on-motion-to-quash", field: "date" },
      { type: "hearing", key: "montco-doe-v-dhs/hearing-on-motion-to-quash", field: "status" },
      { type: "event", key: "ars-reports-montco-hearing-2026-01-14" },
    ],
    cites: [{ tag: "S13" }, { tag: "S13c", quote: "on Wednesday" }, { tag: "S14" }],
  },
  {
    code: "Q7",
    title: "MontCo: lawsuit or motion to quash",
    description:
      "The Inquirer calls the filing a \"lawsuit\"; Ars quotes a \"complaint\" and a \"lawsuit filed last October\"; ACLU-PA calls it a motion to quash under the caption \"J. Doe v. DHS\". Probably one miscellaneous proceeding — unverified. ACLU-PA's statement that it still seeks to hold DHS accountable leaves open whether any claim remains.",
    records: [
      { type: "case", key: "montco-doe-v-dhs", field: "nature" },
      { type: "case", key: "montco-doe-v-dhs", field: "statusNote" },
      { type: "motion", key: "montco-doe-v-dhs/motion-to-quash", field: "kind" },
    ],
    cites: [
      { tag: "S11" },
      { tag: "S13c", quote: "lawsuit filed last October" },
      { tag: "S10", quote: "J. Doe v. DHS" },
    ],
  },
  {
    code: "Q8",
    title: "How many Meta cases",
    description:
      "Bloomberg counted five Instagram cases withdrawn after owners sued; this record identifies four proceedings (Cases 1–4); ACLU-PA counted three withdrawn subpoenas in February 2026. Counting by subpoena, by account or by docket may explain the gap.",
    records: [
      { type: "event", key: "bloomberg-counts-five-instagram-cases-2026-02" },
      { type: "subpoena", key: "dhs-meta-2025-09-03", field: "accountsCovered" },
      { type: "case", key: "lbprotest-motion-to-quash" },
      { type: "case", key: "montco-doe-v-dhs" },
    ],
    cites: [{ tag: "S40a" }, { tag: "S15" }],
  },
  {
    code: "Q9",
    title: "Timing in the Google \"Jon Doe\" matter",
    description:
      "The ACLU says the subpoena came \"four hours\" after the email; the Post's account has Google's alert arriving \"five hours and one minute\" after it was sent — not necessarily inconsistent. The home visit is put \"two weeks\" after notice, \"several weeks\" after the subpoena, \"days later\", or on 17 Nov. Law Dork's \"99 days\" to 5 Feb counts back to 29 Oct, a day before the Post story — probably counted inclusively from 30 Oct (inferred).",
    records: [
      { type: "subpoena", key: "dhs-google-2025-10-30", field: "dateIssued" },
      { type: "event", key: "dhs-subpoena-to-google-2025-10-30", field: "date" },
      { type: "event", key: "hsi-agents-visit-case-5-movant-2025-11-17", field: "date" },
    ],
    cites: [
      { tag: "S21", quote: "four hours" },
      { tag: "S45", quote: "five hours and one minute" },
      { tag: "S23", quote: "two weeks" },
      { tag: "S21", quote: "several weeks" },
      { tag: "S25", quote: "days later" },
      { tag: "S24" },
      { tag: "S22", quote: "99 days" },
    ],
  },
  {
    code: "Q10",
    title: "Errors in secondary coverage",
    description:
      "Davis Vanguard says \"a federal court sided with the ACLU\" in the Google matter and mixes in Instagram and Facebook users; no merits ruling was found — DHS withdrew before any decision. A forum claim that a court ruled for Doe in MontCo is likewise unsupported. One item says IEEPA was used against the Canadian, contradicting the \"1930s trade law\" customs-summons description.",
    records: [
      { type: "source", key: "S23" },
      { type: "source", key: "S32d" },
      { type: "case", key: "doe-v-dhs-5-26-mc-80026", field: "statusNote" },
      { type: "subpoena", key: "dhs-google-canadian-customs-summons", field: "authorityCited" },
    ],
    cites: [
      { tag: "S23", quote: "a federal court sided with the ACLU" },
      { tag: "S22" },
      { tag: "S32d" },
      { tag: "S32c", quote: "1930s trade law" },
      { tag: "S32b" },
    ],
  },
  {
    code: "Q11",
    title: "What Meta did in October in the MontCo matter",
    description:
      "A mirror of Ars says that in October Meta \"refused\" to give DHS the names and other data for Doe's accounts. Whether Meta objected on its own or simply held off under the court order is unclear.",
    records: [
      { type: "case", key: "montco-doe-v-dhs", field: "summary" },
      { type: "order", key: "kang-non-production-order-2025-10-17" },
    ],
    cites: [{ tag: "S13b", quote: "refused" }],
  },
  {
    code: "Q12",
    title: "The day Rosado filed",
    description: "One copy says Wednesday, another Thursday; the date, court and docket are unknown.",
    records: [
      { type: "case", key: "rosado-v-bondi", field: "dateFiled" },
      { type: "event", key: "rosado-sues-bondi-and-noem-2026", field: "date" },
    ],
    cites: [{ tag: "S34b", quote: "Wednesday" }, { tag: "S34a", quote: "Thursday" }],
  },
  {
    code: "Q13",
    title: "Unreliable coverage of the Los Angeles case",
    description:
      "crene.com pages carry quotes that match no other source and a garbled attorney name; their \"Wednesday\" date for the Tse order and any names they give are not used.",
    records: [
      { type: "source", key: "S09" },
      { type: "order", key: "tse-non-disclosure-order-2025-09", field: "dateSigned" },
      { type: "attorney", key: "joshua-koltun", field: "name" },
    ],
    cites: [{ tag: "S09", quote: "Wednesday" }, { tag: "S03" }],
  },
  {
    code: "Q14",
    title: "When Meta blocked ICE List links",
    description:
      "TheWrap (28 Jan 2026) gives 27 Jan 2026 as the day the block was reported; the record's seed article 002 puts it in \"early February\". Neither gives the day Meta began blocking the links, which stays unknown: 27 Jan is shown as the date of the reports, not of the block.",
    records: [{ type: "event", key: "meta-blocks-ice-list-links-2026-01-27", field: "date" }],
    cites: [{ tag: "S37" }],
  },
];
