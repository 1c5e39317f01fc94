/**
 * How fast the PACER docket parser is, against the reference: juriscraper parses its 61
 * district examples in about 0.91 s in a warm Python process (≈15 ms a docket, 70 ms for the
 * largest, 174 KB). Every district fixture is parsed in one warm process, one warm-up pass and
 * then timed passes; the best pass counts, and each file's best time gives the slowest file.
 * The output is checked against the expected JSON so that speed is never bought with answers.
 *
 * `npm run bench:pacer`, or `runPacerBench()` from `bench/run.ts`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { decodePacerBytes, parseDocketReport } from "../server/pacer";
import { parseHtml } from "../server/pacer/dom";

const DISTRICT_DIR = fileURLToPath(new URL("../../shared/fixtures/pacer/district/", import.meta.url));

/** juriscraper's figures, measured on its own 61 district examples. */
export const REFERENCE = { perDocketMs: 0.91 * 1000 / 61, largestMs: 70, largestKb: 174 };
/** The goal: five times faster per docket. */
export const TARGET_PER_DOCKET_MS = 3;

export type PacerBenchResult = {
  files: number;
  bytes: number;
  passes: number;
  /** Files whose output equals the expected JSON. */
  identical: number;
  bestTotalMs: number;
  perDocketMs: number;
  slowest: { file: string; ms: number; kb: number };
  speedUp: number;
  /** The HTML5 parse into the indexed tree alone (best pass, per docket): the floor under the parser's time. */
  html5ParsePerDocketMs: number;
};

type Fixture = { name: string; courtId: string; html: string; expected: unknown };

function loadFixtures(): Fixture[] {
  return readdirSync(DISTRICT_DIR)
    .filter((name) => name.endsWith(".html"))
    .sort()
    .map((name) => {
      const stem = name.slice(0, -".html".length);
      return {
        name,
        courtId: stem.split("_")[0]!,
        html: decodePacerBytes(readFileSync(DISTRICT_DIR + name)),
        expected: JSON.parse(readFileSync(`${DISTRICT_DIR}${stem}.json`, "utf8")) as unknown,
      };
    });
}

export async function runPacerBench(options: { passes?: number; print?: boolean } = {}): Promise<PacerBenchResult> {
  const passes = options.passes ?? 10;
  const fixtures = loadFixtures();

  // Warm-up pass, which also checks every answer.
  let identical = 0;
  for (const f of fixtures) {
    const got = JSON.parse(JSON.stringify(parseDocketReport(f.html, f.courtId))) as unknown;
    if (isDeepStrictEqual(got, f.expected)) identical++;
  }

  let bestTotalMs = Number.POSITIVE_INFINITY;
  const bestPerFile = new Map<string, number>();
  for (let pass = 0; pass < passes; pass++) {
    const passStart = performance.now();
    for (const f of fixtures) {
      const start = performance.now();
      parseDocketReport(f.html, f.courtId);
      const ms = performance.now() - start;
      bestPerFile.set(f.name, Math.min(bestPerFile.get(f.name) ?? Number.POSITIVE_INFINITY, ms));
    }
    bestTotalMs = Math.min(bestTotalMs, performance.now() - passStart);
    // Let other work (and the garbage collector) run between passes, as a server would.
    await new Promise((resolve) => setImmediate(resolve));
  }

  let bestParseMs = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < passes; pass++) {
    const start = performance.now();
    for (const f of fixtures) parseHtml(f.html);
    bestParseMs = Math.min(bestParseMs, performance.now() - start);
    await new Promise((resolve) => setImmediate(resolve));
  }

  const [slowestName, slowestMs] = [...bestPerFile].reduce((a, b) => (b[1] > a[1] ? b : a));
  const slowest = fixtures.find((f) => f.name === slowestName)!;
  const perDocketMs = bestTotalMs / fixtures.length;
  const result: PacerBenchResult = {
    files: fixtures.length,
    bytes: fixtures.reduce((n, f) => n + Buffer.byteLength(f.html), 0),
    passes,
    identical,
    bestTotalMs,
    perDocketMs,
    slowest: { file: slowestName, ms: slowestMs, kb: Buffer.byteLength(slowest.html) / 1024 },
    speedUp: REFERENCE.perDocketMs / perDocketMs,
    html5ParsePerDocketMs: bestParseMs / fixtures.length,
  };
  if (options.print !== false) printPacerBench(result);
  return result;
}

export function printPacerBench(r: PacerBenchResult): void {
  const lines = [
    `PACER docket parser: ${r.files} district fixtures (${(r.bytes / 1024).toFixed(0)} KB), 1 warm-up + ${r.passes} timed passes`,
    `  output           ${r.identical}/${r.files} identical to the expected JSON`,
    `  whole set        ${r.bestTotalMs.toFixed(1)} ms (best pass)`,
    `  per docket       ${r.perDocketMs.toFixed(2)} ms average; juriscraper ≈${REFERENCE.perDocketMs.toFixed(1)} ms → ${r.speedUp.toFixed(1)}× faster (target ≥5×, ≤${TARGET_PER_DOCKET_MS} ms)`,
    `  slowest file     ${r.slowest.file} ${r.slowest.ms.toFixed(1)} ms (${r.slowest.kb.toFixed(0)} KB); juriscraper's largest (${REFERENCE.largestKb} KB): ${REFERENCE.largestMs} ms`,
    `  of which parsing ${r.html5ParsePerDocketMs.toFixed(2)} ms per docket is the HTML5 parse into the indexed tree (parse5 + sanitise + index)`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runPacerBench();
}
