import { z } from "zod";
import {
  CASE_GROUPS,
  COUNSEL_STANDINGS,
  COVERAGE_STATUSES,
  DATE_PRECISIONS,
  DEADLINE_ORIGINS,
  DEADLINE_STATUSES,
  ENTRY_KINDS,
  ENTRY_SOURCES,
  HEARING_STATUSES,
  MOTION_KINDS,
  MOTION_STATUSES,
  ORDER_KINDS,
  RELIABILITY_LEVELS,
  SUBPOENA_KINDS,
} from "../../db/schema";

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

// ---------------------------------------------------------------------------------------------
// Cases

const caseBase = {
  id: z.number().int(),
  slug: z.string(),
  url,
  htmlUrl,
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
    name: z.string().meta({ description: "As named on the docket; pseudonymous parties are never unmasked." }),
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

export const Coverage = z
  .object({
    id: z.number().int(),
    subpoena: SubpoenaRef,
    account: AccountRef.nullable().meta({ description: "The account protected; null when the order covers every account of the movant." }),
    allAccountsOfMovant: z.boolean(),
    endCondition: z.string().nullable(),
    status: z.enum(COVERAGE_STATUSES),
    statusReason: z.string().nullable(),
    dateEnded: IsoDate.nullable(),
    sources: Sources,
    conflicts: Conflicts,
  })
  .meta({ id: "Coverage", description: "What a stay or non-production order protects: one subpoena, one account (or all of the movant's)." });

export const CaseOrder = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    htmlUrl,
    title: z.string(),
    kind: z.enum(ORDER_KINDS),
    judge: JudgeRef.nullable(),
    dateSigned: FuzzyDate,
    summary: z.string().nullable(),
    quotedText: z.string().nullable(),
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

export const CaseRecord = z
  .object({
    ...caseBase,
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
  })
  .meta({ id: "Case" });

// ---------------------------------------------------------------------------------------------
// Envelopes and errors

/** Every API answer's media type. */
export const JSON_TYPE = "application/json; charset=utf-8";

export const ApiError = z
  .object({
    error: z.object({ status: z.number().int(), code: z.string(), message: z.string() }),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Error", description: "Every error: 400 names the bad parameters in `errors`; 404 for an unknown slug." });

/** `{ data: [...], count }` for a collection. */
export function listOf<T extends z.ZodType>(item: T, description: string) {
  return z.object({ data: z.array(item), count: z.number().int() }).meta({ description });
}

/** `{ data: {...} }` for one record. */
export function recordOf<T extends z.ZodType>(item: T, description: string) {
  return z.object({ data: item }).meta({ description });
}

export const errorResponses = {
  400: ApiError.meta({ description: "A parameter is malformed; `errors` names it." }),
  404: ApiError.meta({ description: "Nothing has this slug." }),
};

export const SlugParams = z.object({
  slug: z.string().min(1).max(200).meta({ description: "The record's slug, as in its `url`." }),
});

export const CaseListQuery = z.object({
  group: z.enum(CASE_GROUPS).optional().meta({ description: "Only cases in this group of the cluster." }),
});
