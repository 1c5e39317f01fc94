/**
 * A court named in a citation's parenthetical (`9th Cir.`, `Pa.Super.`) mapped to CourtListener's
 * court id (`ca9`, `pasuperct`) the way eyecite maps it, through the Free Law Project's courts-db
 * (`courts.json`: each court's `id` and `citation_string`). courts-db is not yet among the
 * project's shared data: when `../shared/data/courts-db/courts.json` is there it is used; until
 * then no parenthetical court gets an id (the text stays in `courtText`).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { findReportersDbDir } from "./reporters-data";

export type CourtEntry = { id: string; citation_string: string };

export type CourtMatcher = (courtText: string) => string | undefined;

const compact = (text: string): string => text.replace(/[^\p{L}\p{N}_]/gu, "").toLowerCase();

/** eyecite's rule: punctuation and spaces ignored; an exact match wins, else the last court whose string starts with the text. */
export function courtMatcher(courts: CourtEntry[]): CourtMatcher {
  const table = courts.filter((c) => c.citation_string).map((c) => ({ id: String(c.id), key: compact(c.citation_string) }));
  return (courtText) => {
    const key = compact(courtText);
    if (!key) return undefined;
    let prefixMatch: string | undefined;
    for (const court of table) {
      if (court.key === key) return court.id;
      if (court.key.startsWith(key)) prefixMatch = court.id;
    }
    return prefixMatch;
  };
}

/** The matcher over courts-db beside reporters-db, or none when courts-db is not there. */
export function loadCourtMatcher(dir = join(dirname(findReportersDbDir()), "courts-db")): CourtMatcher | undefined {
  const file = join(dir, "courts.json");
  if (!existsSync(file)) return undefined;
  return courtMatcher(JSON.parse(readFileSync(file, "utf8")) as CourtEntry[]);
}
