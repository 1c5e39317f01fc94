/**
 * A large synthetic record for the scale benchmarks and tests (issues 14 and 17): generated
 * cases beside whatever the database already holds (the bundled record, usually), written
 * through the real schema, with the staff FTS5 indexes (docket_entries_fts, documents_fts)
 * holding every entry's and document's text as the record store's writes leave them. One
 * transaction of prepared statements: about a million entries in a minute or two on the
 * project's machine, 50,000 in a few seconds for a test.
 *
 * A bulk load, so it loads as one: the FTS triggers are set aside for the inserts and each index
 * is rebuilt from its content table after, in the same transaction (the index a trigger per row
 * would have written, from the same rows). Row by row, FTS5 grew superlinearly inside one
 * transaction: 3.7 s for 50,000 entries, 89 s for 200,000, over 15 minutes for a million.
 *
 * Nothing here is a fact: generated cases have no docket number, no court and no judge, their
 * labels say they are generated, parties are "Generated movant 3", and dates are spread evenly
 * from GENERATED_FROM so each entry's date is plainly a function of its position.
 */
import type Database from "better-sqlite3";
import { prepareStatement, type Db } from "../db/client";
import { ENTRY_KINDS } from "../db/schema";

export type GenerateOptions = {
  /** Generated cases, the big one among them. */
  cases: number;
  /** Docket entries in all, the big case's included. */
  entries: number;
  /** Entries of the one big case (the first generated). */
  bigCase: number;
  /** One entry in this many is sealed. */
  sealedEvery?: number;
  /** One entry in this many has a document with extracted text. */
  documentEvery?: number;
  /** One entry in this many is an order with its order record. */
  orderEvery?: number;
  /** The instant stamped as created_at/updated_at. */
  now?: string;
};

export const DEFAULT_SIZES: GenerateOptions = { cases: 1_000, entries: 1_000_000, bigCase: 100_000 };

/** The first generated date; entries are spread from it, a few a day. */
export const GENERATED_FROM = "2020-01-01";

export type GeneratedRecord = {
  bigCaseSlug: string;
  /** A generated case of the ordinary size. */
  smallCaseSlug: string;
  cases: number;
  entries: number;
  documents: number;
  sealed: number;
  orders: number;
};

export const generatedSlug = (n: number) => `generated-case-${String(n).padStart(4, "0")}`;

// Words of docket text, so the FTS index and the LIKE filter see text shaped like a docket's.
const FILINGS = [
  "MOTION to Quash Administrative Subpoena",
  "DECLARATION in Support of Motion to Quash",
  "OPPOSITION to Motion to Quash",
  "REPLY in Support of Motion to Quash",
  "ORDER granting Motion for Leave to Proceed Pseudonymously",
  "NOTICE of Appearance",
  "CERTIFICATE OF SERVICE",
  "STIPULATION and Proposed Order Extending Time",
  "MINUTE ENTRY for proceedings held before the Magistrate Judge",
  "CLERK'S NOTICE setting hearing on Motion",
  "ORDER re Discovery Letter Brief",
  "ADMINISTRATIVE MOTION to File Under Seal",
];
const WORDS = (
  "subpoena summons account anonymous respondent movant government production records subscriber identity platform " +
  "first amendment speech association compliance deadline hearing briefing schedule exhibit attachment declaration " +
  "counsel notice order motion quash enforcement customs immigration homeland security meta instagram facebook " +
  "privacy stored communications pseudonymous protective seal unseal redaction transcript status conference"
).split(" ");

/** A small deterministic generator (mulberry32): the same sizes give the same record. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dayAfter(from: string, days: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const run = (statement: Database.Statement, ...values: unknown[]) => statement.run(...values);

/** The external-content FTS5 indexes the triggers of migration 0001 keep, by their content table. */
const STAFF_INDEXES = { docket_entries: "docket_entries_fts", documents: "documents_fts" } as const;

/**
 * Runs `load` with the triggers of the staff indexes set aside, then rebuilds those indexes from
 * their tables and puts the triggers back as they were (their SQL read from the schema, so a
 * migration that changes a trigger changes it here too). Call inside a transaction: a failure
 * leaves schema and index as they were. Every trigger of the two tables is set aside, the
 * docket's entry counts' too (migration 0019), so those are counted again from the entries after.
 */
function withIndexesRebuiltAfter(db: Db, load: () => void): void {
  const sqlite = db.$client;
  const triggers = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (${Object.keys(STAFF_INDEXES)
        .map(() => "?")
        .join(", ")})`,
    )
    .all(...Object.keys(STAFF_INDEXES)) as { name: string; sql: string }[];
  for (const { name } of triggers) sqlite.exec(`DROP TRIGGER "${name}"`);
  load();
  for (const index of Object.values(STAFF_INDEXES)) sqlite.exec(`INSERT INTO ${index} (${index}) VALUES ('rebuild')`);
  for (const { sql } of triggers) sqlite.exec(sql);
  sqlite.exec("DELETE FROM docket_entry_counts");
  sqlite.exec(
    "INSERT INTO docket_entry_counts (case_id, kind, live) SELECT case_id, kind, count(*) FROM docket_entries WHERE deleted_at IS NULL GROUP BY case_id, kind",
  );
}

/** Adds the generated cases to `db` in one transaction and says what it wrote. */
export function generateRecord(db: Db, options: GenerateOptions): GeneratedRecord {
  const { cases, entries, bigCase } = options;
  if (cases < 2 || bigCase >= entries)
    throw new Error("generateRecord needs two cases or more and fewer big-case entries than entries in all");
  const sealedEvery = options.sealedEvery ?? 50;
  const documentEvery = options.documentEvery ?? 5;
  const orderEvery = options.orderEvery ?? 100;
  const now = options.now ?? new Date().toISOString();
  const next = random(cases * 7919 + entries);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");

  const insertCase = prepareStatement(
    db,
    `INSERT INTO cases (slug, label, "group", position, date_filed, date_filed_precision, nature, published, created_at, updated_at)
     VALUES (?, ?, 'related', ?, ?, 'day', 'Generated for the scale benchmark', 1, ?, ?)`,
  );
  const insertParty = prepareStatement(
    db,
    `INSERT INTO parties (case_id, name, role, pseudonymous, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEntry = prepareStatement(
    db,
    `INSERT INTO docket_entries (case_id, number, sequence, date_filed, date_entered, description, short_description, kind, filed_by, sealed, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pacer_docket', ?, ?)`,
  );
  const insertDocument = prepareStatement(
    db,
    `INSERT INTO documents (entry_id, attachment_number, description, page_count, file_size_text, extracted_text, sealed, created_at, updated_at)
     VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertOrder = prepareStatement(
    db,
    `INSERT INTO orders (slug, case_id, entry_id, title, kind, date_signed, date_signed_precision, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'ruling', ?, 'day', ?, ?)`,
  );

  const out: GeneratedRecord = {
    bigCaseSlug: generatedSlug(1),
    smallCaseSlug: generatedSlug(2),
    cases,
    entries: 0,
    documents: 0,
    sealed: 0,
    orders: 0,
  };
  const perSmall = Math.floor((entries - bigCase) / (cases - 1));
  db.transaction(() =>
    withIndexesRebuiltAfter(db, () => {
      for (let n = 1; n <= cases; n++) {
        const slug = generatedSlug(n);
        const size = n === 1 ? bigCase : perSmall;
        const caseId = Number(
          run(insertCase, slug, `Generated case ${n} of ${cases} (scale benchmark)`, 10_000 + n, GENERATED_FROM, now, now).lastInsertRowid,
        );
        for (const [i, role] of ["Movant", "Respondent", "Interested Party"].entries()) {
          run(insertParty, caseId, `Generated ${role.toLowerCase()} ${n}`, role, role === "Movant" ? 1 : 0, i, now, now);
        }
        // A few entries a day, so a big docket spans years and a date filter has something to cut.
        const perDay = Math.max(1, Math.ceil(size / 2_000));
        for (let i = 0; i < size; i++) {
          const filing = pick(FILINGS);
          const isOrder = i % orderEvery === orderEvery - 1;
          const kind = isOrder ? "order" : pick(ENTRY_KINDS);
          const sealed = i % sealedEvery === sealedEvery - 1 ? 1 : 0;
          const date = dayAfter(GENERATED_FROM, Math.floor(i / perDay));
          const description = `${filing} ${words(8)} (generated entry ${i + 1} of ${slug})`;
          const entryId = Number(
            run(insertEntry, caseId, i + 1, i + 1, date, date, description, filing, kind, `Generated movant ${n}`, sealed, now, now)
              .lastInsertRowid,
          );
          out.entries++;
          out.sealed += sealed;
          if (i % documentEvery === 0) {
            run(insertDocument, entryId, filing, 1 + (i % 40), `${(i % 900) + 100} KB`, `${filing}. ${words(60)}`, sealed, now, now);
            out.documents++;
          }
          if (isOrder) {
            run(insertOrder, `${slug}-order-${i + 1}`, caseId, entryId, `Order ${i + 1} of ${slug}`, date, now, now);
            out.orders++;
          }
        }
      }
    }),
  );
  return out;
}
