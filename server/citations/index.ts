/**
 * Citation extraction: `extractCitations(text)` finds the case citations (full, short, Id.,
 * supra, reference), statutes, court rules and law-journal articles in a filing's text. It follows
 * eyecite, the Free Law Project's extractor, over the reporters-db data in
 * `../shared/data/reporters-db/`; see README.md beside this file for what it returns and where it
 * differs. Pure: no database, no server; the reporter tables are built once, on first use.
 *
 * The docket-number parser lives beside it (`docket-number.ts`).
 */
import { toCitations } from "./convert";
import { parseCitations } from "./extract";
import { buildCitationExtractors } from "./extractors";
import { addCourtRules } from "./court-rules";
import { Tokenizer } from "./tokenizer";
import { type CourtMatcher, loadCourtMatcher } from "./courts";
import type { Citation } from "./types";

export type { Citation, CitationKind } from "./types";
export { parseDocketNumber, type DocketNumber } from "./docket-number";

let prepared: { tokenizer: Tokenizer; courts: CourtMatcher | undefined } | undefined;

/** Builds the reporter tables now rather than on the first extraction (a server may warm up at start). */
export function prepareCitationExtractor(): void {
  prepared ??= { tokenizer: new Tokenizer(buildCitationExtractors()), courts: loadCourtMatcher() };
}

/** Every citation in `text`, in the order eyecite lists them (by position, parallel cites kept). */
export function extractCitations(text: string): Citation[] {
  prepareCitationExtractor();
  const { tokenizer, courts } = prepared!;
  return addCourtRules(text, toCitations(parseCitations(text, tokenizer, courts), text));
}
