import type { Db } from "../../db/client";
import { loadPublicArguments, type PublicArgument } from "../arguments/loaders";
import { loadCitingFilings, type CitingFiling } from "../cites/loaders";
import { doctrinesOfTags, parseTags } from "../shared/doctrine-tags";
import { createArgumentsRepository } from "../arguments/repository";
import { toPublic, type PublicRecord } from "../privacy/projection";
import { createSourcesRepository } from "../sources/repository";
import { refKey, type Citation, type ConflictRef } from "../sources/markers";
import { createAuthoritiesRepository } from "./repository";

export type DoctrineRef = Pick<PublicRecord<"doctrine">, "slug" | "title">;

export type AuthoritySummary = {
  authority: PublicRecord<"authority">;
  doctrines: DoctrineRef[];
  /** Tags of the authority no doctrine gathers ("redaction"). */
  otherTags: string[];
  /** Filings (documents) in the cluster whose confirmed citations name it. */
  filingCount: number;
  /** Public arguments that cite it. */
  argumentCount: number;
  citations: Citation[];
  conflicts: ConflictRef[];
};

export type PublicAuthority = AuthoritySummary & {
  /** Every filing and order citing it, with the pin cite and sentence of each citation. */
  filings: CitingFiling[];
  arguments: PublicArgument[];
};

type AuthorityRow = ReturnType<ReturnType<typeof createAuthoritiesRepository>["list"]>[number];

function summarise(db: Db, rows: AuthorityRow[], filings: CitingFiling[], args: PublicArgument[]): AuthoritySummary[] {
  const doctrines = createArgumentsRepository(db)
    .doctrines()
    .map((d) => toPublic("doctrine", d));
  const sources = createSourcesRepository(db);
  const refs = rows.map((r) => ({ type: "authority" as const, id: r.id }));
  const citations = sources.citationsFor(refs);
  const conflicts = sources.conflictsFor(refs);
  return rows.map((row) => {
    const authority = toPublic("authority", row);
    const tagged = doctrinesOfTags(doctrines, parseTags(authority.doctrineTags));
    return {
      authority,
      doctrines: tagged.doctrines.map((d) => ({ slug: d.slug, title: d.title })),
      otherTags: tagged.otherTags,
      filingCount: filings.filter((f) => f.cites.some((c) => c.authority.id === row.id)).length,
      argumentCount: args.filter((a) => a.authorities.some((au) => au.id === row.id)).length,
      citations: citations.get(refKey("authority", row.id)) ?? [],
      conflicts: conflicts.get(refKey("authority", row.id)) ?? [],
    };
  });
}

/** Every live authority with its doctrines and how often the cluster cites it, sorted by short name. */
export function loadAuthoritySummaries(db: Db): AuthoritySummary[] {
  const rows = createAuthoritiesRepository(db).list();
  return summarise(db, rows, loadCitingFilings(db), loadPublicArguments(db));
}

/** One authority with every filing, order and argument that cites it; undefined for an unknown slug. */
export function loadPublicAuthority(db: Db, slug: string): PublicAuthority | undefined {
  const row = createAuthoritiesRepository(db).findBySlug(slug);
  if (!row) return undefined;
  const filings = loadCitingFilings(db, { authorityId: row.id });
  const args = loadPublicArguments(db, { authorityId: row.id });
  return { ...summarise(db, [row], filings, args)[0]!, filings, arguments: args };
}
