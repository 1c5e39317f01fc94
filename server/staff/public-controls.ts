import type { FastifyInstance, FastifyRequest } from "fastify";
import { hasRole } from "../auth/roles";
import { quickEntryGroup } from "../editing/records/entries/form";
import { toFieldViews } from "../forms/fields-view";
import { formDeps } from "../forms/record-form";
import { initialValues } from "../forms/values";
import { paths } from "../paths";
import { isPublicRequest } from "../cache/public-request";

/*
 * Staff controls on the public pages ("Edit", "Add entry", "Strike", history links). They are
 * added to a view model only for a signed-in user's request, and those requests are never
 * served from or stored in the page cache (plugins/cached-pages.ts, cache/send-cached.ts): the
 * bytes the public gets never carry them. The confirmation and the CSRF token a staff control
 * needs come from `reply.locals`, which `reply.viewAsync` merges into every page.
 */

type Link = { href: string; label: string };

function signedIn(request: FastifyRequest) {
  if (!request.user || isPublicRequest(request)) return null;
  return { canEdit: hasRole(request.user.role, "editor") };
}

type DocketLike = {
  entries: { id: number }[];
  orders: { id: number }[];
};

/** The docket page for staff: links to edit the case and its records, the quick entry form, and per-entry Edit and Strike. */
export function withDocketStaff<V extends DocketLike>(
  view: V,
  request: FastifyRequest,
  app: FastifyInstance,
  kase: { id: number; slug: string },
) {
  const who = signedIn(request);
  if (!who) return view;
  const deps = formDeps(app);
  const slug = kase.slug;
  const stored = new Map(deps.repo.rows("entry", { caseId: kase.id }).map((e) => [e.id as number, e]));
  const links: Link[] = [
    ...(who.canEdit ? [{ href: paths.staffRecordEdit("cases", slug), label: "Edit the case" }] : []),
    { href: paths.staffCase(slug), label: "Staff page of this case (parties, counsel, motions, orders, hearings, deadlines)" },
    { href: paths.staffHistory("case", kase.id), label: "History" },
  ];
  // Held records are on no public page, this one included: say so, or staff look for an entry they just saved.
  const held = app.guard.repo.openHoldCount(kase.id);
  if (held > 0)
    links.push({
      href: paths.staffReview(),
      label: `${held} ${held === 1 ? "record" : "records"} of this case held for review (not shown here)`,
    });
  const group = quickEntryGroup({ record: null, input: {} }, false);
  return {
    ...view,
    staff: {
      links,
      quickEntry: who.canEdit
        ? {
            action: paths.staffRecords("entries", slug),
            fullFormHref: paths.staffRecordNew("entries", slug),
            fields: toFieldViews([group], initialValues([group]), [], "q").groups[0]!.fields,
          }
        : null,
    },
    entries: view.entries.map((e) => {
      const row = stored.get(e.id);
      const stricken = Boolean(row?.stricken);
      return {
        ...e,
        staff: {
          editHref: who.canEdit ? paths.staffRecordEdit("entries", e.id, slug) : null,
          historyHref: paths.staffHistory("entry", e.id),
          documentsHref: who.canEdit ? paths.staffEntryDocuments(slug, e.id) : null,
          seal: row ? { href: paths.staffSeal("entry", e.id), label: row.sealed ? "Unseal" : "Seal" } : null,
          strike:
            who.canEdit && row
              ? {
                  action: paths.staffRecordAction("entries", e.id, stricken ? "unstrike" : "strike", slug),
                  label: stricken ? "Unstrike" : "Strike",
                  version: String(row.version),
                }
              : null,
        },
      };
    }),
    orders: view.orders.map((o) => ({ ...o, staff: orderLinks(who.canEdit, o.id, slug) })),
  };
}

function orderLinks(canEdit: boolean, orderId: number, caseSlug: string) {
  return {
    links: [
      ...(canEdit ? [{ href: paths.staffRecordEdit("orders", orderId, caseSlug), label: "Edit" }] : []),
      { href: paths.staffHistory("order", orderId), label: "History" },
    ],
  };
}

/** The subpoena page for staff: Edit, History, add a platform notice. */
export function withSubpoenaStaff<V extends object>(view: V, request: FastifyRequest, subpoena: { id: number }) {
  const who = signedIn(request);
  if (!who) return view;
  const links: Link[] = [
    ...(who.canEdit
      ? [
          { href: paths.staffRecordEdit("subpoenas", subpoena.id), label: "Edit this subpoena" },
          { href: `${paths.staffRecordNew("notices")}?subpoenaId=${subpoena.id}`, label: "Add a platform notice" },
        ]
      : []),
    { href: paths.staffHistory("subpoena", subpoena.id), label: "History" },
  ];
  return { ...view, staff: { links } };
}

type OrderRef = { order: { id: number; slug: string }; case: { slug: string } };

/** The orders page for staff: Edit and History beside each order card. */
export function withOrdersIndexStaff<V extends { groups: { orders: { anchor: string }[] }[] }>(
  view: V,
  request: FastifyRequest,
  records: OrderRef[],
) {
  const who = signedIn(request);
  if (!who) return view;
  const bySlug = new Map(records.map((r) => [`order-${r.order.slug}`, r]));
  const groups = view.groups.map((g) => ({
    ...g,
    orders: g.orders.map((o) => {
      const r = bySlug.get(o.anchor);
      return { ...o, staff: r ? orderLinks(who.canEdit, r.order.id, r.case.slug) : null };
    }),
  }));
  return { ...view, groups };
}

/** An order's own page for staff: Edit and History in the staff bar. */
export function withOrderStaff<V extends object>(view: V, request: FastifyRequest, r: OrderRef) {
  const who = signedIn(request);
  if (!who) return view;
  return { ...view, staff: orderLinks(who.canEdit, r.order.id, r.case.slug) };
}

/** An event's own page for staff: Edit and History in the staff bar. */
export function withEventStaff<V extends object>(view: V, request: FastifyRequest, event: { id: number }) {
  const who = signedIn(request);
  if (!who) return view;
  return {
    ...view,
    staff: {
      links: [
        ...(who.canEdit ? [{ href: paths.staffRecordEdit("events", event.id), label: "Edit" }] : []),
        { href: paths.staffHistory("event", event.id), label: "History" },
      ],
    },
  };
}

/** A judge's page for staff: the judge's history, and Edit beside each order they signed (rows in the loader's order). */
export function withJudgeStaff<V extends { orders: object[] }>(
  view: V,
  request: FastifyRequest,
  judge: { id: number; orders: OrderRef[] },
) {
  const who = signedIn(request);
  if (!who) return view;
  const orders = view.orders.map((o, i) => {
    const r = judge.orders[i];
    return { ...o, staff: r ? orderLinks(who.canEdit, r.order.id, r.case.slug) : null };
  });
  return { ...view, orders, staff: { links: [{ href: paths.staffHistory("judge", judge.id), label: "History of this judge's record" }] } };
}

/** A motion's own page for staff: edit it, add an argument, its history. */
export function withMotionStaff<V extends object>(view: V, request: FastifyRequest, motion: { id: number; caseSlug: string }) {
  const who = signedIn(request);
  if (!who) return view;
  const links: Link[] = [
    ...(who.canEdit
      ? [
          { href: paths.staffRecordEdit("motions", motion.id, motion.caseSlug), label: "Edit this motion" },
          { href: `${paths.staffRecordNew("arguments", motion.caseSlug)}?motionId=${motion.id}`, label: "Add an argument" },
        ]
      : []),
    { href: paths.staffHistory("motion", motion.id), label: "History" },
  ];
  return { ...view, staff: { links } };
}

/** An authority's page for staff: edit it, its history, the citations waiting for review. */
export function withAuthorityStaff<V extends object>(view: V, request: FastifyRequest, authority: { id: number }) {
  const who = signedIn(request);
  if (!who) return view;
  const links: Link[] = [
    ...(who.canEdit ? [{ href: paths.staffRecordEdit("authorities", authority.id), label: "Edit this authority" }] : []),
    { href: paths.staffHistory("authority", authority.id), label: "History" },
    { href: paths.staffCites(), label: "Citations waiting for review" },
  ];
  return { ...view, staff: { links } };
}
