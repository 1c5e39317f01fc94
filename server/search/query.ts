/**
 * Turning what staff type into an FTS5 query, and FTS5 snippets into text runs a template can
 * print safely. Pure: no database here.
 */

/** Marks FTS5's snippet() puts around each match: control characters no docket text carries. */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

/**
 * The input as plain words, each an FTS5 string ("word"; quotes inside doubled), so nothing
 * in it can be read as syntax. Words without a letter or digit are dropped: they match nothing.
 * Null when no word is left.
 */
export function quotedTerms(input: string): string | null {
  const terms = input
    .split(/\s+/)
    .filter((term) => /[\p{L}\p{N}]/u.test(term))
    .map((term) => `"${term.replace(/"/g, '""')}"`);
  return terms.length > 0 ? terms.join(" ") : null;
}

/**
 * Whether a SQLite error is FTS5 refusing the query's syntax (an unbalanced quote, a bare
 * AND/OR/NOT, an unknown column filter), rather than a fault of ours.
 */
export function isQuerySyntaxError(error: unknown): boolean {
  if (!(error instanceof Error) || (error as { code?: string }).code !== "SQLITE_ERROR") return false;
  return /^(fts5: syntax error|unterminated string|no such column|unknown special query)/.test(error.message);
}

export type SnippetRun = { text: string; mark: boolean };

/** A snippet split into plain and matched runs; the template escapes each and wraps matches in <mark>. */
export function snippetRuns(snippet: string): SnippetRun[] {
  const runs: SnippetRun[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(MARK_START);
    if (start === -1) {
      runs.push({ text: rest.replaceAll(MARK_END, ""), mark: false });
      break;
    }
    if (start > 0) runs.push({ text: rest.slice(0, start).replaceAll(MARK_END, ""), mark: false });
    const end = rest.indexOf(MARK_END, start + 1);
    const stop = end === -1 ? rest.length : end;
    runs.push({ text: rest.slice(start + 1, stop).replaceAll(MARK_START, ""), mark: true });
    rest = rest.slice(stop + 1);
  }
  return runs.filter((run) => run.text !== "");
}
