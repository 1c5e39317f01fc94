import { z } from "zod";
import { DATE_PRECISIONS, RELIABILITY_LEVELS, SUBPOENA_KINDS } from "../../../db/schema";

/*
 * The building blocks every resource's answer is made of: dates, sources, conflicts, and the
 * short references one record makes to another.
 */

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
        'How exactly the date is known: `day`; `month` or `year` (only that much is known; `date` is its first day); `weekday` (e.g. "a Tuesday in September 2025"); `range` (between `date` and `latest`); `unknown`.',
    }),
    label: z.string().meta({
      description: 'The date in words, never more precise than the record knows ("September 19, 2025", "November 2025", "date unknown").',
    }),
  })
  .meta({
    id: "FuzzyDate",
    description:
      "A date that may be known only to the month, a weekday or a range. Quote `label`; sort by `date`; never treat `date` as exact unless `precision` is `day`.",
  });

export const Source = z
  .object({
    tag: z.string().meta({ description: 'The source\'s tag in the register ("S01").' }),
    field: z
      .string()
      .nullable()
      .meta({ description: "The field of the record this source backs (camelCase); null when it backs the record as a whole." }),
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
    code: z.string().meta({ description: 'The conflict\'s code in the register ("Q2").' }),
    title: z.string(),
    description: z.string(),
    status: z.enum(["open", "resolved"]),
    resolution: z.string().nullable(),
    field: z.string().nullable().meta({ description: "The field the sources disagree about; null for the record as a whole." }),
    htmlUrl: z.string(),
  })
  .meta({ id: "Conflict", description: "A disagreement between sources about this record, shown rather than resolved." });

export const Conflicts = z
  .array(Conflict)
  .meta({ description: "Open and resolved disagreements between sources about this record; empty when there are none." });

export const url = z.string().meta({ description: "This record in the API." });
export const htmlUrl = z.string().meta({ description: "This record's page on the site." });

/** How every record with its own API address is reached: by id or slug, in the API and on the site. */
export const addressed = {
  id: z.number().int(),
  slug: z.string(),
  url,
  htmlUrl,
};

export const CourtRef = z.object({ id: z.string(), name: z.string(), shortName: z.string() }).meta({ id: "CourtRef" });

export const JudgeRef = z.object({ slug: z.string(), name: z.string(), title: z.string(), url, htmlUrl }).meta({ id: "JudgeRef" });

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
    handle: z.string().nullable().meta({ description: 'The public handle ("@LBProtest"); null when only a name is known.' }),
    displayName: z.string().nullable(),
  })
  .meta({ id: "AccountRef", description: "A targeted account, by public handle only." });

export const OrganizationRef = z
  .object({ slug: z.string(), name: z.string(), shortName: z.string().nullable() })
  .meta({ id: "OrganizationRef" });

export const OrderRef = z.object({ slug: z.string(), title: z.string(), htmlUrl }).meta({ id: "OrderRef" });

export const CaseStatus = z
  .object({
    label: z.string().meta({ description: 'Derived from the record: "Closed", "Motion pending", "No motion pending", "Status unknown".' }),
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
