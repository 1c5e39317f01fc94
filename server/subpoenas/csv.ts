import { paths } from "../paths";
import { sourceTags } from "../shared/csv-reply";
import { COVERAGE_STATUS_LABELS, SUBPOENA_KIND_LABELS, label } from "../shared/labels";
import { isInferred, refKey } from "../sources/markers";
import type { PublicSubpoena, SubpoenaSummary } from "./loaders";

const yesNo = (value: boolean) => (value ? "yes" : "no");

/** The columns of /subpoenas.csv (docs/exports.md). */
export const SUBPOENA_COLUMNS = [
  "title",
  "kind",
  "issuer",
  "recipient",
  "date_issued",
  "date_issued_latest",
  "date_issued_precision",
  "date_issued_inferred",
  "status",
  "status_line",
  "status_date",
  "status_date_inferred",
  "cases",
  "named_accounts",
  "sources",
  "url",
] as const;

/** Every public subpoena with its current status, one row each, in the order of /subpoenas. */
export function subpoenaCsvRows(summaries: SubpoenaSummary[], baseUrl: string): string[][] {
  return summaries.map((sm) => {
    const sp = sm.subpoena;
    return [
      sp.title,
      label(SUBPOENA_KIND_LABELS, sp.kind),
      sm.issuerName ?? "",
      sm.recipient ? (sm.recipient.shortName ?? sm.recipient.name) : "",
      sp.dateIssued ?? "",
      sp.dateIssuedLatest ?? "",
      sp.dateIssued ? (sp.dateIssuedPrecision ?? "day") : "",
      yesNo(isInferred(sm.citations, "dateIssued")),
      sm.status.label,
      sm.status.line,
      sm.status.date.datetime ?? "",
      yesNo(sm.status.inferred),
      sm.challenges.map((c) => c.caption ?? c.label).join("; "),
      String(sm.namedAccountCount),
      sourceTags([...sm.citations, ...sm.statusCitations]),
      `${baseUrl}${paths.subpoena(sp.slug)}`,
    ];
  });
}

/** The columns of /subpoenas/:slug/coverage.csv (docs/exports.md). */
export const COVERAGE_COLUMNS = [
  "account",
  "named_by_subpoena",
  "protected_via",
  "order",
  "order_signed",
  "order_signed_inferred",
  "case",
  "coverage_status",
  "status_reason",
  "end_condition",
  "date_ended",
  "sources",
  "order_url",
] as const;

/**
 * A subpoena's account × order coverage, one row per account and order protecting it and one
 * per account nothing protects, as the "Which account is protected" table shows it.
 */
export function coverageCsvRows(d: PublicSubpoena, baseUrl: string): string[][] {
  return d.coverage.rows.map((row) => {
    const account = row.account ? (row.account.handle ?? row.account.displayName ?? "handle not public") : "every account of the movant";
    if (!row.coverage || !row.order) return [account, yesNo(row.named), "", "", "", "", "", "none", "", "", "", "", ""];
    const o = row.order.order;
    const kase = d.casesById.get(o.caseId);
    const orderCites = d.citations.get(refKey("order", o.id)) ?? [];
    return [
      account,
      yesNo(row.named),
      row.via === "movant" ? "movant" : "account",
      o.title,
      o.dateSigned ?? "",
      yesNo(isInferred(orderCites, "dateSigned")),
      kase ? (kase.caption ?? kase.label) : "",
      label(COVERAGE_STATUS_LABELS, row.coverage.status),
      row.coverage.statusReason ?? "",
      row.coverage.endCondition ?? "",
      row.coverage.dateEnded ?? "",
      sourceTags([...(d.citations.get(refKey("coverage", row.coverage.id)) ?? []), ...orderCites]),
      `${baseUrl}${paths.order(o.slug)}`,
    ];
  });
}
