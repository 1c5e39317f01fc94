import { prepareStatement, type Db } from "../../db/client";

/*
 * Upkeep of the three FTS5 indexes (the staff search's docket_entries_fts and documents_fts,
 * migration 0001; the public search's public_search_fts, migrations 0012-0013). FTS5 writes
 * each batch of new or changed rows as a new segment (a b-tree of its own) and merges segments
 * only a little at each write (its `automerge`), so an index the record store writes to row by
 * row holds several segments, and a query reads every one of them for each of its words.
 * Merging them is FTS5's own work: `merge` in bounded steps, each its own short write
 * transaction, until the index is one segment, which is what `optimize` gives in one go (one
 * write transaction as long as the index is large: docs/scaling.md, "Keeping the search
 * indexes merged"). SQLite-only, like the indexes.
 */

/** The full-text indexes upkeep looks after, by table name. */
export const FTS_INDEXES = ["docket_entries_fts", "documents_fts", "public_search_fts"] as const;
export type FtsIndex = (typeof FTS_INDEXES)[number];

/** An index's segments as its structure record lists them, level by level (level 0 first). */
export type IndexStructure = { segments: number; levels: { segments: number; merging: number }[]; pages: number };

/** The id of an FTS5 index's structure record in its `_data` table (FTS5_STRUCTURE_ROWID). */
const STRUCTURE_ROWID = 10;
/** What a structure record written with tombstones or origins (SQLite 3.43+) carries after its cookie. */
const STRUCTURE_V2 = [0xff, 0x00, 0x00, 0x01];

/** Reads SQLite varints one after another (sqlite3GetVarint: 7 bits a byte, high bit set while more follow; a ninth byte gives all 8). */
function varints(bytes: Uint8Array, from: number) {
  let at = from;
  return {
    next(): number {
      let value = 0;
      for (let i = 0; i < 8; i++) {
        const byte = bytes[at++]!;
        value = value * 128 + (byte & 0x7f);
        if ((byte & 0x80) === 0) return value;
      }
      return value * 256 + bytes[at++]!;
    },
  };
}

/**
 * Reads an index's structure record: the list of its segments by level, as FTS5 keeps it
 * (fts5StructureDecode in SQLite's fts5_index.c). This is what a query walks; counting rows of
 * `<index>_data` would count pages, not segments.
 */
export function indexStructure(db: Db, index: FtsIndex): IndexStructure {
  const row = prepareStatement(db, `SELECT block FROM ${index}_data WHERE id = ?`).get(STRUCTURE_ROWID) as { block: Buffer } | undefined;
  if (!row || row.block.length < 4) return { segments: 0, levels: [], pages: 0 };
  const bytes = new Uint8Array(row.block);
  // After the 4-byte cookie, a record that carries origins and tombstones says so in 4 more.
  const v2 = STRUCTURE_V2.every((byte, i) => bytes[4 + i] === byte);
  const read = varints(bytes, v2 ? 8 : 4);
  const levelCount = read.next();
  const segmentCount = read.next();
  read.next(); // write counter
  if (v2) read.next(); // origin counter
  const levels: IndexStructure["levels"] = [];
  let pages = 0;
  for (let level = 0; level < levelCount; level++) {
    const merging = read.next();
    const segments = read.next();
    for (let n = 0; n < segments; n++) {
      read.next(); // segment id
      const first = read.next();
      const last = read.next();
      pages += last - first + 1;
      if (v2) for (let field = 0; field < 5; field++) read.next(); // origins, tombstone pages, entries
    }
    levels.push({ segments, merging });
  }
  return { segments: segmentCount, levels, pages };
}

/** How many segments each index has. */
export function segmentCounts(db: Db): Record<FtsIndex, number> {
  return Object.fromEntries(FTS_INDEXES.map((index) => [index, indexStructure(db, index).segments])) as Record<FtsIndex, number>;
}

const totalChanges = (db: Db) => (prepareStatement(db, "SELECT total_changes() AS n").get() as { n: number }).n;

/**
 * One bounded merge step on one index, in its own write transaction: FTS5 writes about `pages`
 * leaf pages of merged output and stops (`INSERT INTO t(t, rank) VALUES('merge', -pages)`: the
 * negative form merges whatever segments the index has, on whatever levels, as `optimize` would,
 * instead of only levels holding `usermerge` segments). Returns whether FTS5 found anything to
 * merge (its documented test: total_changes() moves by 2 or more when it did).
 */
export function mergeStep(db: Db, index: FtsIndex, pages: number): boolean {
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`a merge step writes a whole number of pages, at least 1 (not ${pages})`);
  return db.transaction(() => {
    const before = totalChanges(db);
    prepareStatement(db, `INSERT INTO ${index} (${index}, rank) VALUES ('merge', ?)`).run(-pages);
    return totalChanges(db) - before >= 2;
  });
}

/** Merges an index into one segment in one write transaction (FTS5's `optimize`). */
export function optimizeIndex(db: Db, index: FtsIndex): void {
  db.transaction(() => prepareStatement(db, `INSERT INTO ${index} (${index}) VALUES ('optimize')`).run());
}

/**
 * FTS5's `integrity-check` of an index: throws if the index is corrupt or, for the staff
 * indexes (external content), does not match the rows of its table.
 */
export function checkIndex(db: Db, index: FtsIndex): void {
  const againstContent = index === "public_search_fts" ? 0 : 1;
  prepareStatement(db, `INSERT INTO ${index} (${index}, rank) VALUES ('integrity-check', ?)`).run(againstContent);
}

/** Pages of merged output a step writes: a step of 512 took 57-118 ms of one write transaction on the million-entry file (docs/scaling.md). */
export const MERGE_STEP_PAGES = 500;

export type MergeOutcome = { index: FtsIndex; before: number; after: number; steps: number };

/**
 * Merges every index into one segment in bounded steps (mergeStep, `pages` each), each its own
 * short write transaction, handing the event loop back between steps so the server answers
 * requests and other writers commit in between. Stops early, between steps, when `signal`
 * aborts; what was merged by then stays merged. Search results are the same before, during
 * and after: merging changes how postings are stored, not which rows match or how they rank.
 */
export async function mergeIndexes(
  db: Db,
  options: { pages?: number; signal?: AbortSignal; indexes?: readonly FtsIndex[] } = {},
): Promise<MergeOutcome[]> {
  const pages = options.pages ?? MERGE_STEP_PAGES;
  const outcomes: MergeOutcome[] = [];
  for (const index of options.indexes ?? FTS_INDEXES) {
    const before = indexStructure(db, index).segments;
    let steps = 0;
    while (!options.signal?.aborted && indexStructure(db, index).segments > 1 && mergeStep(db, index, pages)) {
      steps++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    outcomes.push({ index, before, after: indexStructure(db, index).segments, steps });
  }
  return outcomes;
}

/** One line for an operator: each index's segments before and after, and the steps it took. */
export function mergeSummary(outcomes: MergeOutcome[]): string {
  return outcomes.map((o) => `${o.index} ${o.before} → ${o.after} segment${o.after === 1 ? "" : "s"} (${o.steps} steps)`).join(", ");
}
