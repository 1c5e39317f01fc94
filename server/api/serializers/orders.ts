import type { OrderRecord } from "../../orders/loaders";
import { paths } from "../../paths";
import { absolute, accountRef, caseRef, conflicts, fuzzyDate, judgeRef, organizationRef, sources, subpoenaRef, type ApiContext } from "./common";

/** One order with its case, judge, the motions it decided and what it protects. */
export function toOrderItem(ctx: ApiContext, r: OrderRecord) {
  const o = r.order;
  return {
    id: o.id,
    slug: o.slug,
    htmlUrl: absolute(ctx, paths.order(o.slug)),
    title: o.title,
    kind: o.kind,
    case: caseRef(ctx, r.case),
    judge: judgeRef(ctx, r.judge),
    dateSigned: fuzzyDate({ date: o.dateSigned, latest: o.dateSignedLatest, precision: o.dateSignedPrecision, label: o.dateSignedLabel }),
    summary: o.summary,
    quotedText: o.quotedText,
    standing: r.standing,
    dispositions: r.dispositions.map((d) => ({
      motion: { id: d.motion.id, title: d.motion.title, kind: d.motion.kind, status: d.motion.status, sources: sources(d.citations) },
      disposition: d.disposition,
    })),
    coverage: r.coverage.map((c) => ({
      id: c.coverage.id,
      subpoena: subpoenaRef(ctx, c.subpoena),
      account: c.account ? accountRef(c.account) : null,
      allAccountsOfMovant: c.account === null,
      addressee: organizationRef(c.addressee),
      endCondition: c.coverage.endCondition,
      status: c.coverage.status,
      statusReason: c.coverage.statusReason,
      dateEnded: c.coverage.dateEnded,
      sources: sources(c.citations),
      conflicts: conflicts(ctx, c.conflicts),
    })),
    sources: sources(r.citations),
    conflicts: conflicts(ctx, r.conflicts),
  };
}
