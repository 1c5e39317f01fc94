import type { FoundCitation } from "./found";

/*
 * What a citation names, as a string two extractions of the same text agree on, and an
 * authority's citation run through the same extractor agrees with:
 *
 *   case/U.S./362/60            a case by volume, reporter and first page
 *   law/U.S.C./8/1225           a statute by code, title and section (subsections are the pin)
 *   law/Fed. R. Civ. P./-/45    a rule by rule set and number
 *   journal/Colum. L. Rev./75/559
 *
 * Only the canonical reporter is compared, never the text as printed, so "U. S." and "U.S."
 * name one case. Pure.
 */

export type Identity = string;

const SEP = " | ";

/** A section as printed after "§" ("162.1d"), which reporters-db reads only up to its letter ("162"). */
function printedSection(found: FoundCitation, text: string): string | undefined {
  if (!found.section) return undefined;
  const [start, end] = found.fullSpan ?? found.span;
  const m = /§§?\s*([0-9][0-9A-Za-z.-]*)/.exec(text.slice(start, end));
  const printed = m?.[1]?.replace(/[.-]+$/, "");
  return printed && printed.startsWith(found.section) ? printed : found.section;
}

/** The identity of a full citation, or undefined for a kind that points back to another (short forms, Id., supra, references). */
export function identityOf(found: FoundCitation, text: string): Identity | undefined {
  switch (found.kind) {
    case "case":
    case "journal":
      return found.volume && found.reporter && found.page ? [found.kind, found.reporter, found.volume, found.page].join("/") : undefined;
    case "law": {
      const section = printedSection(found, text);
      return found.reporter && section ? ["law", found.reporter, found.title ?? found.chapter ?? "-", section].join("/") : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The pin cite as the link keeps it. A statute's pin is its subsections; for a section printed
 * with a letter ("§ 162.1d") the letters are part of the section, not a pin.
 */
export function pinOf(found: FoundCitation): string {
  return (found.pinCite ?? "").trim();
}

/** The key a stored link is found by on the next extraction: its kind, what it names, and its pin. */
export function citeKeyOf(kind: string, identity: Identity, pin: string): string {
  return [kind, identity, pin].join(SEP);
}

export function parseCiteKey(key: string): { kind: string; identity: Identity; pin: string } {
  const [kind = "", identity = "", ...rest] = key.split(SEP);
  return { kind, identity, pin: rest.join(SEP) };
}

/** A citation no earlier citation in the filing explains ("Id." at the very start): named by its own words. */
export function unresolvedIdentity(found: FoundCitation, text: string): Identity {
  const words = (found.matchedText ?? text.slice(...found.span)).replace(/\s+/g, " ").trim();
  return `unresolved/${words}`;
}

export const isUnresolved = (identity: Identity) => identity.startsWith("unresolved/");
