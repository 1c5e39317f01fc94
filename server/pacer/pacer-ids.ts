/**
 * Identifiers inside PACER links: the doc1 document id, the docket entry sequence number, the
 * internal case id, the "free look" magic number.
 */

/**
 * The document id of a doc1 URL (`…/doc1/035123513539?…`) with its fourth digit forced to 0:
 * PACER writes 1 there for links that skip the attachment page, but it is the same document.
 * Null for URLs that carry no doc1 id.
 */
export function docIdFromDoc1Url(url: string): string | null {
  if (url.includes("show_case_doc")) return null;
  const slash = url.lastIndexOf("/");
  if (slash === -1) return null;
  const id = url.slice(slash + 1).split("?")[0]!;
  return `${id.slice(0, 3)}0${id.slice(4)}`;
}

/** The third argument of `goDLS('/doc1/…','caseid','seq',…)`, the entry's sequence number. */
export function seqNoFromGoDls(onclick: string | undefined): string | null {
  if (!onclick || !onclick.includes("goDLS")) return null;
  // The quoted strings in order: '/doc1/…', 'caseid', 'seq', …
  let from = 0;
  for (let arg = 0; ; arg++) {
    const open = onclick.indexOf("'", from);
    const close = open === -1 ? -1 : onclick.indexOf("'", open + 1);
    if (close === -1) return null;
    if (arg === 2) return onclick.slice(open + 1, close);
    from = close + 1;
  }
}

/** `…DktRpt.pl?492165` → "492165"; `…iquery.pl?625371913403797-L_9999_1-0-663150` → "663150". */
export function caseIdFromNonceUrl(url: string): string | null {
  const query = url.split("?")[1];
  if (query === undefined) return null;
  if (!query.includes("L")) return query;
  const dash = query.lastIndexOf("-");
  return dash === -1 ? null : query.slice(dash + 1);
}

export function seqNoFromDoc1Url(url: string): string | null {
  return /de_seq_num=(\d+)/.exec(url)?.[1] ?? null;
}

export function caseIdFromDoc1Url(url: string): string | null {
  return /caseid=(\d+)/.exec(url)?.[1] ?? null;
}

export function magicNumFromDoc1Url(url: string, appellate: boolean): string | null {
  return (appellate ? /uid=(\w+)/ : /magic_num=(\d+)/).exec(url)?.[1] ?? null;
}
