/** The working records turned into the module's `Citation` shape, empty fields left out. */
import { fullSpanOf, type ParsedCitation, spanOf } from "./parsed";
import type { Citation } from "./types";

function set<K extends keyof Citation>(target: Citation, key: K, value: Citation[K] | undefined): void {
  if (value !== undefined && value !== "") target[key] = value;
}

export function toCitation(c: ParsedCitation, text: string): Citation {
  const span = spanOf(c);
  const citation: Citation = { kind: c.kind, span, fullSpan: fullSpanOf(c), matchedText: text.slice(span[0], span[1]) };
  if (c.kind === "case" || c.kind === "shortCase" || c.kind === "law" || c.kind === "journal") {
    set(citation, "volume", c.groups.volume);
    set(citation, "reporter", c.editionGuess?.shortName ?? c.groups.reporter);
    if (!c.editionGuess) {
      const candidates = [...new Set((c.exactEditions.length ? c.exactEditions : c.variationEditions).map((e) => e.shortName))];
      if (candidates.length > 1) citation.editions = candidates;
    }
    set(citation, "page", c.groups.page);
    set(citation, "title", c.groups.title);
    set(citation, "chapter", c.groups.chapter);
    set(citation, "section", c.groups.section);
  }
  set(citation, "pinCite", c.meta.pinCite);
  set(citation, "year", c.meta.year);
  set(citation, "court", c.meta.court);
  set(citation, "courtText", c.meta.courtText);
  if (c.kind !== "shortCase") {
    set(citation, "plaintiff", c.meta.plaintiff);
    set(citation, "defendant", c.meta.defendant);
  }
  set(citation, "parenthetical", c.meta.parenthetical);
  set(citation, "antecedent", c.meta.antecedent);
  return citation;
}

export const toCitations = (parsed: ParsedCitation[], text: string): Citation[] => parsed.map((c) => toCitation(c, text));
