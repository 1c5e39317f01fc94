/**
 * Every URL the app prints is built here, so a route can move without hunting through
 * templates. Templates reach these through view models, never by concatenating strings.
 */
const enc = encodeURIComponent;

export const paths = {
  home: () => "/",
  subpoenas: () => "/subpoenas",
  subpoena: (slug: string) => `/subpoenas/${enc(slug)}`,
  cases: () => "/cases",
  case: (slug: string) => `/cases/${enc(slug)}`,
  entry: (caseSlug: string, entryId: number) => `/cases/${enc(caseSlug)}#entry-${entryId}`,
  entryPermalink: (caseSlug: string, entryId: number) => `/cases/${enc(caseSlug)}/entries/${entryId}`,
  judges: () => "/judges",
  judge: (slug: string) => `/judges/${enc(slug)}`,
  orders: () => "/orders",
  order: (slug: string) => `/orders#order-${enc(slug)}`,
  timeline: () => "/timeline",
  event: (slug: string) => `/timeline#event-${enc(slug)}`,
  sources: () => "/sources",
  source: (tag: string) => `/sources#source-${enc(tag)}`,
  conflict: (code: string) => `/sources#conflict-${enc(code)}`,
  login: () => "/login",
  logout: () => "/logout",
  staff: () => "/staff",
  adminUsers: () => "/admin/users",
  adminUserDisable: (id: number) => `/admin/users/${id}/disable`,
  adminUserEnable: (id: number) => `/admin/users/${id}/enable`,
  adminTokenRevoke: (id: number) => `/admin/tokens/${id}/revoke`,
  apiDocs: () => "/api",
  api: {
    root: () => "/api/v1",
    openapi: () => "/api/v1/openapi.json",
    cases: () => "/api/v1/cases",
    case: (slug: string) => `/api/v1/cases/${enc(slug)}`,
    subpoenas: () => "/api/v1/subpoenas",
    subpoena: (slug: string) => `/api/v1/subpoenas/${enc(slug)}`,
    judges: () => "/api/v1/judges",
    judge: (slug: string) => `/api/v1/judges/${enc(slug)}`,
    orders: () => "/api/v1/orders",
    timeline: () => "/api/v1/timeline",
    sources: () => "/api/v1/sources",
  },
  assets: (file: string) => `/assets/${file}`,
};
