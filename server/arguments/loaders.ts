import type { Db } from "../../db/client";
import { doctrineOfTag } from "../shared/doctrine-tags";
import { toPublic, toPublicEntry, type PublicRecord } from "../privacy/projection";
import { createSourcesRepository } from "../sources/repository";
import { refKey, type Citation, type ConflictRef, type RecordRef } from "../sources/markers";
import { createArgumentsRepository, type ArgumentFilter } from "./repository";

/** One argument as the public sees it, with the motion and filing it is made in and who made it. */
export type PublicArgument = {
  argument: PublicRecord<"argument">;
  motion: PublicRecord<"motion"> | null;
  entry: PublicRecord<"entry"> | null;
  case: PublicRecord<"case">;
  /** The party the sources say made it; null when they name none. */
  party: PublicRecord<"party"> | null;
  /** The motion's movants, who made it when no party is named. */
  movants: PublicRecord<"party">[];
  authorities: PublicRecord<"authority">[];
  /** The doctrine that gathers its tag; null for a tag no doctrine gathers. */
  doctrine: Pick<PublicRecord<"doctrine">, "slug" | "title"> | null;
  citations: Citation[];
  conflicts: ConflictRef[];
};

/**
 * Public arguments (server/arguments/repository.ts says which), through the projection, with
 * the sources behind each and its doctrine, in a fixed number of queries.
 */
export function loadPublicArguments(db: Db, filter: ArgumentFilter = {}): PublicArgument[] {
  const repo = createArgumentsRepository(db);
  const rows = repo.list(filter);
  if (rows.length === 0) return [];
  const parties = new Map(repo.parties(rows.map((r) => r.argument.partyId)).map((p) => [p.id, p]));
  const movants = repo.movants(rows.map((r) => r.argument.motionId));
  const authorities = repo.authorities(rows.map((r) => r.argument.id));
  const doctrines = repo.doctrines().map((d) => toPublic("doctrine", d));
  const refs: RecordRef[] = rows.map((r) => ({ type: "argument" as const, id: r.argument.id }));
  const sources = createSourcesRepository(db);
  const citations = sources.citationsFor(refs);
  const conflicts = sources.conflictsFor(refs);
  return rows.map((r) => {
    const party = r.argument.partyId !== null ? parties.get(r.argument.partyId) : undefined;
    return {
      argument: toPublic("argument", r.argument),
      motion: r.motion ? toPublic("motion", r.motion) : null,
      entry: r.entry ? toPublicEntry(r.entry) : null,
      case: toPublic("case", r.kase),
      // A party of another case would be a data error; it is not shown as the maker.
      party: party && party.caseId === r.kase.id ? toPublic("party", party) : null,
      movants: movants.filter((mv) => mv.motionId === r.argument.motionId).map((mv) => toPublic("party", mv.party)),
      authorities: authorities.filter((a) => a.argumentId === r.argument.id).map((a) => toPublic("authority", a.authority)),
      doctrine: ((d) => (d ? { slug: d.slug, title: d.title } : null))(doctrineOfTag(doctrines, r.argument.doctrineTag)),
      citations: citations.get(refKey("argument", r.argument.id)) ?? [],
      conflicts: conflicts.get(refKey("argument", r.argument.id)) ?? [],
    };
  });
}
