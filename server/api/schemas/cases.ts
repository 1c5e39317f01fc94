import { z } from "zod";
import {
  CASE_GROUPS,
  COUNSEL_STANDINGS,
  COVERAGE_STATUSES,
  DEADLINE_ORIGINS,
  DEADLINE_STATUSES,
  ENTRY_KINDS,
  ENTRY_SOURCES,
  HEARING_STATUSES,
  MOTION_KINDS,
  MOTION_STATUSES,
  ORDER_KINDS,
} from "../../../db/schema";
import { ENTRY_SOURCE_KINDS } from "../../shared/labels";
import {
  AccountRef,
  addressed,
  CaseRef,
  CaseStatus,
  Conflicts,
  CourtRef,
  FuzzyDate,
  htmlUrl,
  IsoDate,
  JudgeRef,
  OrderRef,
  OrganizationRef,
  Sources,
  SubpoenaRef,
} from "./common";

/*
 * A case: the list's item and the whole record (parties, docket entries, motions, orders,
 * hearings, deadlines, status history). The pieces an order is made of are defined here, where
 * a case's orders use them first, and shared with the order list (orders.ts).
 */

const caseBase = {
  ...addressed,
  docketNumber: z.string().nullable().meta({ description: 'As the court prints it ("3:25-mc-80200-TSH"); null while unknown.' }),
  docketNumberCore: z.string().nullable().meta({ description: "The number without judge initials, stable across reassignment." }),
  caption: z.string().nullable().meta({ description: "As on the docket; null while no source states it." }),
  label: z.string().meta({ description: "What the tracker calls the case while the caption is unknown." }),
  group: z.enum(CASE_GROUPS),
  court: CourtRef.nullable(),
  assignedJudge: JudgeRef.nullable(),
  referredJudge: JudgeRef.nullable(),
  dateFiled: FuzzyDate,
  dateTerminated: IsoDate.nullable(),
  citation: z.string().meta({
    description:
      'The case in Bluebook form, by its filing date: "J. Doe v. DHS, No. 5:26-mc-80026 (N.D. Cal. filed Feb. 2, 2026)"; what the record does not know is left out.',
  }),
  nature: z.string().nullable(),
  summary: z.string().nullable(),
  status: CaseStatus,
  subpoenas: z.array(SubpoenaRef).meta({ description: "The subpoenas or summonses the case challenges." }),
  sources: Sources,
  conflicts: Conflicts,
};

export const CaseListItem = z.object(caseBase).meta({ id: "CaseListItem" });

export const SealedEntry = z
  .object({
    number: z.number().int().nullable(),
    dateFiled: IsoDate,
    dateEntered: IsoDate.nullable(),
    sealed: z.literal(true),
    description: z.literal("SEALED"),
  })
  .meta({ id: "SealedEntry", description: "A sealed docket entry: only its number and dates are public." });

export const Document = z
  .object({
    attachmentNumber: z.number().int().meta({ description: "0 is the main document; attachments count from 1." }),
    description: z.string().nullable(),
    pageCount: z.number().int().nullable(),
    fileSizeText: z.string().nullable(),
    sealed: z.boolean(),
  })
  .meta({ id: "Document" });

export const OpenEntry = z
  .object({
    id: z.number().int(),
    number: z.number().int().nullable().meta({ description: "ECF number; null for unnumbered entries." }),
    sequence: z.number().meta({ description: "Position on the docket, including unnumbered entries." }),
    dateFiled: IsoDate,
    dateEntered: IsoDate.nullable(),
    description: z.string().meta({ description: "The docket text (FRCP 5.2 identifiers redacted)." }),
    shortDescription: z.string().nullable(),
    kind: z.enum(ENTRY_KINDS),
    filedBy: z.string().nullable(),
    stricken: z.boolean(),
    textSource: z
      .enum(ENTRY_SOURCES)
      .meta({ description: "Where the entry's text came from (PACER docket report, RSS, NEF, staff, press)." }),
    source: z
      .enum(ENTRY_SOURCE_KINDS)
      .meta({ description: "How the entry is known: from the court's docket, reconstructed from a press report, or logged by staff." }),
    ecf: z.string().nullable().meta({ description: '"ECF No. 12" when the entry\'s number is known; null otherwise.' }),
    dateFiledInferred: z.boolean().meta({ description: "True when a source marks the filing date as inferred rather than stated." }),
    sealed: z.literal(false),
    htmlUrl: z.string().meta({ description: "The entry's permalink page." }),
    citation: z
      .string()
      .meta({ description: 'The entry in Bluebook form: "Doe v. DHS, No. 3:25-mc-80200-TSH, ECF No. 12 (N.D. Cal. Sept. 18, 2025)".' }),
    documents: z.array(Document),
    sources: Sources,
    conflicts: Conflicts,
  })
  .meta({ id: "DocketEntry" });

export const DocketEntry = z.discriminatedUnion("sealed", [OpenEntry, SealedEntry]);

export const Counsel = z
  .object({
    id: z.number().int(),
    attorney: z.object({ slug: z.string(), name: z.string() }).nullable(),
    organization: OrganizationRef.nullable().meta({ description: "The firm or organization; no contact details are published." }),
    roles: z.string().nullable().meta({ description: "PACER's lines (LEAD ATTORNEY, ATTORNEY TO BE NOTICED…)." }),
    standing: z.enum(COUNSEL_STANDINGS),
    sources: Sources,
    conflicts: Conflicts,
  })
  .meta({ id: "Counsel" });

export const Party = z
  .object({
    id: z.number().int(),
    name: z.string().meta({
      description: 'As named on the docket; pseudonymous parties are never unmasked. "Sealed party" when the court sealed the name.',
    }),
    nameSealed: z.boolean().meta({ description: "The court sealed the party's name: only the role is shown." }),
    role: z.string(),
    pseudonymous: z.boolean(),
    description: z.string().nullable(),
    dateTerminated: IsoDate.nullable(),
    accounts: z.array(AccountRef),
    counsel: z.array(Counsel),
    sources: Sources,
    conflicts: Conflicts,
  })
  .meta({ id: "Party" });

export const Motion = z
  .object({
    id: z.number().int(),
    kind: z.enum(MOTION_KINDS),
    title: z.string(),
    reliefSought: z.string().nullable(),
    dateFiled: FuzzyDate,
    track: z.enum(["noticed", "administrative", "other"]),
    status: z.enum(MOTION_STATUSES),
    statusLabel: z.string(),
    statusNote: z.string().nullable(),
    entryId: z.number().int().nullable(),
    movants: z.array(z.object({ partyId: z.number().int(), name: z.string() })),
    decidedBy: OrderRef.nullable(),
    sources: Sources,
    conflicts: Conflicts,
  })
  .meta({ id: "Motion" });

/** The terms of an order's protection (how it ends, whether it still holds): one definition for a case's orders and the order list. */
export const coverageTerms = {
  endCondition: z.string().nullable(),
  status: z.enum(COVERAGE_STATUSES),
  statusReason: z.string().nullable(),
  dateEnded: IsoDate.nullable(),
};

export const Coverage = z
  .object({
    id: z.number().int(),
    subpoena: SubpoenaRef,
    account: AccountRef.nullable().meta({ description: "The account protected; null when the order covers every account of the movant." }),
    allAccountsOfMovant: z.boolean(),
    ...coverageTerms,
    sources: Sources,
    conflicts: Conflicts,
  })
  .meta({
    id: "Coverage",
    description: "What a stay or non-production order protects: one subpoena, one account (or all of the movant's).",
  });

/*
 * An order in full, in a case's record (CaseOrder) and in the order list (OrderItem), starts
 * with these; the list puts the order's case between the two, so they are two pieces.
 */
export const orderIdentity = {
  id: z.number().int(),
  slug: z.string(),
  htmlUrl,
  title: z.string(),
  kind: z.enum(ORDER_KINDS),
};
export const orderSigning = {
  judge: JudgeRef.nullable(),
  dateSigned: FuzzyDate,
  summary: z.string().nullable(),
  quotedText: z.string().nullable(),
};

export const CaseOrder = z
  .object({
    ...orderIdentity,
    ...orderSigning,
    entryId: z.number().int().nullable(),
    inForce: z.boolean().meta({ description: "True while any of its coverage is in force." }),
    dispositions: z.array(z.object({ motionId: z.number().int(), disposition: z.enum(MOTION_STATUSES) })),
    coverage: z.array(Coverage),
    sources: Sources,
    conflicts: Conflicts,
  })
  .meta({ id: "CaseOrder" });

export const Hearing = z
  .object({
    id: z.number().int(),
    title: z.string(),
    date: FuzzyDate,
    time: z.string().nullable().meta({ description: "Local time at the court, `HH:MM`." }),
    place: z.string().nullable(),
    status: z.enum(HEARING_STATUSES),
    motionId: z.number().int().nullable(),
    sources: Sources,
    conflicts: Conflicts,
  })
  .meta({ id: "Hearing" });

export const Deadline = z
  .object({
    id: z.number().int(),
    label: z.string(),
    dateDue: IsoDate,
    ruleCode: z.string().nullable(),
    ruleCitation: z.string().nullable(),
    origin: z
      .enum(DEADLINE_ORIGINS)
      .meta({ description: "`court_ordered` wins over `computed` (from a rule); `stated` is as a platform stated it." }),
    triggerDate: IsoDate.nullable(),
    status: z.enum(DEADLINE_STATUSES),
    motionId: z.number().int().nullable(),
    orderId: z.number().int().nullable(),
    sources: Sources,
    conflicts: Conflicts,
  })
  .meta({ id: "Deadline" });

export const StatusStep = z
  .object({
    key: z.string().meta({ description: "The status at this step (a subpoena's status key; a case's status label)." }),
    label: z.string(),
    line: z.string().meta({ description: "The status line as it read on that day, derived from the record as it stood then." }),
    date: z
      .object({
        value: z
          .string()
          .nullable()
          .meta({ description: "ISO 8601 as precisely as known: `2025-09-19`, `2025-09` or `2025`; null when unknown." }),
        label: z.string(),
        exact: z.boolean(),
      })
      .meta({ description: "The date the step rests on." }),
    datePrecision: z.enum(["day", "month", "year", "approximate", "unknown"]),
    dateInferred: z.boolean(),
    sources: Sources.meta({ description: "The sources behind this step." }),
  })
  .meta({ id: "StatusStep", description: "One step of a status history, oldest first; the last is today's status." });

export const StatusHistory = z
  .array(StatusStep)
  .meta({ description: "How the status changed over time, oldest first; the last step is today's status line." });
export const CaseFreshness = z
  .object({
    statement: z.string().meta({
      description:
        'How current the docket is, in words ("Checked against the court\'s RSS feed at 12:15 PM PST on 21 Nov 2026; last full docket report imported 30 Nov 2026."); "Press reports only…" when nothing came from PACER.',
    }),
    basis: z.enum(["court-record", "press-only"]),
    watched: z.boolean().meta({ description: "Whether the tracker polls the court's RSS feed for this case." }),
    lastRssCheckAt: z.string().nullable().meta({ description: "Last successful poll of the court's RSS feed (ISO 8601 instant)." }),
    lastRssItemAt: z.string().nullable().meta({ description: "Publication time of the newest feed item for this case." }),
    lastDocketReportAt: z.string().nullable().meta({ description: "When a full PACER docket report was last imported." }),
    lastDocketReportDate: z.string().nullable().meta({ description: "The day that docket report showed the docket as of (YYYY-MM-DD)." }),
    lastNefAt: z.string().nullable().meta({ description: "When a Notice of Electronic Filing was last imported." }),
  })
  .meta({ id: "CaseFreshness" });

export const CaseRecord = z
  .object({
    ...caseBase,
    freshness: CaseFreshness,
    docketNumberParts: z
      .object({
        office: z.string().nullable(),
        year: z.string().nullable(),
        type: z.string().nullable(),
        serial: z.string().nullable(),
        judgeInitials: z.string().nullable(),
      })
      .meta({ description: "The docket number's parts as parsed (office 3, year 25, type mc, serial 80200, initials TSH)." }),
    cause: z.string().nullable(),
    jurisdiction: z.string().nullable(),
    updatedAt: z.string().meta({ description: "When the case record itself last changed (ISO 8601 instant)." }),
    parties: z.array(Party),
    entries: z.array(DocketEntry).meta({
      description:
        "The first 100 docket entries in docket order; sealed entries as placeholders. The rest, a page at a time, from `entriesUrl`.",
    }),
    entriesCount: z.number().int().meta({ description: "How many docket entries the case has in all (sealed placeholders included)." }),
    entriesUrl: z
      .string()
      .meta({ description: "The case's docket entries as a paginated list (`GET /api/v1/cases/{slug}/entries`), with filters." }),
    motions: z.array(Motion),
    orders: z.array(CaseOrder).meta({
      description:
        "The case's orders in signing order; a case with more than 50 gives only those of its first 100 entries, those in force, and those that decided a motion or set a deadline (`ordersCount` says how many there are; `ordersUrl` lists them all).",
    }),
    ordersCount: z.number().int().meta({ description: "How many orders the case has in all." }),
    ordersUrl: z.string().meta({ description: "The case's orders as a paginated list (`GET /api/v1/orders?case={slug}`), with filters." }),
    hearings: z.array(Hearing),
    deadlines: z.array(Deadline),
    relatedCases: z.array(z.object({ relation: z.string(), case: CaseRef })),
    statusHistory: StatusHistory,
  })
  .meta({ id: "Case" });
