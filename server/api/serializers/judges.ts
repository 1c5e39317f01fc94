import type { JudgeSummary, PublicJudge } from "../../judges/loaders";
import { paths } from "../../paths";
import { toCaseListItem } from "./cases";
import { absolute, conflicts, courtRef, sources, type ApiContext } from "./common";
import { toOrderItem } from "./orders";

export function toJudgeListItem(ctx: ApiContext, s: JudgeSummary) {
  const j = s.judge;
  return {
    id: j.id,
    slug: j.slug,
    url: absolute(ctx, paths.api.judge(j.slug)),
    htmlUrl: absolute(ctx, paths.judge(j.slug)),
    name: j.name,
    title: j.title,
    initials: j.initials,
    court: courtRef(s.court),
    caseCount: s.caseCount,
    orderCount: s.orderCount,
    sources: sources(s.citations),
    conflicts: conflicts(ctx, s.conflicts),
  };
}

/** One judge with the cases before them and the orders they signed. */
export function toJudgeRecord(ctx: ApiContext, j: PublicJudge) {
  return {
    ...toJudgeListItem(ctx, j),
    assignedCases: j.assignedCases.map((c) => toCaseListItem(ctx, c)),
    referredCases: j.referredCases.map((c) => toCaseListItem(ctx, c)),
    orders: j.orders.map((o) => toOrderItem(ctx, o)),
  };
}
