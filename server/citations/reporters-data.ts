/**
 * The Free Law Project's reporters-db data, read at run time from `../shared/data/reporters-db/`
 * (the project sits beside `shared/`, on a developer's machine and in CI alike). Nothing of it is
 * copied into source: every reporter, code and journal the extractor knows comes from these files.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type EditionData = { start: string | null; end: string | null; regexes?: string[] };
export type ReporterData = {
  name: string;
  cite_type: string;
  editions: Record<string, EditionData>;
  variations: Record<string, string>;
};
/** One entry of laws.json or journals.json: a single "edition" named by its key. */
export type SourceData = {
  name: string;
  cite_type: string;
  start: string | null;
  end: string | null;
  regexes?: string[];
  variations?: string[];
};
export type RegexVariables = { [key: string]: string | RegexVariables };

export type ReportersDb = {
  reporters: Record<string, ReporterData[]>;
  laws: Record<string, SourceData[]>;
  journals: Record<string, SourceData[]>;
  regexes: RegexVariables;
};

const DATA_PATH = join("shared", "data", "reporters-db");

/** The nearest `shared/data/reporters-db` above this module (the worktree or clone sits beside `shared/`). */
export function findReportersDbDir(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, DATA_PATH);
    if (existsSync(join(candidate, "reporters.json"))) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`reporters-db not found: no ${DATA_PATH}/reporters.json above ${from}`);
}

export function loadReportersDb(dir = findReportersDbDir()): ReportersDb {
  const read = <T>(file: string): T => JSON.parse(readFileSync(join(dir, file), "utf8")) as T;
  return {
    reporters: read("reporters.json"),
    laws: read("laws.json"),
    journals: read("journals.json"),
    regexes: read("regexes.json"),
  };
}
