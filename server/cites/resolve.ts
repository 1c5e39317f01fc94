import type { FoundCitation } from "./found";
import { identityOf, unresolvedIdentity, type Identity } from "./keys";

/**
 * What each citation of a filing names. A full citation names itself; the others point back,
 * and are resolved only against the citations before them in the same filing, as a reader
 * resolves them: a short form ("514 U.S. at 357") to the full cite of that volume and reporter
 * whose first page is at or below its page, "Id." to the citation just before, "supra" and a
 * reference to the one full cite whose parties carry the name. Anything else stays unresolved:
 * it is proposed to staff as it is, never guessed. `unknown` citations (a stray "§") are left out.
 * Pure.
 */
export type ResolvedCitation = { found: FoundCitation; identity: Identity; resolved: boolean; pointsBack: boolean };

type Full = { found: FoundCitation; identity: Identity };

const pageNumber = (page: string | undefined) => (page && /^\d+$/.test(page) ? Number(page) : undefined);

function nameMatches(name: string, party: string | undefined): boolean {
  if (!party) return false;
  const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return escaped !== "" && new RegExp(`(^|\\W)${escaped}(\\W|$)`, "i").test(party);
}

function byShortForm(fulls: Full[], short: FoundCitation): Full | undefined {
  const page = pageNumber(short.page);
  const candidates = fulls.filter(
    (f) =>
      f.found.kind === "case" &&
      f.found.reporter === short.reporter &&
      f.found.volume === short.volume &&
      (page === undefined || (pageNumber(f.found.page) ?? Infinity) <= page),
  );
  if (page === undefined) return new Set(candidates.map((c) => c.identity)).size === 1 ? candidates[0] : undefined;
  return candidates.reduce<Full | undefined>(
    (best, f) => (!best || (pageNumber(f.found.page) ?? 0) > (pageNumber(best.found.page) ?? 0) ? f : best),
    undefined,
  );
}

function byName(fulls: Full[], name: string | undefined): Full | undefined {
  if (!name) return undefined;
  const candidates = fulls.filter(
    (f) => f.found.kind === "case" && (nameMatches(name, f.found.plaintiff) || nameMatches(name, f.found.defendant)),
  );
  if (candidates.length === 0) return undefined;
  // Parallel cites of one case share its parties: they are one case, and the first names it.
  const parties = new Set(candidates.map((c) => `${c.found.plaintiff ?? ""} v. ${c.found.defendant ?? ""}`.toLowerCase()));
  return parties.size === 1 ? candidates[0] : undefined;
}

export function resolveCitations(found: readonly FoundCitation[], text: string): ResolvedCitation[] {
  const fulls: Full[] = [];
  const out: ResolvedCitation[] = [];
  for (const citation of found) {
    if (citation.kind === "unknown") continue;
    const own = identityOf(citation, text);
    if (own) {
      fulls.push({ found: citation, identity: own });
      out.push({ found: citation, identity: own, resolved: true, pointsBack: false });
      continue;
    }
    let target: Identity | undefined;
    if (citation.kind === "shortCase") target = byShortForm(fulls, citation)?.identity;
    else if (citation.kind === "id") {
      const previous = out[out.length - 1];
      target = previous?.resolved ? previous.identity : undefined;
    } else if (citation.kind === "supra") target = byName(fulls, citation.antecedent)?.identity;
    else if (citation.kind === "reference")
      target = (byName(fulls, citation.plaintiff) ?? byName(fulls, citation.defendant) ?? byName(fulls, citation.antecedent))?.identity;
    out.push({ found: citation, identity: target ?? unresolvedIdentity(citation, text), resolved: target !== undefined, pointsBack: true });
  }
  return out;
}
