import type { OrderRecord } from "../../orders/loaders";
import { paths } from "../../paths";
import type { PublicRecord } from "../../privacy/projection";
import {
  absolute,
  accountRef,
  caseRef,
  conflicts,
  fuzzyDate,
  judgeRef,
  organizationRef,
  sources,
  subpoenaRef,
  type ApiContext,
} from "./common";

/** An order's own fields, the same in a case's record and in the order list. */
export function orderFields(ctx: ApiContext, o: PublicRecord<"order">, judge: PublicRecord<"judge"> | null | undefined) {
  return {
    id: o.id,
    slug: o.slug,
    htmlUrl: absolute(ctx, paths.order(o.slug)),
    title: o.title,
    kind: o.kind,
    judge: judgeRef(ctx, judge),
    dateSigned: fuzzyDate({ date: o.dateSigned, latest: o.dateSignedLatest, precision: o.dateSignedPrecision, label: o.dateSignedLabel }),
    summary: o.summary,
    quotedText: o.quotedText,
  };
}

/** What one coverage row protects and on what terms, the same in a case's record and in the order list. */
export function coverageFields(
  ctx: ApiContext,
  c: { coverage: PublicRecord<"coverage">; subpoena: PublicRecord<"subpoena">; account: PublicRecord<"account"> | null },
) {
  return {
    id: c.coverage.id,
    subpoena: subpoenaRef(ctx, c.subpoena),
    account: c.account ? accountRef(c.account) : null,
    allAccountsOfMovant: c.account === null,
    endCondition: c.coverage.endCondition,
    status: c.coverage.status,
    statusReason: c.coverage.statusReason,
    dateEnded: c.coverage.dateEnded,
  };
}

/** One order with its case, judge, the motions it decided and what it protects. */
export function toOrderItem(ctx: ApiContext, r: OrderRecord) {
  return {
    ...orderFields(ctx, r.order, r.judge),
    case: caseRef(ctx, r.case),
    // The order's docket entry when the public may see it, numbered as the docket shows it (a case's entries name theirs the same way).
    entry: r.entry
      ? {
          id: r.entry.id,
          number: r.entry.number,
          ecf: r.entry.number === null ? null : `ECF No. ${r.entry.number}`,
          htmlUrl: absolute(ctx, paths.entryPermalink(r.case.slug, r.entry.id)),
        }
      : null,
    standing: r.standing,
    dispositions: r.dispositions.map((d) => ({
      motion: { id: d.motion.id, title: d.motion.title, kind: d.motion.kind, status: d.motion.status, sources: sources(d.citations) },
      disposition: d.disposition,
    })),
    coverage: r.coverage.map((c) => ({
      ...coverageFields(ctx, c),
      addressee: organizationRef(c.addressee),
      sources: sources(c.citations),
      conflicts: conflicts(ctx, c.conflicts),
    })),
    sources: sources(r.citations),
    conflicts: conflicts(ctx, r.conflicts),
  };
}
