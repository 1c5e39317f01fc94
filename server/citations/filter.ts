/**
 * The final list, as eyecite orders and prunes it: one citation per span, sorted by full span,
 * and among overlapping citations the reference citation yields, a supra inside a short form
 * yields, while parallel cites and cites inside a parenthetical stay.
 */
import { fullSpanOf, type ParsedCitation, spanOf } from "./parsed";

const overlap = (a: [number, number], b: [number, number]): boolean => Math.max(a[0], b[0]) < Math.min(a[1], b[1]);

export function filterCitations(citations: ParsedCitation[]): ParsedCitation[] {
  if (!citations.length) return citations;
  const bySpan = new Map<string, ParsedCitation>();
  for (const citation of citations) bySpan.set(spanOf(citation).join(":"), citation);
  const sorted = [...bySpan.values()]
    .map((citation, i) => ({ citation, i, full: fullSpanOf(citation) }))
    .sort((a, b) => a.full[0] - b.full[0] || a.full[1] - b.full[1] || a.i - b.i)
    .map((entry) => entry.citation);

  const kept: ParsedCitation[] = [sorted[0]!];
  for (const citation of sorted.slice(1)) {
    const last = kept[kept.length - 1]!;
    if (overlap(fullSpanOf(citation), fullSpanOf(last))) {
      if (last.kind === "reference") {
        kept.pop();
        kept.push(citation);
        continue;
      }
      if (citation.kind === "reference") continue;
      if (citation.kind === "supra" && last.kind === "shortCase") continue;
    }
    kept.push(citation);
  }
  return kept;
}
