/**
 * The extraction pass, in eyecite's order: tokenize; for each token build its citation (full
 * case, law or journal; short form; Id.; supra; a stray section sign); look for reference
 * citations after each full case cite; then order and prune the list.
 */
import { findCaseName } from "./case-name";
import { filterCitations } from "./filter";
import { addJournalMetadata, addLawMetadata, addPostCitation, addPreCitation, extractPinCite, guessCourt, guessEdition } from "./metadata";
import { newCitation, type ParsedCitation, type ParsedKind } from "./parsed";
import { SUPRA_ANTECEDENT } from "./patterns";
import { referenceCitations } from "./references";
import { namedGroup } from "./regex-templates";
import { matchOnTokens } from "./token-matching";
import type { Tokenizer } from "./tokenizer";
import type { CourtMatcher } from "./courts";
import type { Token, Word } from "./tokens";

function fullCitation(token: Token, index: number, words: Word[], courts: CourtMatcher | undefined): ParsedCitation {
  const sources = new Set((token.exactEditions.length ? token.exactEditions : token.variationEditions).map((e) => e.reporter.source));
  const kind: ParsedKind = sources.has("reporters") ? "case" : sources.has("laws") ? "law" : "journal";
  const citation = newCitation(kind, token, index);
  if (kind === "case") {
    addPostCitation(citation, words, courts);
    findCaseName(citation, words, false);
    addPreCitation(citation, words);
    guessCourt(citation, courts);
  } else if (kind === "law") {
    addLawMetadata(citation, words);
  } else {
    addJournalMetadata(citation, words);
  }
  guessEdition(citation);
  return citation;
}

function shortCitation(token: Token, index: number, words: Word[], courts: CourtMatcher | undefined): ParsedCitation {
  const { pinCite, spanEnd, parenthetical } = extractPinCite(words, index, token.groups.page ?? "");
  const citation = newCitation("shortCase", token, index, { spanEnd, fullSpanEnd: Math.max(spanEnd, token.end) });
  citation.meta.pinCite = pinCite;
  citation.meta.parenthetical = parenthetical;
  findCaseName(citation, words, true);
  guessEdition(citation);
  guessCourt(citation, courts);
  return citation;
}

function idCitation(token: Token, index: number, words: Word[]): ParsedCitation {
  const { pinCite, spanEnd, parenthetical } = extractPinCite(words, index);
  const citation = newCitation("id", token, index, { spanEnd });
  citation.meta.pinCite = pinCite;
  citation.meta.parenthetical = parenthetical;
  return citation;
}

function supraCitation(token: Token, index: number, words: Word[]): ParsedCitation {
  const { pinCite, spanEnd, parenthetical } = extractPinCite(words, index);
  const m = matchOnTokens(words, index - 1, SUPRA_ANTECEDENT, { stringsOnly: true, forward: false });
  const antecedentLength = m ? m[0].length : 0;
  const citation = newCitation("supra", token, index, {
    spanEnd,
    fullSpanStart: token.start - antecedentLength,
    fullSpanEnd: spanEnd || token.end,
  });
  citation.meta.pinCite = pinCite;
  citation.meta.parenthetical = parenthetical;
  if (m) {
    citation.meta.antecedent = namedGroup(m.groups, "antecedent");
    citation.meta.volume = namedGroup(m.groups, "volume");
  }
  return citation;
}

/** When two full case cites share a start (or both lack a case name), the later is taken as parallel. */
function inheritFromParallel(citation: ParsedCitation, preceding: ParsedCitation): void {
  if (citation.fullSpanStart !== preceding.fullSpanStart) return;
  citation.meta.defendant = preceding.meta.defendant;
  citation.meta.plaintiff = preceding.meta.plaintiff;
  citation.meta.year = preceding.meta.year;
  citation.year = preceding.year;
}

export function parseCitations(text: string, tokenizer: Tokenizer, courts?: CourtMatcher): ParsedCitation[] {
  const { words, citationTokens } = tokenizer.tokenize(text);
  const citations: ParsedCitation[] = [];
  for (const [index, token] of citationTokens) {
    let citation: ParsedCitation;
    if (token.kind === "citation") {
      if (token.short) {
        citation = shortCitation(token, index, words, courts);
      } else {
        citation = fullCitation(token, index, words, courts);
        const preceding = citations[citations.length - 1];
        if (citation.kind === "case" && preceding?.kind === "case") inheritFromParallel(citation, preceding);
        if (citation.kind === "case") citations.push(...referenceCitations(citation, text));
      }
    } else if (token.kind === "id") {
      citation = idCitation(token, index, words);
    } else if (token.kind === "supra") {
      citation = supraCitation(token, index, words);
    } else if (token.kind === "section") {
      citation = newCitation("unknown", token, index);
    } else {
      continue;
    }
    citations.push(citation);
  }
  return filterCitations(citations);
}
