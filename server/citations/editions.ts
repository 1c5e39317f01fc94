/** Reporters, codes and journals as eyecite models them: an edition belongs to a reporter. */

export type Source = "reporters" | "laws" | "journals";

export type Reporter = {
  /** The reporters-db key (`U.S.`, `F.`, `U.S.C.`). */
  shortName: string;
  name: string;
  citeType: string;
  source: Source;
  /** A Supreme Court reporter: its citations are to `scotus` when no court is named. */
  isScotus: boolean;
};

export type Edition = {
  reporter: Reporter;
  /** The canonical abbreviation (`F.3d`, `U.S.`, `Tex. Code Ann.`). */
  shortName: string;
  startYear: number | null;
  endYear: number | null;
};

export function makeReporter(shortName: string, name: string, citeType: string, source: Source): Reporter {
  const isScotus = (citeType === "federal" && name.toLowerCase().includes("supreme")) || citeType.toLowerCase().includes("scotus");
  return { shortName, name, citeType, source, isScotus };
}

/** reporters-db dates are ISO strings (`1875-01-01T00:00:00`) or null; only the year matters. */
export function yearOf(date: string | null | undefined): number | null {
  if (!date) return null;
  const year = Number.parseInt(date.slice(0, 4), 10);
  return Number.isFinite(year) ? year : null;
}

/** Whether the edition was publishing in `year` (never for a year still to come). */
export function editionIncludesYear(edition: Edition, year: number, now = new Date()): boolean {
  return (
    year <= now.getFullYear() &&
    (edition.startYear === null || edition.startYear <= year) &&
    (edition.endYear === null || edition.endYear >= year)
  );
}
