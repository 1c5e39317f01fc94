import { z } from "zod";
import {
  CASE_GROUPS,
  COUNSEL_STANDINGS,
  COVERAGE_STATUSES,
  DATE_PRECISIONS,
  DEADLINE_ORIGINS,
  DEADLINE_STATUSES,
  ENTRY_KINDS,
  EVENT_KINDS,
  ENTRY_SOURCES,
  HEARING_STATUSES,
  MOTION_KINDS,
  MOTION_STATUSES,
  ORDER_KINDS,
  RELIABILITY_LEVELS,
  SUBPOENA_KINDS,
} from "../../db/schema";
import { SUBPOENA_STATUS_KEYS } from "../status/subpoena-status";
import { ApiError } from "../shared/problem";

export { ApiError, FieldProblem, PROBLEM_TYPE } from "../shared/problem";

/*
 * The public API's answers as zod schemas. They do two jobs: the OpenAPI document is generated
 * from them, and every answer is encoded through them, which drops any key not declared here,
 * a second allow-list behind the public projection. Names given with `.meta({ id })` become
 * components of the OpenAPI document.
 */

// ---------------------------------------------------------------------------------------------
// Building blocks

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ description: "A calendar day, `YYYY-MM-DD`.", example: "2025-09-19" });

export const FuzzyDate = z
  .object({
    date: IsoDate.nullable().meta({
      description: "The earliest day the date can be (so dates sort); null when the date is unknown.",
    }),
    latest: IsoDate.nullable().meta({ description: "With precision `range`: the latest day it can be; otherwise null." }),
    precision: z.enum(DATE_PRECISIONS).meta({
      description:
        "How exactly the date is known: `day`; `month` or `year` (only that much is known; `date` is its first day); `weekday` (e.g. \"a Tuesday in September 2025\"); `range` (between `date` and `latest`); `unknown`.",
    }),
    label: z.string().meta({
      description: "The date in words, never more precise than the record knows (\"September 19, 2025\", \"November 2025\", \"date unknown\").",
    }),
  })
  .meta({
    id: "FuzzyDate",
    description:
      "A date that may be known only to the month, a weekday or a range. Quote `label`; sort by `date`; never treat `date` as exact unless `precision` is `day`.",
  });

export const Source = z
  .object({
    tag: z.string().meta({ description: "The source's tag in the register (\"S01\")." }),
    field: z.string().nullable().meta({ description: "The field of the record this source backs (camelCase); null when it backs the record as a whole." }),
    title: z.string(),
    publisher: z.string().nullable(),
    url: z.string().nullable(),
    datePublished: IsoDate.nullable(),
    reliability: z.enum(RELIABILITY_LEVELS),
    verifiedAgainstDocket: z.boolean().meta({ description: "True when the fact was checked against the court's docket." }),
    inferred: z.boolean().meta({ description: "True when the fact is inferred from the source rather than stated by it." }),
    inferredReason: z.string().nullable(),
    quote: z.string().nullable().meta({ description: "The words in the source that support the fact." }),
  })
  .meta({ id: "Source", description: "One citation: a source behind a record or one field of it." });

export const Sources = z.array(Source).meta({ description: "Every source behind this record; field-level citations name their `field`." });

export const Conflict = z
  .object({
    code: z.string().meta({ description: "The conflict's code in the register (\"Q2\")." }),
    title: z.string(),
    description: z.string(),
    status: z.enum(["open", "resolved"]),
    resolution: z.string().nullable(),
    field: z.string().nullable().meta({ description: "The field the sources disagree about; null for the record as a whole." }),
    htmlUrl: z.string(),
  })
  .meta({ id: "Conflict", description: "A disagreement between sources about this record, shown rather than resolved." });

export const Conflicts = z.array(Conflict).meta({ description: "Open and resolved disagreements between sources about this record; empty when there are none." });

const url = z.string().meta({ description: "This record in the API." });
const htmlUrl = z.string().meta({ description: "This record's page on the site." });

/** How every record with its own API address is reached: by id or slug, in the API and on the site. */
const addressed = {
  id: z.number().int(),
  slug: z.string(),
  url,
  htmlUrl,
};

export const CourtRef = z.object({ id: z.string(), name: z.string(), shortName: z.string() }).meta({ id: "CourtRef" });

export const JudgeRef = z
  .object({ slug: z.string(), name: z.string(), title: z.string(), url, htmlUrl })
  .meta({ id: "JudgeRef" });

export const CaseRef = z
  .object({
    slug: z.string(),
    title: z.string().meta({ description: "The caption, or the tracker's label while the caption is unknown." }),
    docketNumber: z.string().nullable(),
    url,
    htmlUrl,
  })
  .meta({ id: "CaseRef" });

export const SubpoenaRef = z
  .object({ slug: z.string(), title: z.string(), kind: z.enum(SUBPOENA_KINDS), url, htmlUrl })
  .meta({ id: "SubpoenaRef" });

export const AccountRef = z
  .object({
    slug: z.string(),
    handle: z.string().nullable().meta({ description: "The public handle (\"@LBProtest\"); null when only a name is known." }),
    displayName: z.string().nullable(),
  })
  .meta({ id: "AccountRef", description: "A targeted account, by public handle only." });

export const OrganizationRef = z.object({ slug: z.string(), name: z.string(), shortName: z.string().nullable() }).meta({ id: "OrganizationRef" });

export const OrderRef = z.object({ slug: z.string(), title: z.string(), htmlUrl }).meta({ id: "OrderRef" });

export const CaseStatus = z
  .object({
    label: z.string().meta({ description: "Derived from the record: \"Closed\", \"Motion pending\", \"No motion pending\", \"Status unknown\"." }),
    tone: z.enum(["ok", "warn", "muted", "accent"]),
    detail: z.string().nullable().meta({ description: "The latest source's own words about the status, when it has any." }),
  })
  .meta({ id: "CaseStatus" });

/** The members every page of a list has besides its items. */
export const pageMembers = {
  count: z.number().int().meta({ description: "How many items this page holds." }),
  next: z.string().nullable().meta({ description: "The next page, with its cursor; null on the last page." }),
  previous: z.string().nullable().meta({ description: "The previous page; null on the first." }),
};

// ---------------------------------------------------------------------------------------------
// Cases

const caseBase = {
  ...addressed,
  docketNumber: z.string().nullable().meta({ description: "As the court prints it (\"3:25-mc-80200-TSH\"); null while unknown." }),
  docketNumberCore: z.string().nullable().meta({ description: "The number without judge initials, stable across reassignment." }),
  caption: z.string().nullable().meta({ description: "As on the docket; null while no source states it." }),
  label: z.string().meta({ description: "What the tracker calls the case while the caption is unknown." }),
  group: z.enum(CASE_GROUPS),
  court: CourtRef.nullable(),
  assignedJudge: JudgeRef.nullable(),
  referredJudge: JudgeRef.nullable(),
  dateFiled: FuzzyDate,
  dateTerminated: IsoDate.nullable(),
  citation: z.string().meta({ description: "The case in Bluebook form, by its filing date: \"J. Doe v. DHS, No. 5:26-mc-80026 (N.D. Cal. filed Feb. 2, 2026)\"; what the record does not know is left out." }),
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
    textSource: z.enum(ENTRY_SOURCES).meta({ description: "Where the entry's text came from (PACER docket report, RSS, NEF, staff, press)." }),
    sealed: z.literal(false),
    htmlUrl: z.string().meta({ description: "The entry's permalink page." }),
    citation: z.string().meta({ description: "The entry in Bluebook form: \"Doe v. DHS, No. 3:25-mc-80200-TSH, ECF No. 12 (N.D. Cal. Sept. 18, 2025)\"." }),
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
    name: z.string().meta({ description: "As named on the docket; pseudonymous parties are never unmasked. \"Sealed party\" when the court sealed the name." }),
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
const coverageTerms = {
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
  .meta({ id: "Coverage", description: "What a stay or non-production order protects: one subpoena, one account (or all of the movant's)." });

/*
 * An order in full, in a case's record (CaseOrder) and in the order list (OrderItem), starts
 * with these; the list puts the order's case between the two, so they are two pieces.
 */
const orderIdentity = {
  id: z.number().int(),
  slug: z.string(),
  htmlUrl,
  title: z.string(),
  kind: z.enum(ORDER_KINDS),
};
const orderSigning = {
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
    origin: z.enum(DEADLINE_ORIGINS).meta({ description: "`court_ordered` wins over `computed` (from a rule); `stated` is as a platform stated it." }),
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
        value: z.string().nullable().meta({ description: "ISO 8601 as precisely as known: `2025-09-19`, `2025-09` or `2025`; null when unknown." }),
        label: z.string(),
        exact: z.boolean(),
      })
      .meta({ description: "The date the step rests on." }),
    datePrecision: z.enum(["day", "month", "year", "approximate", "unknown"]),
    dateInferred: z.boolean(),
    sources: Sources.meta({ description: "The sources behind this step." }),
  })
  .meta({ id: "StatusStep", description: "One step of a status history, oldest first; the last is today's status." });

export const StatusHistory = z.array(StatusStep).meta({ description: "How the status changed over time, oldest first; the last step is today's status line." });
export const CaseFreshness = z
  .object({
    statement: z.string().meta({ description: "How current the docket is, in words (\"Checked against the court's RSS feed at 12:15 PM PST on 21 Nov 2026; last full docket report imported 30 Nov 2026.\"); \"Press reports only…\" when nothing came from PACER." }),
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
    entries: z.array(DocketEntry).meta({ description: "Every docket entry in docket order; sealed entries as placeholders." }),
    motions: z.array(Motion),
    orders: z.array(CaseOrder),
    hearings: z.array(Hearing),
    deadlines: z.array(Deadline),
    relatedCases: z.array(z.object({ relation: z.string(), case: CaseRef })),
    statusHistory: StatusHistory,
  })
  .meta({ id: "Case" });

// ---------------------------------------------------------------------------------------------
// Subpoenas

export const SubpoenaStatus = z
  .object({
    key: z.enum(SUBPOENA_STATUS_KEYS),
    label: z.string(),
    tone: z.enum(["ok", "warn", "accent", "muted"]),
    line: z.string().meta({
      description: "The status in one quotable line, generated from the records (\"Meta ordered not to produce pending ruling — Magistrate Judge Thomas S. Hixson, since September 19, 2025\").",
    }),
    date: z
      .object({
        value: z.string().nullable().meta({ description: "ISO 8601 as precisely as known: `2025-09-19`, `2025-09` or `2025`; null when unknown or a range." }),
        label: z.string(),
        exact: z.boolean(),
      })
      .meta({ description: "The date the status rests on." }),
    inferred: z.boolean().meta({ description: "True when that date is inferred rather than stated by a source." }),
    sources: Sources.meta({ description: "The sources behind the line, in the order the line relies on them." }),
  })
  .meta({ id: "SubpoenaStatus", description: "Derived from the records, never typed by hand." });

const subpoenaBase = {
  ...addressed,
  title: z.string(),
  kind: z.enum(SUBPOENA_KINDS),
  issuer: OrganizationRef.nullable(),
  issuerName: z.string().nullable().meta({ description: "The issuer as a reader names it, with its parent: \"ICE (DHS)\"." }),
  issuingComponent: z.string().nullable(),
  recipient: OrganizationRef.nullable(),
  authorityCited: z.string().nullable().meta({ description: "The statute the demand relies on (\"19 U.S.C. § 1509\")." }),
  dateIssued: FuzzyDate,
  dateReturn: IsoDate.nullable(),
  accountsCovered: z.number().int().nullable().meta({ description: "How many accounts the sources say it covered, when more than those named." }),
  summary: z.string().nullable(),
  status: SubpoenaStatus,
  cases: z.array(CaseRef).meta({ description: "The cases challenging it." }),
  sources: Sources,
  conflicts: Conflicts,
};

export const SubpoenaListItem = z
  .object({ ...subpoenaBase, namedAccountCount: z.number().int() })
  .meta({ id: "SubpoenaListItem" });

export const OrderSummary = z
  .object({
    slug: z.string(),
    title: z.string(),
    htmlUrl,
    dateSigned: FuzzyDate,
    judge: JudgeRef.nullable(),
    case: CaseRef.nullable(),
  })
  .meta({ id: "OrderSummary" });

export const SubpoenaRecord = z
  .object({
    ...subpoenaBase,
    statusHistory: StatusHistory,
    statedPurpose: z.string().nullable(),
    howKnown: z.string().nullable().meta({ description: "How the demand became public (user notice, court filing, press report)." }),
    demands: z.array(z.string()).meta({ description: "The data demanded, item by item, in the subpoena's order." }),
    accounts: z
      .array(
        z.object({
          id: z.number().int(),
          ...AccountRef.shape,
          description: z.string().nullable(),
          platform: OrganizationRef.nullable(),
          note: z.string().nullable(),
          sources: Sources,
          conflicts: Conflicts,
        }),
      )
      .meta({ description: "The accounts the subpoena names, by public handle." }),
    notices: z
      .array(
        z.object({
          id: z.number().int(),
          account: AccountRef.nullable(),
          platform: OrganizationRef.nullable(),
          dateNotified: FuzzyDate,
          responseWindowStated: z.string().nullable().meta({ description: "The window exactly as the notice states it (\"10 days\"); never computed." }),
          responseWindowDays: z.number().int().nullable(),
          responseDateStated: IsoDate.nullable(),
          sources: Sources,
          conflicts: Conflicts,
        }),
      )
      .meta({ description: "The platform's notices to users: dates and the stated window only." }),
    coverage: z
      .object({
        rows: z.array(
          z.object({
            account: AccountRef.nullable().meta({ description: "Null for an order protecting every account of a movant whose accounts are not on the record." }),
            namedInSubpoena: z.boolean(),
            via: z.enum(["account", "movant"]).nullable().meta({ description: "`account`: the order names it; `movant`: it covers every account of a movant who operates it; null: nothing protects it." }),
            coverage: z
              .object({
                id: z.number().int(),
                status: z.enum(COVERAGE_STATUSES),
                endCondition: z.string().nullable(),
                statusReason: z.string().nullable(),
                dateEnded: IsoDate.nullable(),
                order: OrderSummary,
                sources: Sources,
                conflicts: Conflicts,
              })
              .nullable(),
          }),
        ),
        unprotectedCount: z.number().int().meta({ description: "Accounts no order protects." }),
        unresolvedMovantOrders: z.boolean().meta({ description: "True when an order protects every account of a movant and the record does not say which those are." }),
        unnamedAccounts: z.number().int().meta({ description: "Accounts the sources say it covered beyond those named." }),
      })
      .meta({ description: "Which account is protected by which order, since when." }),
    events: z.array(
      z.object({
        id: z.number().int(),
        slug: z.string(),
        htmlUrl,
        kind: z.enum(EVENT_KINDS),
        title: z.string(),
        description: z.string().nullable(),
        date: FuzzyDate,
        actors: z.array(OrganizationRef),
        sources: Sources,
        conflicts: Conflicts,
      }),
    ),
    challenges: z.array(CaseListItem).meta({ description: "The cases challenging it, as the case list gives them." }),
  })
  .meta({ id: "Subpoena" });

// ---------------------------------------------------------------------------------------------
// Orders

export const OrderItem = z
  .object({
    ...orderIdentity,
    case: CaseRef,
    ...orderSigning,
    standing: z.enum(["in_force", "ended", "none"]).meta({
      description: "Derived from its coverage: `in_force` while anything it protects is in force, `ended` when all has ended, `none` when it protects nothing (rulings, scheduling).",
    }),
    dispositions: z.array(
      z.object({
        motion: z.object({ id: z.number().int(), title: z.string(), kind: z.enum(MOTION_KINDS), status: z.enum(MOTION_STATUSES), sources: Sources }),
        disposition: z.enum(MOTION_STATUSES),
      }),
    ),
    coverage: z.array(
      z.object({
        id: z.number().int(),
        subpoena: SubpoenaRef,
        account: AccountRef.nullable(),
        allAccountsOfMovant: z.boolean(),
        addressee: OrganizationRef.nullable().meta({ description: "Who is told not to produce (Meta)." }),
        ...coverageTerms,
        sources: Sources,
        conflicts: Conflicts,
      }),
    ),
    sources: Sources,
    conflicts: Conflicts,
  })
  .meta({ id: "Order" });

// ---------------------------------------------------------------------------------------------
// Judges

const judgeBase = {
  ...addressed,
  name: z.string(),
  title: z.string(),
  initials: z.string().nullable().meta({ description: "Initials the court appends to docket numbers (\"TSH\")." }),
  court: CourtRef.nullable(),
  caseCount: z.number().int(),
  orderCount: z.number().int(),
  sources: Sources,
  conflicts: Conflicts,
};

export const JudgeListItem = z.object(judgeBase).meta({ id: "JudgeListItem" });

export const JudgeRecord = z
  .object({
    ...judgeBase,
    assignedCases: z.array(CaseListItem),
    referredCases: z.array(CaseListItem).meta({ description: "Cases referred to the judge and assigned to someone else." }),
    orders: z.array(OrderItem).meta({ description: "The orders the judge signed, in date order." }),
  })
  .meta({ id: "Judge" });

// ---------------------------------------------------------------------------------------------
// Timeline

export const TimelineItem = z
  .object({
    slug: z.string().meta({ description: "The item's id on the timeline: `event-{event slug}`, or `order-signed-{order slug}` for an order no event tells of." }),
    htmlUrl,
    origin: z.enum(["event", "order"]),
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    description: z.string().nullable(),
    date: FuzzyDate,
    case: CaseRef.nullable(),
    subpoenas: z.array(SubpoenaRef),
    order: OrderRef.nullable().meta({ description: "For an order's signing: the order." }),
    sources: Sources,
    conflicts: Conflicts,
  })
  .meta({ id: "TimelineItem" });

/** The timeline's `year`, kept from before the lists took date ranges. */
export const TimelineYear = z.coerce
  .number({ message: "must be a year such as 2025" })
  .int("must be a year such as 2025")
  .min(1900, "must be a year such as 2025")
  .max(2100, "must be a year such as 2025")
  .optional()
  .meta({ description: "Only items whose date window touches this year.", examples: [2025] });

// ---------------------------------------------------------------------------------------------
// Sources

export const RegisterSource = z
  .object({
    tag: z.string(),
    slug: z.string().meta({ description: "Same as `tag`." }),
    htmlUrl,
    sourceUrl: z.string().nullable().meta({ description: "Where the source itself is." }),
    title: z.string(),
    publisher: z.string().nullable(),
    description: z.string().nullable(),
    datePublished: FuzzyDate,
    reliability: z.enum(RELIABILITY_LEVELS),
    reliabilityNote: z.string().nullable(),
    factCount: z.number().int().meta({ description: "How many facts in the record it backs." }),
  })
  .meta({ id: "RegisterSource" });

export const RegisterConflict = z
  .object({
    id: z.number().int(),
    code: z.string(),
    htmlUrl,
    title: z.string(),
    description: z.string(),
    status: z.enum(["open", "resolved"]),
    resolution: z.string().nullable(),
    records: z.array(
      z.object({
        type: z.string(),
        field: z.string().nullable(),
        label: z.string(),
        url: z.string().nullable().meta({ description: "The record in the API, when it has its own URL there." }),
        htmlUrl: z.string().nullable(),
      }),
    ),
    sources: Sources,
  })
  .meta({ id: "RegisterConflict" });

export const SourceRegisterResponse = z
  .object({
    data: z.array(RegisterSource),
    ...pageMembers,
    conflicts: z.array(RegisterConflict).meta({ description: "Every disagreement between sources, with the records it affects." }),
    verification: z
      .object({ citations: z.number().int(), verified: z.number().int(), inferred: z.number().int() })
      .meta({ description: "How many citations there are, how many were checked against a docket, and how many are inferences." }),
  })
  .meta({ description: "The source register." });

// ---------------------------------------------------------------------------------------------
// Envelopes and errors

/** Every API answer's media type. */
export const JSON_TYPE = "application/json; charset=utf-8";

export const ApiRoot = z
  .object({
    name: z.string(),
    description: z.string(),
    openapiUrl: z.string(),
    docsUrl: z.string(),
    collections: z.array(z.object({ name: z.string(), url: z.string(), description: z.string() })),
  })
  .meta({ description: "What the API holds and where its description is." });

/** `{ data: [...], count, next, previous }` for one page of a collection (server/api/lists.ts). */
export function listOf<T extends z.ZodType>(item: T, description: string) {
  return z.object({ data: z.array(item), ...pageMembers }).meta({ description });
}

/** `{ data: {...} }` for one record. */
export function recordOf<T extends z.ZodType>(item: T, description: string) {
  return z.object({ data: item }).meta({ description });
}

export const errorResponses = {
  400: ApiError.meta({ description: "A parameter is malformed or unknown; `errors` names it." }),
  404: ApiError.meta({ description: "Nothing has this slug." }),
};

export const SlugParams = z.object({
  slug: z.string().min(1).max(200).meta({ description: "The record's slug, as in its `url`." }),
});

