import { PY_WS } from "./strings";
import type { DocketNumberParts } from "./types";

/**
 * Docket numbers the way juriscraper reads them out of PACER headers, RSS titles and NEF
 * tables: the short number (`3:08-cv-00159`, `17-80033`, `MDL No. 2168`) plus the pieces of the
 * full one (`3:08-cv-00159-WHA-DMS-1`). `server/citations/docket-number.ts` answers a different
 * question (matching a typed number to a case), so these rules live here, next to the parsers
 * whose output they must match.
 */

const DISTRICT = /(?<!\d)((\d{1,2}:)?\d\d-[a-zA-Z]{1,5}-\d{1,10})/;
const BANKRUPTCY = new RegExp(`(?:#:[${PY_WS}]+)?((\\d-)?\\d\\d-\\d*)`);
const JPML = new RegExp(`(MDL No.[${PY_WS}]+\\d*)`);
const APPELLATE = /(\d\d-\d+)/;

// office:yy-type-nnnnn[-JUDGE[-REFERRED]][-defendant], e.g. 3:20-cr-00070-TKW-MAL-1.
const DISTRICT_PARTS =
  /(?<office>\d):\d{2}-(?<type>[a-zA-Z0-9]{1,5}|~gr)-\d{5}(?:-(?<assigned>N\/A|P1|[a-zA-Z_]{1,5}))?(?:-(?<referred>[a-zA-Z_]{1,5}))?(?:-(?<defendant>\d{1,3}))?/;
// Bankruptcy: 10-01083-8-RDD (office after the serial), 3:20-bk-00070-TKW, or 02-00017-LMK.
const BANKRUPTCY_PARTS =
  /\d{2}-\d{5}-(?<altOffice>\d)-(?<altAssigned>[a-zA-Z]{2,4})|(?:(?<office>\d):\d{2}-(?<type>[a-zA-Z0-9]{1,5}|~gr)-\d{5}|\d{2}-\d{5})(?:-(?<assigned>N\/A|P1|[a-zA-Z_]{1,5}))?/;

export const NO_DOCKET_NUMBER_PARTS: DocketNumberParts = Object.freeze({
  federal_dn_office_code: null,
  federal_dn_case_type: null,
  federal_dn_judge_initials_assigned: null,
  federal_dn_judge_initials_referred: null,
  federal_defendant_number: null,
});

/** The pieces of the full number found in `s` (all null when it does not look like one). */
export function docketNumberParts(s: string, bankruptcy: boolean): DocketNumberParts {
  const groups = (bankruptcy ? BANKRUPTCY_PARTS : DISTRICT_PARTS).exec(s)?.groups;
  if (!groups) return { ...NO_DOCKET_NUMBER_PARTS };
  const alternative = groups.altOffice !== undefined;
  return {
    federal_dn_office_code: (alternative ? groups.altOffice : groups.office) ?? null,
    federal_dn_case_type: groups.type ?? null,
    federal_dn_judge_initials_assigned: (alternative ? groups.altAssigned : groups.assigned) ?? null,
    federal_dn_judge_initials_referred: groups.referred ?? null,
    federal_defendant_number: groups.defendant ?? null,
  };
}

export type CourtKind = "district" | "bankruptcy" | "appellate";

/** Juriscraper's rule: a court id ending in "b" is a bankruptcy court. */
export function isBankruptcyCourt(courtId: string): boolean {
  return courtId.endsWith("b");
}

/** Appellate courts: `ca1`…`ca11`, `cadc`, `cafc`, `cavc`. */
export function isAppellateCourt(courtId: string): boolean {
  return /\d$/.test(courtId) || courtId === "cadc" || courtId === "cafc" || courtId === "cavc";
}

function patternsFor(kind: CourtKind, jpml: boolean): RegExp[] {
  if (kind === "bankruptcy") return [DISTRICT, BANKRUPTCY];
  if (kind === "appellate") return [APPELLATE];
  return jpml ? [DISTRICT, JPML] : [DISTRICT];
}

export type ParsedDocketNumber = { docketNumber: string | null; parts: DocketNumberParts };

/**
 * The first docket number found in `candidates` (each pattern is tried on every candidate
 * before the next pattern), with the parts of the candidate it came from.
 *
 * `withJpml` adds the "MDL No. 2168" form, which docket reports accept and RSS feeds do not.
 */
export function findDocketNumber(candidates: string[], kind: CourtKind, withJpml = false): ParsedDocketNumber {
  for (const pattern of patternsFor(kind, withJpml)) {
    for (const s of candidates) {
      const m = pattern.exec(s);
      if (m) return { docketNumber: m[1]!, parts: docketNumberParts(s, kind === "bankruptcy") };
    }
  }
  return { docketNumber: null, parts: { ...NO_DOCKET_NUMBER_PARTS } };
}
