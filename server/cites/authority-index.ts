import type { AUTHORITY_KINDS } from "../../db/schema";
import type { CitationExtractor, FoundCitation } from "./found";
import { identityOf, type Identity } from "./keys";

/*
 * Which authority on the record a citation names. Each authority's own citation is run through
 * the same extractor, so "Talley v. California, 362 U.S. 60 (1960)" on the record and
 * "Talley v. California, 362 U.S. 60, 64 (1960)" in a brief both name case/U.S./362/60. A
 * statute or rule on the record with a subsection ("8 U.S.C. § 1225(d)") is named by a citation
 * of that subsection or a finer one ("§ 1225(d)(4)"), not by a sibling ("§ 1225(e)"); the most
 * specific wins. Two authorities that claim the same citation name neither: the link is
 * proposed without one rather than guessed. Pure.
 */

export type AuthorityForIndex = { id: number; citation: string };
type Claim = { authorityId: number; pin: string };

export type AuthorityIndex = Map<Identity, Claim[]>;

export function buildAuthorityIndex(authorities: readonly AuthorityForIndex[], extract: CitationExtractor): AuthorityIndex {
  const index: AuthorityIndex = new Map();
  for (const authority of authorities) {
    for (const found of extract(authority.citation)) {
      const identity = identityOf(found, authority.citation);
      if (!identity) continue;
      const claims = index.get(identity) ?? [];
      const pin = found.kind === "law" ? (found.pinCite ?? "").trim() : "";
      if (!claims.some((c) => c.authorityId === authority.id && c.pin === pin)) claims.push({ authorityId: authority.id, pin });
      index.set(identity, claims);
    }
  }
  return index;
}

/** The authority a citation names, or undefined when none does or more than one claims it. */
export function authorityFor(index: AuthorityIndex, identity: Identity, pin: string): number | undefined {
  const claims = (index.get(identity) ?? []).filter((c) => c.pin === "" || pin.startsWith(c.pin));
  if (claims.length === 0) return undefined;
  const longest = Math.max(...claims.map((c) => c.pin.length));
  const best = new Set(claims.filter((c) => c.pin.length === longest).map((c) => c.authorityId));
  return best.size === 1 ? [...best][0] : undefined;
}

/** True when an authority on the record claims the citation (two may, and then neither is linked). */
export function isClaimed(index: AuthorityIndex, identity: Identity, pin: string): boolean {
  return (index.get(identity) ?? []).some((c) => c.pin === "" || pin.startsWith(c.pin));
}

export type ProposedAuthority = {
  citation: string;
  kind: (typeof AUTHORITY_KINDS)[number];
  shortName: string;
  court: string | null;
  year: number | null;
};

const COURT_WORDS: Record<string, string> = { scotus: "U.S. Supreme Court" };

/**
 * The authority staff could add for a full citation no authority on the record names, built
 * from what the extractor read (parties, reporter, court, year): a starting point for the
 * authority form, never saved without a person.
 */
export function proposeAuthority(found: FoundCitation, identity: Identity): ProposedAuthority | undefined {
  const year = found.year && /^\d{4}$/.test(found.year) ? Number(found.year) : null;
  if (found.kind === "case" && found.volume && found.reporter && found.page) {
    const parties = found.plaintiff && found.defendant ? `${found.plaintiff} v. ${found.defendant}` : null;
    const court = found.courtText ?? (found.court ? (COURT_WORDS[found.court] ?? null) : null);
    const parenthetical = [found.courtText, found.year].filter(Boolean).join(" ");
    const cite = `${found.volume} ${found.reporter} ${found.page}${parenthetical ? ` (${parenthetical})` : ""}`;
    return { citation: parties ? `${parties}, ${cite}` : cite, kind: "case", shortName: parties ?? cite, court, year };
  }
  if (found.kind === "journal" && found.volume && found.reporter && found.page) {
    const cite = `${found.volume} ${found.reporter} ${found.page}${found.year ? ` (${found.year})` : ""}`;
    return { citation: cite, kind: "journal", shortName: cite, court: null, year };
  }
  if (found.kind === "law" && found.reporter) {
    const [, , number = "", section = ""] = identity.split("/");
    const isRule = /\bR\.|L\.R\.|Rule/.test(found.reporter);
    const kind = isRule ? "rule" : /C\.F\.R\.|Fed\. Reg\./.test(found.reporter) ? "regulation" : "statute";
    const citation = isRule ? `${found.reporter} ${section}` : `${number !== "-" ? `${number} ` : ""}${found.reporter} § ${section}`;
    return { citation, kind, shortName: citation, court: null, year: null };
  }
  return undefined;
}
