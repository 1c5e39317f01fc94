import { PUBLIC_CASE_GROUPS } from "../../db/schema";
import { paths } from "../paths";
import { viewDate } from "../shared/dates";
import { GROUP_LABELS, label } from "../shared/labels";
import { conflictMarkers, isInferred, markersFor } from "../sources/markers";
import type { CaseSummary } from "./summaries";

/** One line of a case list, wherever cases are listed (cases index, overview, judge page). */
export function toCaseListItem(summary: CaseSummary) {
  const c = summary.case;
  const judge = summary.assigned ?? summary.referred;
  return {
    href: paths.case(c.slug),
    title: c.caption ?? c.label,
    captionKnown: c.caption !== null,
    label: c.label,
    docketNumber: c.docketNumber,
    docketSources: markersFor(summary.citations, "docketNumber"),
    court: summary.court?.shortName ?? null,
    courtInferred: isInferred(summary.citations, "courtId"),
    courtSources: markersFor(summary.citations, "courtId"),
    judge: judge ? { name: `${judge.title} ${judge.name}`, href: paths.judge(judge.slug) } : null,
    judgeSources: markersFor(summary.citations, summary.assigned ? "assignedJudgeId" : "referredJudgeId"),
    filed: viewDate({ date: c.dateFiled, latest: c.dateFiledLatest, precision: c.dateFiledPrecision, label: c.dateFiledLabel }),
    filedInferred: isInferred(summary.citations, "dateFiled"),
    filedSources: markersFor(summary.citations, "dateFiled"),
    status: summary.status,
    summary: c.summary,
    subpoenas: summary.subpoenas.map((sp) => ({ title: sp.title, href: paths.subpoena(sp.slug) })),
    sources: markersFor(summary.citations),
    conflicts: conflictMarkers(summary.conflicts),
  };
}

export type CaseListItem = ReturnType<typeof toCaseListItem>;

export function toCaseIndexView(summaries: CaseSummary[]) {
  return {
    title: "Cases",
    groups: PUBLIC_CASE_GROUPS.map((group) => ({
      id: `group-${group}`,
      heading: label(GROUP_LABELS, group),
      cases: summaries.filter((sm) => sm.case.group === group).map(toCaseListItem),
    })).filter((g) => g.cases.length > 0),
    apiHref: paths.api.cases(),
  };
}
