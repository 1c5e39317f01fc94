import { z } from "zod";
import { COVERAGE_STATUSES, EVENT_KINDS, SUBPOENA_KINDS } from "../../../db/schema";
import { SUBPOENA_STATUS_KEYS } from "../../status/subpoena-status";
import { CaseListItem, StatusHistory } from "./cases";
import { AccountRef, addressed, CaseRef, Conflicts, FuzzyDate, htmlUrl, IsoDate, JudgeRef, OrganizationRef, Sources } from "./common";

export const SubpoenaStatus = z
  .object({
    key: z.enum(SUBPOENA_STATUS_KEYS),
    label: z.string(),
    tone: z.enum(["ok", "warn", "accent", "muted"]),
    line: z.string().meta({
      description:
        'The status in one quotable line, generated from the records ("Meta ordered not to produce pending ruling — Magistrate Judge Thomas S. Hixson, since September 19, 2025").',
    }),
    date: z
      .object({
        value: z
          .string()
          .nullable()
          .meta({ description: "ISO 8601 as precisely as known: `2025-09-19`, `2025-09` or `2025`; null when unknown or a range." }),
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
  issuerName: z.string().nullable().meta({ description: 'The issuer as a reader names it, with its parent: "ICE (DHS)".' }),
  issuingComponent: z.string().nullable(),
  recipient: OrganizationRef.nullable(),
  authorityCited: z.string().nullable().meta({ description: 'The statute the demand relies on ("19 U.S.C. § 1509").' }),
  dateIssued: FuzzyDate,
  dateReturn: IsoDate.nullable(),
  accountsCovered: z
    .number()
    .int()
    .nullable()
    .meta({ description: "How many accounts the sources say it covered, when more than those named." }),
  summary: z.string().nullable(),
  status: SubpoenaStatus,
  cases: z.array(CaseRef).meta({ description: "The cases challenging it." }),
  sources: Sources,
  conflicts: Conflicts,
};

export const SubpoenaListItem = z.object({ ...subpoenaBase, namedAccountCount: z.number().int() }).meta({ id: "SubpoenaListItem" });

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
          responseWindowStated: z
            .string()
            .nullable()
            .meta({ description: 'The window exactly as the notice states it ("10 days"); never computed.' }),
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
            account: AccountRef.nullable().meta({
              description: "Null for an order protecting every account of a movant whose accounts are not on the record.",
            }),
            namedInSubpoena: z.boolean(),
            via: z.enum(["account", "movant"]).nullable().meta({
              description:
                "`account`: the order names it; `movant`: it covers every account of a movant who operates it; null: nothing protects it.",
            }),
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
        unresolvedMovantOrders: z
          .boolean()
          .meta({ description: "True when an order protects every account of a movant and the record does not say which those are." }),
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
