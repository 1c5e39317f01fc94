import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { importPacerFiles, type ImportOptions } from "../../server/imports/service";
import type { ImportOutcome, ImportReport } from "../../server/imports/report";
import { FIXTURES_DIR } from "../pacer/fixtures";
import { testClock } from "../support/db";

/** A PACER golden file's bytes, read in place (`district/cand.html`). */
export function fixtureBytes(relative: string): Buffer {
  return readFileSync(join(FIXTURES_DIR, relative));
}

/** A fresh DATA_DIR for one test. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "quash-import-"));
}

export const importActor = { userId: null, label: "test" };

export function options(dataDir: string, extra: Partial<ImportOptions> = {}): ImportOptions {
  return { actor: importActor, clock: testClock, dataDir, ...extra };
}

/** Imports files given as [name, bytes] and returns their outcomes. */
export async function importFiles(
  db: Db,
  dataDir: string,
  files: [string, Buffer][],
  extra: Partial<ImportOptions> = {},
): Promise<ImportOutcome[]> {
  return importPacerFiles(
    db,
    files.map(([fileName, bytes]) => ({ fileName, bytes })),
    options(dataDir, extra),
  );
}

/** Imports one file and returns its report, failing the test with the reason if it was refused. */
export async function importOk(
  db: Db,
  dataDir: string,
  fileName: string,
  bytes: Buffer,
  extra: Partial<ImportOptions> = {},
): Promise<ImportReport> {
  const [outcome] = await importFiles(db, dataDir, [[fileName, bytes]], extra);
  if (!outcome?.ok) throw new Error(`import of ${fileName} failed: ${outcome?.error}`);
  return outcome.report;
}

const TABLES = [
  "courts",
  "judges",
  "organizations",
  "attorneys",
  "cases",
  "parties",
  "representations",
  "docket_entries",
  "documents",
  "motions",
  "deadlines",
  "sources",
  "fact_sources",
  "files",
  "imports",
  "import_records",
  "revisions",
];

/** Row counts of every table an import can write, to show that nothing changed. */
export function tableCounts(db: Db): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, (db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${t}`)) as { n: number }).n]));
}

/** A minimal court RSS feed with one item, in the shape CM/ECF sends. */
export function rssFeed(item: {
  docketNumber: string;
  caseName: string;
  caseId: string;
  short: string;
  number: string;
  docId: string;
  seq: string;
  pubDate: string;
  host?: string;
}): Buffer {
  const host = item.host ?? "ecf.cand.uscourts.gov";
  const link = `&lt;a href=&quot;https://${host}/doc1/${item.docId}?caseid=${item.caseId}&amp;de_seq_num=${item.seq}&quot; &gt;${item.number}&lt;/a&gt;`;
  return Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0">
<channel>
<title>Northern District of California - Recent Entries</title>
<link>https://${host}</link>
<description>Docket entries of type: all</description>
<lastBuildDate>${item.pubDate}</lastBuildDate>
<item>
<title>${item.docketNumber} ${item.caseName}</title>
<link>https://${host}/cgi-bin/DktRpt.pl?${item.caseId}</link>
<description>[${item.short}] (${link})</description>
<guid isPermaLink="true">https://${host}/cgi-bin/DktRpt.pl?${item.caseId}&amp;${item.seq}</guid>
<pubDate>${item.pubDate}</pubDate>
</item>
</channel>
</rss>
`);
}
