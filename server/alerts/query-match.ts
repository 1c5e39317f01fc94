/*
 * A saved query, until the public search can run one: the words (and "quoted phrases") that
 * must all appear in an entry's public text, case and accents aside. The same rule decides
 * what the subscription form's preview would list and what the outbox sends.
 */

function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const match of fold(query).matchAll(/"([^"]+)"|(\S+)/g)) {
    const term = (match[1] ?? match[2] ?? "").trim();
    if (term) terms.push(term);
  }
  return terms;
}

export function queryMatches(query: string, text: string): boolean {
  const terms = queryTerms(query);
  if (terms.length === 0) return false;
  const haystack = fold(text);
  return terms.every((t) => haystack.includes(t));
}
