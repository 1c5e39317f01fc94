import { authorityFor, isClaimed, proposeAuthority, type AuthorityIndex, type ProposedAuthority } from "./authority-index";
import type { FoundCitation } from "./found";
import { citeKeyOf, isUnresolved, pinOf } from "./keys";
import { resolveCitations } from "./resolve";
import { sentenceAround, type Span } from "./sentences";

/** One "cites" link as an extraction proposes it, before it meets the stored links. */
export type CiteDraft = {
  citeKey: string;
  occurrence: number;
  kind: FoundCitation["kind"];
  citedText: string;
  pinCite: string | null;
  sentence: string;
  spanStart: number;
  spanEnd: number;
  authorityId: number | null;
  matchedBy: "citation" | "antecedent" | null;
  proposed: ProposedAuthority | null;
};

const fullSpanOf = (c: FoundCitation): Span => c.fullSpan ?? c.span;

/**
 * The links a filing's text proposes: every citation but the stray "§" eyecite calls unknown,
 * with its pin cite, its sentence, the authority on the record it names (through its own
 * identity, or through the earlier citation it points back to) and, for a full citation no
 * authority names, the authority staff could add. Citations with the same key are numbered in
 * order (`occurrence`), so a second "Id. at 65" is a second link. Pure.
 */
export function draftCites(text: string, found: readonly FoundCitation[], index: AuthorityIndex): CiteDraft[] {
  const resolved = resolveCitations(found, text);
  const protect = found.map(fullSpanOf);
  const seen = new Map<string, number>();
  return resolved.map(({ found: c, identity, resolved: known, pointsBack }) => {
    const pin = pinOf(c);
    const citeKey = citeKeyOf(c.kind, identity, pin);
    const occurrence = seen.get(citeKey) ?? 0;
    seen.set(citeKey, occurrence + 1);
    const authorityId = known && !isUnresolved(identity) ? (authorityFor(index, identity, pin) ?? null) : null;
    const [start, end] = fullSpanOf(c);
    return {
      citeKey,
      occurrence,
      kind: c.kind,
      citedText: text.slice(start, end).replace(/\s+/g, " ").trim(),
      pinCite: pin || null,
      sentence: sentenceAround(text, [start, end], protect),
      spanStart: start,
      spanEnd: end,
      authorityId,
      matchedBy: authorityId === null ? null : pointsBack ? "antecedent" : "citation",
      // Only a full citation can name an authority to add (a short form points at one), and only
      // when no authority on the record claims it: when two do, staff choose between them.
      proposed: authorityId === null && !pointsBack && !isClaimed(index, identity, pin) ? (proposeAuthority(c, identity) ?? null) : null,
    };
  });
}
