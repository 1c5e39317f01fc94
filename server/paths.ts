/**
 * Every URL the app prints is built here, so a route can move without hunting through
 * templates. Templates reach these through view models, never by concatenating strings.
 */
const enc = encodeURIComponent;

type StaffAction = "delete" | "restore" | "strike" | "unstrike" | "mark";
const staffBase = (segment: string, caseSlug?: string) => (caseSlug ? `/staff/cases/${enc(caseSlug)}/${segment}` : `/staff/${segment}`);

export const paths = {
  home: () => "/",
  sitemap: () => "/sitemap.xml",
  robots: () => "/robots.txt",
  subpoenas: () => "/subpoenas",
  subpoena: (slug: string) => `/subpoenas/${enc(slug)}`,
  // CSV exports of the subpoenas' status and of one subpoena's coverage (docs/exports.md).
  subpoenasCsv: () => "/subpoenas.csv",
  coverageCsv: (slug: string) => `/subpoenas/${enc(slug)}/coverage.csv`,
  cases: () => "/cases",
  case: (slug: string) => `/cases/${enc(slug)}`,
  entry: (caseSlug: string, entryId: number) => `/cases/${enc(caseSlug)}#entry-${entryId}`,
  // The whole docket as CSV (docs/exports.md).
  docketCsv: (caseSlug: string) => `/cases/${enc(caseSlug)}/docket.csv`,
  entryPermalink: (caseSlug: string, entryId: number) => `/cases/${enc(caseSlug)}/entries/${entryId}`,
  // The filed PDF; sealed ones answer 404 to the public.
  document: (documentId: number) => `/documents/${documentId}`,
  judges: () => "/judges",
  judge: (slug: string) => `/judges/${enc(slug)}`,
  orders: () => "/orders",
  /** A page of the orders page: the orders after (or before) the one named. */
  ordersPage: (at: { after?: number; before?: number }) =>
    at.after !== undefined ? `/orders?after=${at.after}` : at.before !== undefined ? `/orders?before=${at.before}` : "/orders",
  // An order's own page (server/orders/show-routes.ts); its card on /orders keeps the anchor `order-{slug}`.
  order: (slug: string) => `/orders/${enc(slug)}`,
  timeline: () => "/timeline",
  /** A page of the timeline with its filters: the items after (or before) the one named (`event-12`, `order-5`). */
  timelinePage: (query: { year?: number; kind?: string; after?: string; before?: string }) => {
    const params = new URLSearchParams();
    if (query.year !== undefined) params.set("year", String(query.year));
    if (query.kind) params.set("kind", query.kind);
    if (query.after) params.set("after", query.after);
    else if (query.before) params.set("before", query.before);
    const qs = params.toString();
    return `/timeline${qs ? `?${qs}` : ""}`;
  },
  timelineCsv: () => "/timeline.csv",
  // An event's own page (server/timeline/event-routes.ts); its item on /timeline keeps the anchor `event-{slug}`.
  event: (slug: string) => `/events/${enc(slug)}`,
  sources: () => "/sources",
  source: (tag: string) => `/sources#source-${enc(tag)}`,
  conflict: (code: string) => `/sources#conflict-${enc(code)}`,
  doctrines: () => "/doctrine",
  doctrine: (slug: string) => `/doctrine/${enc(slug)}`,
  doctrinesCsv: () => "/doctrine.csv",
  authorities: () => "/authorities",
  authority: (slug: string) => `/authorities/${enc(slug)}`,
  authoritiesCsv: () => "/authorities.csv",
  arguments: () => "/arguments",
  argumentsCsv: () => "/arguments.csv",
  argument: (id: number) => `/arguments#argument-${id}`,
  // A motion's own page: its arguments beside the court's treatment.
  motionPage: (caseSlug: string, motionId: number) => `/cases/${enc(caseSlug)}/motions/${motionId}`,
  caseAuthorities: (caseSlug: string) => `/cases/${enc(caseSlug)}/authorities`,
  compare: () => "/compare",
  compareCsv: () => "/compare.csv",
  patterns: () => "/patterns",
  patternsCsv: () => "/patterns.csv",
  calendar: () => "/calendar",
  calendarFeed: () => "/calendar.ics",
  caseCalendarFeed: (caseSlug: string) => `/cases/${enc(caseSlug)}/calendar.ics`,
  deadline: (caseSlug: string, deadlineId: number) => `/cases/${enc(caseSlug)}#deadline-${deadlineId}`,
  deadlineCalculator: () => "/deadlines/calculator",
  login: () => "/login",
  logout: () => "/logout",
  staff: () => "/staff",
  staffImport: () => "/staff/import",
  staffImportPreview: () => "/staff/import/preview",
  staffImportConfirm: () => "/staff/import/confirm",
  staffImportDone: (importIds: number[]) => `/staff/import/done?ids=${importIds.join(",")}`,
  // Publication (server/publication): cases waiting for review, and publishing or taking back one case.
  staffUnpublished: () => "/staff/unpublished",
  staffCasePublication: (slug: string) => `/staff/cases/${enc(slug)}/publication`,
  staffCasePublish: (slug: string) => `/staff/cases/${enc(slug)}/publish`,
  staffCaseUnpublish: (slug: string) => `/staff/cases/${enc(slug)}/unpublish`,
  // Sealing after the fact (server/publication/seal-routes.ts): kind is entry, document, party (its name) or case.
  staffSealed: () => "/staff/sealed",
  staffSeal: (kind: string, id: number) => `/staff/seal/${enc(kind)}/${id}`,
  staffUnseal: (kind: string, id: number) => `/staff/seal/${enc(kind)}/${id}/unseal`,
  // Staff forms (server/forms): records of a case live under /staff/cases/:slug/<records>, the others under /staff/<records>.
  staffCase: (slug: string) => `/staff/cases/${enc(slug)}`,
  staffRecords: (segment: string, caseSlug?: string) => staffBase(segment, caseSlug),
  staffRecordNew: (segment: string, caseSlug?: string) => `${staffBase(segment, caseSlug)}/new`,
  staffRecord: (segment: string, id: string | number, caseSlug?: string) => `${staffBase(segment, caseSlug)}/${enc(String(id))}`,
  staffRecordEdit: (segment: string, id: string | number, caseSlug?: string) => `${staffBase(segment, caseSlug)}/${enc(String(id))}/edit`,
  staffRecordAction: (segment: string, id: string | number, action: StaffAction, caseSlug?: string) =>
    `${staffBase(segment, caseSlug)}/${enc(String(id))}/${action}`,
  // Citations found in filings, waiting for staff to confirm or reject them (server/cites).
  staffCites: () => "/staff/cites",
  staffCiteDecision: (id: number, decision: "confirm" | "reject" | "reopen") => `/staff/cites/${id}/${decision}`,
  staffCaseCitesExtract: (caseSlug: string) => `/staff/cases/${enc(caseSlug)}/cites/extract`,
  staffHistory: (type: string, id: string | number) => `/staff/history/${enc(type)}/${enc(String(id))}`,
  staffHistoryRevert: (type: string, id: string | number) => `/staff/history/${enc(type)}/${enc(String(id))}/revert`,
  staffDeleted: () => "/staff/deleted",
  staffDeletedRestore: (type: string, id: string | number) => `/staff/deleted/${enc(type)}/${enc(String(id))}/restore`,
  staffEntryDocuments: (caseSlug: string, entryId: number) => `/staff/cases/${enc(caseSlug)}/entries/${entryId}/documents`,
  // The publication guard (server/guard): held records and each case's never-publish list.
  staffReview: () => "/staff/review",
  staffReviewHold: (holdId: number) => `/staff/review/${holdId}`,
  staffReviewAction: (holdId: number, action: "release" | "redact") => `/staff/review/${holdId}/${action}`,
  staffNeverPublish: (caseSlug: string) => `/staff/cases/${enc(caseSlug)}/never-publish`,
  staffNeverPublishTerm: (caseSlug: string, termId: number, action: "remove" | "restore") =>
    `/staff/cases/${enc(caseSlug)}/never-publish/${termId}/${action}`,
  // Watched dockets (server/watching): court RSS polls, the NEF mailbox, messages to review.
  staffWatching: () => "/staff/watching",
  staffWatchingFeed: (courtId: string) => `/staff/watching/feeds/${enc(courtId)}`,
  staffWatchingFeedPoll: (courtId: string) => `/staff/watching/feeds/${enc(courtId)}/poll`,
  staffWatchingMailbox: () => "/staff/watching/mailbox",
  staffWatchingMailboxPoll: () => "/staff/watching/mailbox/poll",
  staffWatchingMailboxRemove: () => "/staff/watching/mailbox/remove",
  staffWatchingMessageDismiss: (id: number | string) => `/staff/watching/messages/${enc(String(id))}/dismiss`,
  staffWatchingMessageRaw: (id: number | string) => `/staff/watching/messages/${enc(String(id))}/raw`,
  staffCaseWatch: (slug: string) => `/staff/cases/${enc(slug)}/watch`,
  search: (q?: string) => (q ? `/search?q=${enc(q)}` : "/search"),
  staffSearch: (q?: string) => (q ? `/staff/search?q=${enc(q)}` : "/staff/search"),
  // Alerts (server/alerts): the public subscribe form, the links in every message, the staff page.
  alerts: (target?: { case?: string; subpoena?: string; query?: string }) =>
    target?.case
      ? `/alerts?case=${enc(target.case)}`
      : target?.subpoena
        ? `/alerts?subpoena=${enc(target.subpoena)}`
        : target?.query
          ? `/alerts?query=${enc(target.query)}`
          : "/alerts",
  alertsConfirm: (confirmToken: string) => `/alerts/confirm/${enc(confirmToken)}`,
  alertsManage: (token: string) => `/alerts/manage/${enc(token)}`,
  alertsCancel: (token: string, subscriptionId: number) => `/alerts/manage/${enc(token)}/subscriptions/${subscriptionId}/cancel`,
  alertsCancelAll: (token: string) => `/alerts/manage/${enc(token)}/cancel-all`,
  alertsUnsubscribe: (token: string, subscriptionId: number) => `/alerts/unsubscribe/${enc(token)}/${subscriptionId}`,
  staffAlerts: () => "/staff/alerts",
  staffWebhooks: () => "/staff/alerts/webhooks",
  staffWebhookEnable: (id: number) => `/staff/alerts/webhooks/${id}/enable`,
  staffWebhookDisable: (id: number) => `/staff/alerts/webhooks/${id}/disable`,
  adminUsers: () => "/admin/users",
  adminUserDisable: (id: number) => `/admin/users/${id}/disable`,
  adminUserEnable: (id: number) => `/admin/users/${id}/enable`,
  adminTokenRevoke: (id: number) => `/admin/tokens/${id}/revoke`,
  health: () => "/health",
  apiDocs: () => "/api",
  api: {
    root: () => "/api/v1",
    openapi: () => "/api/v1/openapi.json",
    cases: () => "/api/v1/cases",
    search: () => "/api/v1/search",
    case: (slug: string) => `/api/v1/cases/${enc(slug)}`,
    caseEntries: (slug: string) => `/api/v1/cases/${enc(slug)}/entries`,
    casePublish: (slug: string) => `/api/v1/cases/${enc(slug)}/publish`,
    caseUnpublish: (slug: string) => `/api/v1/cases/${enc(slug)}/unpublish`,
    subpoenas: () => "/api/v1/subpoenas",
    subpoena: (slug: string) => `/api/v1/subpoenas/${enc(slug)}`,
    judges: () => "/api/v1/judges",
    judge: (slug: string) => `/api/v1/judges/${enc(slug)}`,
    orders: () => "/api/v1/orders",
    /** The orders of one case, as the orders list filters them. */
    caseOrders: (slug: string) => `/api/v1/orders?case=${enc(slug)}`,
    timeline: () => "/api/v1/timeline",
    sources: () => "/api/v1/sources",
    // The whole public record as one JSON document, and its JSON Schema (docs/exports.md).
    export: () => "/api/v1/export.json",
    exportSchema: () => "/api/v1/export.schema.json",
    deadlineCompute: () => "/api/v1/deadlines/compute",
    deadlineRules: () => "/api/v1/deadlines/rules",
    // The law students' records (issue 11).
    doctrines: () => "/api/v1/doctrines",
    // One doctrine is asked for by slug: the list carries every doctrine whole.
    doctrine: (slug: string) => `/api/v1/doctrines?slug=${enc(slug)}`,
    authorities: () => "/api/v1/authorities",
    authority: (slug: string) => `/api/v1/authorities/${enc(slug)}`,
    arguments: () => "/api/v1/arguments",
    // The write API (staff, bearer token): one collection and one record URL per record type.
    records: (plural: string) => `/api/v1/${plural}`,
    record: (plural: string, id: string | number) => `/api/v1/${plural}/${enc(String(id))}`,
  },
  feeds: {
    all: () => "/feed.atom",
    case: (slug: string) => `/cases/${enc(slug)}/feed.atom`,
    subpoena: (slug: string) => `/subpoenas/${enc(slug)}/feed.atom`,
  },
  assets: (file: string) => `/assets/${file}`,
};

/**
 * Route patterns (Fastify's `:param` syntax) of the URLs the two route generators make for
 * every record type, so a URL found in a browser can be found here: the staff forms
 * (server/forms/record-routes.ts) and the write API (server/editing/api-routes.ts). `paths`
 * above builds the same URLs with real slugs and ids.
 */
export const routePatterns = {
  /** The links in alert messages (server/alerts/routes.ts), built by paths.alertsConfirm and its neighbours. */
  alertsConfirm: () => "/alerts/confirm/:token",
  alertsManage: () => "/alerts/manage/:token",
  alertsCancel: () => "/alerts/manage/:token/subscriptions/:id/cancel",
  alertsCancelAll: () => "/alerts/manage/:token/cancel-all",
  alertsUnsubscribe: () => "/alerts/unsubscribe/:token/:id",
  staffWebhookEnable: () => "/staff/alerts/webhooks/:id/enable",
  staffWebhookDisable: () => "/staff/alerts/webhooks/:id/disable",
  /** /staff/<segment> (its list), or /staff/cases/:slug/<segment> for records of a case. */
  staffRecords: (segment: string, underCase: boolean) => (underCase ? `/staff/cases/:slug/${segment}` : `/staff/${segment}`),
  /** One record's form: …/<segment>/:id; a case is named by its slug. */
  staffRecord: (segment: string, underCase: boolean) => `${routePatterns.staffRecords(segment, underCase)}/:id`,
  staffCase: () => "/staff/cases/:slug",
  /** A write API collection, /api/v1/<collection>; records of a case are created under /api/v1/cases/:slug/<collection>. */
  apiRecords: (collection: string) => `/api/v1/${collection}`,
  apiCaseRecords: (collection: string) => `/api/v1/cases/:slug/${collection}`,
  /** One record: /api/v1/<collection>/:id (or :slug for cases and subpoenas). */
  apiRecord: (collection: string, key: "id" | "slug") => `/api/v1/${collection}/:${key}`,
};
