import { docIdPrefix } from "../pacer/court-prefixes";

/**
 * Which court a PACER file comes from, and what to call a court the tracker has not met yet.
 * Pure functions, no database.
 */

export type CourtFacts = { name: string; shortName: string; timeZone: string };

/**
 * Courts whose name, Bluebook abbreviation and time zone we state without guessing: the courts
 * of the litigation this tracker follows and their neighbours. Anything else gets the name the
 * document gives and DEFAULT_TIME_ZONE, with a note in the import report asking staff to check.
 */
export const KNOWN_COURTS: Record<string, CourtFacts> = {
  cand: { name: "U.S. District Court for the Northern District of California", shortName: "N.D. Cal.", timeZone: "America/Los_Angeles" },
  cacd: { name: "U.S. District Court for the Central District of California", shortName: "C.D. Cal.", timeZone: "America/Los_Angeles" },
  caed: { name: "U.S. District Court for the Eastern District of California", shortName: "E.D. Cal.", timeZone: "America/Los_Angeles" },
  casd: { name: "U.S. District Court for the Southern District of California", shortName: "S.D. Cal.", timeZone: "America/Los_Angeles" },
  dcd: { name: "U.S. District Court for the District of Columbia", shortName: "D.D.C.", timeZone: "America/New_York" },
  med: { name: "U.S. District Court for the District of Maine", shortName: "D. Me.", timeZone: "America/New_York" },
  mad: { name: "U.S. District Court for the District of Massachusetts", shortName: "D. Mass.", timeZone: "America/New_York" },
  nysd: { name: "U.S. District Court for the Southern District of New York", shortName: "S.D.N.Y.", timeZone: "America/New_York" },
  nyed: { name: "U.S. District Court for the Eastern District of New York", shortName: "E.D.N.Y.", timeZone: "America/New_York" },
  paed: { name: "U.S. District Court for the Eastern District of Pennsylvania", shortName: "E.D. Pa.", timeZone: "America/New_York" },
  mdd: { name: "U.S. District Court for the District of Maryland", shortName: "D. Md.", timeZone: "America/New_York" },
  vaed: { name: "U.S. District Court for the Eastern District of Virginia", shortName: "E.D. Va.", timeZone: "America/New_York" },
  ilnd: { name: "U.S. District Court for the Northern District of Illinois", shortName: "N.D. Ill.", timeZone: "America/Chicago" },
  txwd: { name: "U.S. District Court for the Western District of Texas", shortName: "W.D. Tex.", timeZone: "America/Chicago" },
  ord: { name: "U.S. District Court for the District of Oregon", shortName: "D. Or.", timeZone: "America/Los_Angeles" },
  wawd: { name: "U.S. District Court for the Western District of Washington", shortName: "W.D. Wash.", timeZone: "America/Los_Angeles" },
  wvsd: { name: "U.S. District Court for the Southern District of West Virginia", shortName: "S.D.W. Va.", timeZone: "America/New_York" },
  ca9: { name: "U.S. Court of Appeals for the Ninth Circuit", shortName: "9th Cir.", timeZone: "America/Los_Angeles" },
  cadc: { name: "U.S. Court of Appeals for the District of Columbia Circuit", shortName: "D.C. Cir.", timeZone: "America/New_York" },
};

/**
 * The zone given to a court outside KNOWN_COURTS: the tracker's home court's (N.D. Cal.). A
 * court's zone decides filing cut-offs, so the report tells staff to correct it.
 */
export const DEFAULT_TIME_ZONE = "America/Los_Angeles";

/** True for an id CM/ECF uses (`cand`, `nysd`, `ca9`…). */
export function isPacerCourtId(id: string): boolean {
  return docIdPrefix(id) !== undefined;
}

/** The court id a file name suggests: the stem up to the first "_" (`cand_7.html` → `cand`), if it is one. */
export function courtIdFromFileName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const stem = (base.split(".")[0] ?? "").split("_")[0]!.toLowerCase();
  return isPacerCourtId(stem) ? stem : null;
}

/**
 * The court whose CM/ECF server the document names most often: link hosts
 * (`ecf.cand.uscourts.gov`) and mail senders (`@almd.uscourts.gov`). Null when none is named
 * or two courts tie.
 */
export function courtIdFromDocument(text: string): string | null {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/(?:ecf\.|@)([a-z0-9]{2,6})\.uscourts\.gov/gi)) {
    const id = match[1]!.toLowerCase();
    if (isPacerCourtId(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0]![1] === ranked[1]![1])) return null;
  return ranked[0]![0];
}

const DIRECTIONS = "Northern|Southern|Eastern|Western|Middle|Central";

/**
 * The court's name as the document prints it, in the tracker's style ("U.S. District Court
 * for the Northern District of California"). Docket reports say "California Northern
 * District", NEFs "Northern District of Illinois - CM/ECF LIVE", RSS channels "Southern
 * District of West Virginia - Recent Entries". Null when the document does not say.
 */
export function courtNameFromDocument(text: string, courtId: string): string | null {
  const plain = text.replace(/<[^>]*>/g, "\n").replace(/&nbsp;/g, " ");
  const patterns = [
    new RegExp(`^\\s*([A-Z][A-Za-z .]+?)\\s+(${DIRECTIONS})\\s+District\\b`, "m"),
    new RegExp(`^\\s*(${DIRECTIONS})\\s+District\\s+of\\s+([A-Z][A-Za-z .]+?)\\s*(?:-|\\(|$)`, "m"),
    /^\s*District\s+of\s+([A-Z][A-Za-z .]+?)\s*(?:-|\(|$)/m,
  ];
  let district: string | null = null;
  const [stateFirst, directionFirst, plainDistrict] = patterns;
  const a = stateFirst!.exec(plain);
  const b = directionFirst!.exec(plain);
  const c = plainDistrict!.exec(plain);
  if (b) district = `${b[1]} District of ${b[2]!.trim()}`;
  else if (a && !/^(?:U\.?S\.?|United States)/.test(a[1]!)) district = `${a[2]} District of ${a[1]!.trim()}`;
  else if (c) district = `District of ${c[1]!.trim()}`;
  if (!district) return null;
  district = district
    // "District of New Hampshire Live Database", "… - CM/ECF LIVE": the system's name, not the court's.
    .replace(/\s+(?:live|database|cm\/ecf|nextgen|test|ver\b).*$/i, "")
    .replace(/\b[A-Z]{3,}\b/g, (word) => word.charAt(0) + word.slice(1).toLowerCase());
  const kind = /^[a-z]+b$/.test(courtId) ? "Bankruptcy" : "District";
  return `U.S. ${kind} Court for the ${district}`;
}
