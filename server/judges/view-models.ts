import { toCaseListItem } from "../cases/view-models";
import { caseLink, signedView, standingView } from "../orders/view-models";
import { paths } from "../paths";
import { ORDER_KIND_LABELS, label } from "../shared/labels";
import { inferredView } from "../sources/inferred";
import { recordMarkers } from "../sources/record-markers";
import { conflictMarkers, markersFor } from "../sources/markers";
import type { JudgeSummary, PublicJudge } from "./loaders";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The facts every judge line and page prints, each with its own sources. */
function judgeFacts(j: JudgeSummary) {
  const cites = j.citations;
  return {
    name: j.judge.name,
    nameSources: markersFor(cites, "name"),
    nameInferred: inferredView(cites, "name"),
    judgeTitle: j.judge.title,
    judgeTitleSources: markersFor(cites, "title"),
    court: j.court ? { name: j.court.name, shortName: j.court.shortName } : null,
    courtSources: markersFor(cites, "courtId"),
    courtInferred: inferredView(cites, "courtId"),
    initials: j.judge.initials,
    initialsSources: j.judge.initials ? markersFor(cites, "initials") : [],
    conflicts: conflictMarkers(j.conflicts),
  };
}

export function toJudgesIndexView(judges: JudgeSummary[]) {
  return {
    title: "Judges",
    countText: `${plural(judges.length, "judicial officer", "judicial officers")} named in the record.`,
    judges: judges.map((j) => ({
      ...judgeFacts(j),
      href: paths.judge(j.judge.slug),
      cases: j.caseCount,
      orders: j.orderCount,
    })),
    apiHref: paths.api.judges(),
  };
}

export function toJudgeShowView(j: PublicJudge) {
  return {
    title: `${j.judge.title} ${j.judge.name}`,
    ...judgeFacts(j),
    caseCountText: plural(j.caseCount, "case", "cases"),
    orderCountText: plural(j.orderCount, "order", "orders"),
    assignedCases: j.assignedCases.map(toCaseListItem),
    referredCases: j.referredCases.map(toCaseListItem),
    orders: j.orders.map((r) => ({
      title: r.order.title,
      href: paths.order(r.order.slug),
      case: caseLink(r.case),
      signed: signedView(r),
      kind: label(ORDER_KIND_LABELS, r.order.kind),
      standing: standingView(r.standing),
      sources: recordMarkers(r.citations),
      conflicts: conflictMarkers(r.conflicts),
    })),
    judgesHref: paths.judges(),
    apiHref: paths.api.judge(j.judge.slug),
  };
}
