/**
 * What a public page's <head> says to link previews and search engines (views/layouts/main.hbs):
 * its canonical address (absolute, from PUBLIC_URL, without the query string, so a filtered or
 * paged view names the page it is a view of) and the Open Graph / Twitter card fields. Only the
 * address goes in, so a stored page carries nothing of whoever first asked for it.
 */
export type ShareMeta = { url: string; siteName: string; description: string };

export const SITE_DESCRIPTION =
  "Docket tracker for the litigation over DHS subpoenas and customs summonses seeking to unmask anonymous accounts.";

/** Staff pages, sign-in and a subscriber's own links are not shared pages: no canonical address for them. */
const PRIVATE_PREFIXES = ["/staff", "/login", "/logout", "/alerts/confirm/", "/alerts/manage/", "/alerts/unsubscribe/", "/api/"];

export function shareMetaFor(path: string, publicUrl: string): ShareMeta | null {
  if (PRIVATE_PREFIXES.some((p) => path === p || path.startsWith(p.endsWith("/") ? p : `${p}/`))) return null;
  return { url: `${publicUrl}${path}`, siteName: "Quash", description: SITE_DESCRIPTION };
}
