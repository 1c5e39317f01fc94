import { and, asc, eq, exists, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { bindList, placeholderList, preparedQuery } from "../records/prepared";
import { publicCase, publicRow } from "../records/public-scope";

export type ArgumentFilter = {
  ids?: number[];
  motionIds?: number[];
  caseId?: number;
  /** Doctrine tags, any of them. */
  tags?: string[];
  /** Arguments that cite this authority. */
  authorityId?: number;
  /** "staff" also finds the arguments of a live case not yet public, for the preview of its docket. */
  reader?: "public" | "staff";
};

const a = s.argumentsTable;
const m = s.motions;
const e = s.docketEntries;

function selectArguments(db: Db, where: SQL | undefined) {
  return db
    .select({ argument: a, motion: m, entry: e, kase: s.cases })
    .from(a)
    .leftJoin(m, eq(m.id, a.motionId))
    .leftJoin(e, eq(e.id, a.entryId))
    .innerJoin(s.cases, eq(s.cases.id, sql`coalesce(${m.caseId}, ${e.caseId})`))
    .where(where)
    .orderBy(asc(s.cases.position), asc(s.cases.id), asc(m.id), asc(a.id));
}

function prepareQueries(db: Db, conditions: (filter: ArgumentFilter) => SQL[]) {
  const byCase = (reader: "public" | "staff") =>
    selectArguments(db, and(...conditions({ reader }), eq(s.cases.id, sql.placeholder("caseId")))).prepare();
  return {
    public: byCase("public"),
    staff: byCase("staff"),
    doctrines: db
      .select()
      .from(s.doctrines)
      .where(publicRow(s.doctrines))
      .orderBy(asc(s.doctrines.position), asc(s.doctrines.id))
      .prepare(),
  };
}

const prepared = new WeakMap<Db, ReturnType<typeof prepareQueries>>();

/**
 * What every docket page asks (one case's arguments, the doctrines), built and prepared once
 * per database: drizzle builds a query's SQL again on every call, which was a tenth of the
 * page's render.
 */
function preparedQueries(db: Db, conditions: (filter: ArgumentFilter) => SQL[]) {
  let queries = prepared.get(db);
  if (!queries) prepared.set(db, (queries = prepareQueries(db, conditions)));
  return queries;
}

/**
 * Synchronous reads of arguments the public may see: live, of a live motion (or made in a
 * filing) of a public case, never of a sealed or stricken filing, whose words could tell what
 * the sealed paper says. The case is the motion's, or the filing's when there is no motion.
 * Nothing here is projected yet.
 */
export function createArgumentsRepository(db: Db) {
  function conditions(filter: ArgumentFilter): SQL[] {
    const out: SQL[] = [
      filter.reader === "staff" ? isNull(a.deletedAt) : publicRow(a),
      or(isNull(a.motionId), isNull(m.deletedAt))!,
      or(isNull(a.entryId), and(eq(e.sealed, false), eq(e.stricken, false)))!,
      filter.reader === "staff" ? isNull(s.cases.deletedAt) : publicCase(),
    ];
    if (filter.ids) out.push(inArray(a.id, filter.ids.length ? filter.ids : [-1]));
    if (filter.motionIds) out.push(inArray(a.motionId, filter.motionIds.length ? filter.motionIds : [-1]));
    if (filter.caseId !== undefined) out.push(eq(s.cases.id, filter.caseId));
    if (filter.tags) out.push(inArray(a.doctrineTag, filter.tags.length ? filter.tags : [""]));
    if (filter.authorityId !== undefined) {
      out.push(
        exists(
          db
            .select({ one: sql`1` })
            .from(s.argumentAuthorities)
            .where(and(eq(s.argumentAuthorities.argumentId, a.id), eq(s.argumentAuthorities.authorityId, filter.authorityId))),
        ),
      );
    }
    return out;
  }

  return {
    /** Arguments with their motion, filing and case, by case, motion, then as entered. */
    list(filter: ArgumentFilter = {}) {
      const { caseId, reader, ...rest } = filter;
      if (caseId !== undefined && Object.values(rest).every((value) => value === undefined))
        return preparedQueries(db, conditions)[reader ?? "public"].all({ caseId });
      return selectArguments(db, and(...conditions(filter))).all();
    },

    /** The live doctrines, by position: which one gathers an argument's tag. */
    doctrines() {
      return preparedQueries(db, conditions).doctrines.all();
    },

    parties(ids: (number | null)[]) {
      const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
      if (wanted.length === 0) return [];
      return preparedQuery(db, `arguments.parties:${wanted.length}`, () =>
        db
          .select()
          .from(s.parties)
          .where(and(inArray(s.parties.id, placeholderList("p", wanted.length)), isNull(s.parties.deletedAt)))
          .prepare(),
      ).all(bindList("p", wanted));
    },

    /** The movants of motions, for an argument that names no party. */
    movants(motionIds: (number | null)[]) {
      const wanted = [...new Set(motionIds.filter((id): id is number => id !== null))];
      if (wanted.length === 0) return [];
      return preparedQuery(db, `arguments.movants:${wanted.length}`, () =>
        db
          .select({ motionId: s.motionMovants.motionId, party: s.parties })
          .from(s.motionMovants)
          .innerJoin(s.parties, eq(s.parties.id, s.motionMovants.partyId))
          .where(and(inArray(s.motionMovants.motionId, placeholderList("m", wanted.length)), isNull(s.parties.deletedAt)))
          .orderBy(asc(s.parties.position), asc(s.parties.id))
          .prepare(),
      ).all(bindList("m", wanted));
    },

    /** The live authorities each argument cites. */
    authorities(argumentIds: number[]) {
      if (argumentIds.length === 0) return [];
      return preparedQuery(db, `arguments.authorities:${argumentIds.length}`, () =>
        db
          .select({ argumentId: s.argumentAuthorities.argumentId, authority: s.authorities })
          .from(s.argumentAuthorities)
          .innerJoin(s.authorities, eq(s.authorities.id, s.argumentAuthorities.authorityId))
          .where(and(inArray(s.argumentAuthorities.argumentId, placeholderList("a", argumentIds.length)), publicRow(s.authorities)))
          .orderBy(asc(s.authorities.shortName))
          .prepare(),
      ).all(bindList("a", argumentIds));
    },
  };
}
