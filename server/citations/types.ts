/**
 * What the citation extractor returns. The kinds mirror eyecite's classes (the Free Law
 * Project's extractor, which CourtListener runs), so a citation found here means what it
 * means there:
 *
 * | kind        | eyecite class        | example                                   |
 * |-------------|----------------------|-------------------------------------------|
 * | `case`      | FullCaseCitation     | `Talley v. California, 362 U.S. 60 (1960)` |
 * | `shortCase` | ShortCaseCitation    | `Talley, 362 U.S., at 64`                 |
 * | `id`        | IdCitation           | `Id. at 65`, `Ibid.`                      |
 * | `supra`     | SupraCitation        | `Highfields, supra, at 975`               |
 * | `law`       | FullLawCitation      | `19 U.S.C. § 1509`, `Fed. R. Civ. P. 45(d)(3)` |
 * | `journal`   | FullJournalCitation  | `75 Colum. L. Rev. 559`                   |
 * | `reference` | ReferenceCitation    | `Amick at 795` (a party name and a pin cite, after the full cite) |
 * | `unknown`   | UnknownCitation      | a bare `§ 99` that is no known statute    |
 */
export type CitationKind = "case" | "shortCase" | "id" | "supra" | "law" | "journal" | "reference" | "unknown";

export type Citation = {
  kind: CitationKind;
  /** `[start, end)` string offsets in the text of what identified the citation (`362 U.S. 60`, `Id. at 65`). */
  span: [number, number];
  /**
   * `[start, end)` of the whole citation as eyecite bounds it: from the case name (when found)
   * to the closing court-and-year parenthetical or pin cite. Equal to `span` when nothing more
   * was found. Use it to quote "the sentence a citation appears in".
   */
  fullSpan: [number, number];
  /** `text.slice(span[0], span[1])`. */
  matchedText: string;
  /** Volume as printed (`362`); for neutral cites the year (`2006` in `2006-Ohio-2095`). */
  volume?: string;
  /**
   * The canonical abbreviation of the reporter, code, rule set or journal (`U.S.`, `F. Supp. 2d`,
   * `U.S.C.`, `Fed. R. Civ. P.`), corrected from the variant printed (`U. S.`, `F.Supp.2d`).
   * When the printed form fits several editions and the year cannot choose between them, the
   * text as printed; `editions` then lists the candidates.
   */
  reporter?: string;
  /** Every canonical edition the printed reporter could mean, when there is more than one. */
  editions?: string[];
  /** First page, or paragraph for services (`12,345`); absent for a blank page (`570 U.S. ___`). */
  page?: string;
  /** Pin cite as written after the page or short form (`337`, `280, n. 6`, `at 62-63`, `(d)(3)`). */
  pinCite?: string;
  /** Year of decision or of the code edition (`1960`). */
  year?: string;
  /** CourtListener's court id, where eyecite derives one without courts-db (`scotus` from a Supreme Court reporter). */
  court?: string;
  /** The court as written in the closing parenthetical (`9th Cir.`, `N.D. Cal.`), for matching by the caller. */
  courtText?: string;
  plaintiff?: string;
  defendant?: string;
  /** The explanatory parenthetical that follows (`holding that …`), without its parentheses. */
  parenthetical?: string;
  /** For short forms and supra: the word before the cite that names the case it points back to (`Talley`). */
  antecedent?: string;
  /** For statutes and rules: the title (`19` in `19 U.S.C. § 1509`). */
  title?: string;
  /** For statutes: the chapter (`1` in `Mass. Gen. Laws ch. 1, § 2`). */
  chapter?: string;
  /** For statutes and rules: the section or rule number (`1509`, `45`, `7-2`). */
  section?: string;
};
