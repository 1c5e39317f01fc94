import type { DatePrecision } from "../../../db/schema";
import type { PublicRecord } from "../../privacy/projection";
import { paths } from "../../paths";
import { viewDate, type FuzzyDate } from "../../shared/dates";
import { apiSources, citationsBehind, refKey, type Citation, type ConflictRef } from "../../sources/markers";
import type { StatusStep } from "../../status/history";

/**
 * What every serializer needs besides the data: the site's public base URL, so the `url` and
 * `htmlUrl` of every record can be fetched as they stand.
 */
export type ApiContext = { baseUrl: string };

export const absolute = (ctx: ApiContext, path: string) => `${ctx.baseUrl}${path}`;

/** A fuzzy date as the API documents it: never more precise than the record knows. */
export function fuzzyDate(value: FuzzyDate) {
  const view = viewDate(value);
  const precision: DatePrecision = view.known ? (value.precision ?? "day") : "unknown";
  return {
    date: view.known ? (value.date ?? null) : null,
    latest: view.known && precision === "range" ? (value.latest ?? null) : null,
    precision,
    label: view.text,
  };
}

export function sources(citations: Citation[] | undefined) {
  return apiSources(citations);
}

export function conflicts(ctx: ApiContext, refs: ConflictRef[] | undefined) {
  // One conflict link per field of a record, whatever path it came by.
  const seen = new Set<string>();
  const once = (refs ?? []).filter((c) => {
    const key = `${c.code}\u0000${c.field ?? ""}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
  return once.map((c) => ({
    code: c.code,
    title: c.title ?? c.code,
    description: c.description ?? "",
    status: c.status,
    resolution: c.resolution,
    field: c.field,
    htmlUrl: absolute(ctx, paths.conflict(c.code)),
  }));
}

/** Citations and conflicts of every record a loader read, keyed by `refKey(type, id)`. */
export type CitationLookup = { citations: Map<string, Citation[]>; conflicts: Map<string, ConflictRef[]> };

/** The `sources` and `conflicts` every public record carries, looked up by the record's type and id. */
export function sourcesAndConflicts(ctx: ApiContext, lookup: CitationLookup, type: string, id: number) {
  return {
    sources: sources(lookup.citations.get(refKey(type, id))),
    conflicts: conflicts(ctx, lookup.conflicts.get(refKey(type, id))),
  };
}

export function judgeRef(ctx: ApiContext, judge: Pick<PublicRecord<"judge">, "slug" | "name" | "title"> | null | undefined) {
  if (!judge) return null;
  return {
    slug: judge.slug,
    name: judge.name,
    title: judge.title,
    url: absolute(ctx, paths.api.judge(judge.slug)),
    htmlUrl: absolute(ctx, paths.judge(judge.slug)),
  };
}

export function caseRef(ctx: ApiContext, kase: Pick<PublicRecord<"case">, "slug" | "caption" | "label" | "docketNumber">) {
  return {
    slug: kase.slug,
    title: kase.caption ?? kase.label,
    docketNumber: kase.docketNumber,
    url: absolute(ctx, paths.api.case(kase.slug)),
    htmlUrl: absolute(ctx, paths.case(kase.slug)),
  };
}

export function subpoenaRef(ctx: ApiContext, subpoena: Pick<PublicRecord<"subpoena">, "slug" | "title" | "kind">) {
  return {
    slug: subpoena.slug,
    title: subpoena.title,
    kind: subpoena.kind,
    url: absolute(ctx, paths.api.subpoena(subpoena.slug)),
    htmlUrl: absolute(ctx, paths.subpoena(subpoena.slug)),
  };
}

export function accountRef(account: Pick<PublicRecord<"account">, "slug" | "handle" | "displayName">) {
  return { slug: account.slug, handle: account.handle, displayName: account.displayName };
}

export function courtRef(court: Pick<PublicRecord<"court">, "id" | "name" | "shortName"> | null | undefined) {
  return court ? { id: court.id, name: court.name, shortName: court.shortName } : null;
}

export function organizationRef(org: Pick<PublicRecord<"organization">, "slug" | "name" | "shortName"> | null | undefined) {
  return org ? { slug: org.slug, name: org.name, shortName: org.shortName } : null;
}

export function orderRef(ctx: ApiContext, order: Pick<PublicRecord<"order">, "slug" | "title">) {
  return { slug: order.slug, title: order.title, htmlUrl: absolute(ctx, paths.order(order.slug)) };
}

/** A status history (status/history.ts) as the API gives it: each step's line, date and precision, and its sources. */
export function statusHistory(steps: StatusStep[], citations: Map<string, Citation[]>) {
  return steps.map((st) => ({
    key: st.key,
    label: st.label,
    line: st.line,
    date: { value: st.date.datetime, label: st.date.text, exact: st.date.exact },
    datePrecision: st.precision,
    dateInferred: st.inferred,
    sources: sources(citationsBehind(st.sources, citations)),
  }));
}
