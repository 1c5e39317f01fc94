/**
 * Where to go back to after signing in (`?next=`). Only a path on this site, checked the way a
 * browser will read it: the value is resolved against the site's own origin and must stay on
 * that origin. Browsers drop tabs and line feeds from a Location and read a backslash as a
 * slash, so `/\t/evil.example` and `/\evil.example` mean `//evil.example`; any control
 * character or whitespace is refused outright, and what is kept is the resolved path (ASCII,
 * percent-encoded), so it is always a valid Location header.
 */
const CONTROL_OR_SPACE = /[\p{Cc}\p{Cf}\p{Z}\s]/u;

export function safeReturnTo(next: string | undefined, siteOrigin: string): string | undefined {
  if (!next || !next.startsWith("/") || CONTROL_OR_SPACE.test(next)) return undefined;
  let origin: string;
  let resolved: URL;
  try {
    origin = new URL(siteOrigin).origin;
    resolved = new URL(next, origin);
  } catch {
    return undefined;
  }
  if (resolved.origin !== origin) return undefined;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // "/\\x" resolves to the host "x" and is caught above; "//" can survive only as a path of the origin.
  return path.startsWith("//") ? undefined : path;
}
