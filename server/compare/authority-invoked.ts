import { authorityFor, buildAuthorityIndex } from "../cites/authority-index";
import { citationExtractor } from "../cites/extractor";
import { identityOf, pinOf } from "../cites/keys";

/**
 * The authority on the record a demand's statute names ("19 U.S.C. § 1509" on a summons names
 * the § 1509 authority), matched the way a filing's citations are (server/cites): the statute
 * is read by the extractor, never compared as a string. Undefined when none, or two, claim it.
 */
export function authorityInvokedFinder<A extends { id: number; citation: string }>(authorities: A[]) {
  const index = buildAuthorityIndex(authorities, citationExtractor);
  const byId = new Map(authorities.map((a) => [a.id, a]));
  return (statute: string | null): A | undefined => {
    if (!statute) return undefined;
    for (const found of citationExtractor(statute)) {
      const identity = identityOf(found, statute);
      if (!identity) continue;
      const id = authorityFor(index, identity, pinOf(found));
      if (id !== undefined) return byId.get(id);
    }
    return undefined;
  };
}
