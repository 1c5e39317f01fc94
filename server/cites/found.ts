import type { CITE_KINDS } from "../../db/schema";

/**
 * A citation as the extractor in server/citations returns it (`extractCitations(text)`), in
 * the fields this folder reads. The extractor's own type is a superset, so its results pass
 * here as they are; keeping the shape here lets the linking rules be tested on their own.
 */
export type FoundCitation = {
  kind: (typeof CITE_KINDS)[number];
  /** [start, end) of what identified the citation ("362 U.S. 60", "Id. at 65"). */
  span: [number, number];
  /** [start, end) of the whole citation, case name to closing parenthetical, when found. */
  fullSpan?: [number, number];
  matchedText?: string;
  volume?: string;
  /** Canonical reporter, code or rule set ("U.S.", "U.S.C.", "Fed. R. Civ. P."). */
  reporter?: string;
  page?: string;
  pinCite?: string;
  year?: string;
  court?: string;
  courtText?: string;
  plaintiff?: string;
  defendant?: string;
  parenthetical?: string;
  /** For short forms and supra: the name before the cite ("Talley"). */
  antecedent?: string;
  title?: string;
  chapter?: string;
  section?: string;
};

/** The citations of a text, in order: what `extractCitations` is to this folder. */
export type CitationExtractor = (text: string) => FoundCitation[];
