/** "?a=1&b=2" from the set values of a filter, or "" when none is set: links that keep a page's filters. */
export function queryString(params: Record<string, string | undefined | null>): string {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return q ? `?${q}` : "";
}
