import type { Db } from "../../db/client";
import { loadPublicArguments, type PublicArgument } from "../arguments/loaders";
import { loadAuthoritySummaries, type AuthoritySummary } from "../authorities/loaders";
import { compareAuthorities } from "../authorities/rank";
import { toPublic, type PublicRecord } from "../privacy/projection";
import { createSourcesRepository } from "../sources/repository";
import { refKey, type Citation, type ConflictRef } from "../sources/markers";
import { createDoctrinesRepository } from "./repository";
import { doctrineOfTag, parseTags } from "../shared/doctrine-tags";

export type DoctrineSummary = {
  doctrine: PublicRecord<"doctrine">;
  tags: string[];
  /** Its authorities, leading ones first (server/authorities/rank.ts). */
  authorities: AuthoritySummary[];
  /** Public arguments whose tag it gathers. */
  arguments: PublicArgument[];
  citations: Citation[];
  conflicts: ConflictRef[];
};

/**
 * Every doctrine with its authorities and the arguments tagged with it. An authority belongs
 * to each doctrine one of its tags names; an argument to the first doctrine (by position) that
 * gathers its tag, so no argument is counted twice.
 */
export function loadDoctrines(db: Db): DoctrineSummary[] {
  const rows = createDoctrinesRepository(db).list();
  const authorities = loadAuthoritySummaries(db);
  const args = loadPublicArguments(db);
  const sources = createSourcesRepository(db);
  const refs = rows.map((r) => ({ type: "doctrine" as const, id: r.id }));
  const citations = sources.citationsFor(refs);
  const conflicts = sources.conflictsFor(refs);
  return rows.map((row) => {
    // Tags as the public may see them (redacted like any text), so the page never prints a raw one.
    const doctrine = toPublic("doctrine", row);
    const tags = parseTags(doctrine.tags);
    return {
      doctrine,
      tags,
      authorities: authorities
        .filter((a) => parseTags(a.authority.doctrineTags).some((t) => tags.includes(t)))
        .sort((a, b) => compareAuthorities(a.authority, b.authority)),
      arguments: args.filter((a) => doctrineOfTag(rows, a.argument.doctrineTag)?.id === row.id),
      citations: citations.get(refKey("doctrine", row.id)) ?? [],
      conflicts: conflicts.get(refKey("doctrine", row.id)) ?? [],
    };
  });
}

export function loadDoctrine(db: Db, slug: string): DoctrineSummary | undefined {
  return loadDoctrines(db).find((d) => d.doctrine.slug === slug);
}

/** Argument tags no doctrine gathers: shown on /doctrine so a mistyped tag is not lost from view. */
export function untaggedArguments(db: Db): PublicArgument[] {
  const rows = createDoctrinesRepository(db).list();
  return loadPublicArguments(db).filter((a) => !doctrineOfTag(rows, a.argument.doctrineTag));
}
