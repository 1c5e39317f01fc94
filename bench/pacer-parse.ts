/**
 * How fast the PACER docket parser is, against the reference, juriscraper. With
 * `JURISCRAPER_PYTHON` set to a Python that can `import juriscraper`, juriscraper is timed in
 * this run on the same district fixtures (bench/juriscraper.ts): its passes alternate with ours
 * and the quickest of each side is compared, as a whole loop and file by file. Without it the
 * ratio falls back on juriscraper's recorded figure: its 61 district examples in about 0.91 s in
 * a warm Python process (≈15 ms a docket, 70 ms for the largest, 174 KB), measured elsewhere.
 * Every district fixture is parsed in one warm process, one warm-up pass and then timed passes;
 * the best pass counts, and each file's best time gives the slowest file.
 * Every timed pass's answers are checked (after its clock stops): the warm-up's answers must equal
 * the expected JSON, and each timed pass's must serialise to exactly the warm-up's, so that speed
 * is never bought with answers.
 *
 * The machine this runs on is shared, so the load average is printed with the figures, and the
 * best pass's CPU time (user + system, garbage-collector threads included) beside its wall time:
 * on a loaded machine wall time also counts the time the process waited for a core.
 *
 * `npm run bench:pacer [-- --passes N]`, or `runPacerBench()` from `bench/run.ts`;
 * `JURISCRAPER_PYTHON=/path/to/venv/bin/python npm run bench:pacer` to time juriscraper too.
 */
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { isDeepStrictEqual } from "node:util";
import { parse as parse5Document } from "parse5";
import { decodePacerBytes, parseDocketReport } from "../server/pacer";
import { parseHtml } from "../server/pacer/dom";
import { sharedPath } from "../test/support/shared";
import { startPeerParser, type PeerParser } from "./juriscraper";

const DISTRICT_DIR = `${sharedPath("fixtures", "pacer", "district")}/`;

/** juriscraper's recorded figures, measured on its own 61 district examples: the fallback. */
export const REFERENCE = { perDocketMs: (0.91 * 1000) / 61, largestMs: 70, largestKb: 174 };
/** The goal: ten times juriscraper's speed over the whole loop. */
export const TARGET_SPEED_UP = 10;
export const DEFAULT_PASSES = 20;

export type PacerBenchResult = {
  files: number;
  bytes: number;
  passes: number;
  /** Files whose output equals the expected JSON in the warm-up and in every timed pass. */
  identical: number;
  bestTotalMs: number;
  /** CPU time (user + system) of the pass with the least of it. */
  bestTotalCpuMs: number;
  perDocketMs: number;
  slowest: { file: string; ms: number; kb: number };
  /** juriscraper's time divided by ours, over the whole loop. */
  speedUp: number;
  /** Where juriscraper's time came from: this run, or the recorded figure. */
  reference: MeasuredReference | { source: "recorded"; perDocketMs: number; why: string };
  /** The HTML5 parse into the indexed tree alone (best pass, per docket): the floor under the parser's time. */
  html5ParsePerDocketMs: number;
  /**
   * The reference measured in this run: parse5's own parse of the same pages into its default
   * tree (best pass, per docket). The machine's speed and load weigh on it as on the parser, so
   * the ratio between the two holds where milliseconds do not.
   */
  bareParse5PerDocketMs: number;
  /** 1-, 5- and 15-minute load averages when the timing ended. */
  loadAverage: number[];
};

type MeasuredReference = {
  source: "measured";
  python: string;
  /** juriscraper's quickest pass over every file, and per docket. */
  bestTotalMs: number;
  perDocketMs: number;
  /** The median over files of juriscraper's best time for the file divided by ours. */
  medianFileSpeedUp: number;
  /** The file where we are least ahead, with that ratio. */
  leastAhead: { file: string; speedUp: number };
};

type Fixture = { name: string; path: string; courtId: string; html: string; expected: unknown };

function loadFixtures(): Fixture[] {
  return readdirSync(DISTRICT_DIR)
    .filter((name) => name.endsWith(".html"))
    .sort()
    .map((name) => {
      const stem = name.slice(0, -".html".length);
      return {
        name,
        path: DISTRICT_DIR + name,
        courtId: stem.split("_")[0]!,
        html: decodePacerBytes(readFileSync(DISTRICT_DIR + name)),
        expected: JSON.parse(readFileSync(`${DISTRICT_DIR}${stem}.json`, "utf8")) as unknown,
      };
    });
}

/** Whether `got` serialises to the expected JSON (dates and all), as the fixture tests compare. */
function matches(got: unknown, expected: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(got)) as unknown, expected);
}

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The quickest of `passes` runs of `work`, with a pause between runs as in the main loop. */
async function bestPassMs(passes: number, work: () => void): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < passes; pass++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
    await pause();
  }
  return best;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function runPacerBench(
  options: { passes?: number; print?: boolean; python?: string; peerScript?: string } = {},
): Promise<PacerBenchResult> {
  const passes = options.passes ?? DEFAULT_PASSES;
  const fixtures = loadFixtures();
  const python = options.python ?? process.env.JURISCRAPER_PYTHON;
  let peer: PeerParser | undefined;
  let peerUnavailable = "JURISCRAPER_PYTHON is not set";
  if (python) {
    try {
      peer = await startPeerParser(
        python,
        fixtures.map((f) => ({ path: f.path, court: f.courtId })),
        options.peerScript,
      );
    } catch (error) {
      peerUnavailable = error instanceof Error ? error.message : String(error);
    }
  }
  const peerBestPerFile = fixtures.map(() => Number.POSITIVE_INFINITY);
  let peerBestTotalMs = Number.POSITIVE_INFINITY;

  // Warm-up pass, compared with the expected JSON; each timed pass must then serialise to the
  // very same JSON (a cheaper check, whose garbage weighs less on the next pass's clock).
  const warmUp = fixtures.map((f) => parseDocketReport(f.html, f.courtId));
  const exact = fixtures.map((f, i) => matches(warmUp[i], f.expected));
  const warmUpJson = warmUp.map((answer) => JSON.stringify(answer));

  let bestTotalMs = Number.POSITIVE_INFINITY;
  let bestTotalCpuMs = Number.POSITIVE_INFINITY;
  const bestPerFile = fixtures.map(() => Number.POSITIVE_INFINITY);
  const answers: unknown[] = new Array(fixtures.length);
  for (let pass = 0; pass < passes; pass++) {
    const cpuStart = process.cpuUsage();
    const passStart = performance.now();
    fixtures.forEach((f, i) => {
      const start = performance.now();
      answers[i] = parseDocketReport(f.html, f.courtId);
      bestPerFile[i] = Math.min(bestPerFile[i]!, performance.now() - start);
    });
    bestTotalMs = Math.min(bestTotalMs, performance.now() - passStart);
    const cpu = process.cpuUsage(cpuStart);
    bestTotalCpuMs = Math.min(bestTotalCpuMs, (cpu.user + cpu.system) / 1000);
    // The clock has stopped: this pass's answers must still be the expected ones.
    for (let i = 0; i < fixtures.length; i++) {
      if (exact[i] && JSON.stringify(answers[i]) !== warmUpJson[i]) exact[i] = false;
    }
    // juriscraper's pass in between: the two sides alternate on the same machine.
    if (peer) {
      const times = await peer.pass();
      peerBestTotalMs = Math.min(
        peerBestTotalMs,
        times.reduce((a, b) => a + b, 0),
      );
      times.forEach((ms, i) => (peerBestPerFile[i] = Math.min(peerBestPerFile[i]!, ms)));
    }
    // Let other work (and the garbage collector) run between passes, as a server would.
    await pause();
  }
  await peer?.close();

  const bestParseMs = await bestPassMs(passes, () => fixtures.forEach((f) => parseHtml(f.html)));
  const bestBareMs = await bestPassMs(passes, () => fixtures.forEach((f) => parse5Document(f.html)));
  const loadAverage = loadavg();

  const slowestIndex = bestPerFile.reduce((worst, ms, i) => (ms > bestPerFile[worst]! ? i : worst), 0);
  const slowest = fixtures[slowestIndex]!;
  const perDocketMs = bestTotalMs / fixtures.length;
  const result: PacerBenchResult = {
    files: fixtures.length,
    bytes: fixtures.reduce((n, f) => n + Buffer.byteLength(f.html), 0),
    passes,
    identical: exact.filter(Boolean).length,
    bestTotalMs,
    bestTotalCpuMs,
    perDocketMs,
    slowest: { file: slowest.name, ms: bestPerFile[slowestIndex]!, kb: Buffer.byteLength(slowest.html) / 1024 },
    speedUp: 0,
    reference: { source: "recorded", perDocketMs: REFERENCE.perDocketMs, why: peerUnavailable },
    html5ParsePerDocketMs: bestParseMs / fixtures.length,
    bareParse5PerDocketMs: bestBareMs / fixtures.length,
    loadAverage,
  };
  if (peer) {
    const fileSpeedUps = fixtures.map((f, i) => ({ file: f.name, speedUp: peerBestPerFile[i]! / bestPerFile[i]! }));
    const leastAhead = fileSpeedUps.reduce((a, b) => (b.speedUp < a.speedUp ? b : a));
    result.reference = {
      source: "measured",
      python: python!,
      bestTotalMs: peerBestTotalMs,
      perDocketMs: peerBestTotalMs / fixtures.length,
      medianFileSpeedUp: median(fileSpeedUps.map((f) => f.speedUp)),
      leastAhead,
    };
    result.speedUp = peerBestTotalMs / bestTotalMs;
  } else {
    result.speedUp = REFERENCE.perDocketMs / perDocketMs;
  }
  if (options.print !== false) printPacerBench(result);
  return result;
}

export function printPacerBench(r: PacerBenchResult): void {
  const lines = [
    `PACER docket parser: ${r.files} district fixtures (${(r.bytes / 1024).toFixed(0)} KB), 1 warm-up + ${r.passes} timed passes`,
    `  output           ${r.identical}/${r.files} identical to the expected JSON (warm-up and every timed pass)`,
    `  whole set        ${r.bestTotalMs.toFixed(1)} ms (best pass, wall clock); ${r.bestTotalCpuMs.toFixed(1)} ms CPU (best pass)`,
    `  per docket       ${r.perDocketMs.toFixed(2)} ms average`,
    ...referenceLines(r),
    `  slowest file     ${r.slowest.file} ${r.slowest.ms.toFixed(1)} ms (${r.slowest.kb.toFixed(0)} KB, its best pass)`,
    `  of which parsing ${r.html5ParsePerDocketMs.toFixed(2)} ms per docket is the HTML5 parse into the indexed tree (parse5 + sanitise + index)`,
    `  same-run ref.    parse5 alone into its default tree: ${r.bareParse5PerDocketMs.toFixed(2)} ms per docket; the whole parser takes ${(r.perDocketMs / r.bareParse5PerDocketMs).toFixed(2)}× that`,
    `  load average     ${r.loadAverage.map((n) => n.toFixed(2)).join(", ")} (1, 5, 15 min; the machine is shared)`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

function referenceLines(r: PacerBenchResult): string[] {
  const target = `(target ≥ ${TARGET_SPEED_UP}×: ${r.speedUp >= TARGET_SPEED_UP ? "met" : "not met"})`;
  const ref = r.reference;
  if (ref.source === "measured") {
    return [
      `  juriscraper      measured in this run (${ref.python}): best pass ${ref.bestTotalMs.toFixed(1)} ms, ${ref.perDocketMs.toFixed(2)} ms per docket`,
      `  ratio            ${r.speedUp.toFixed(1)}× faster over the whole loop ${target}; median file ${ref.medianFileSpeedUp.toFixed(1)}×, least ahead on ${ref.leastAhead.file} ${ref.leastAhead.speedUp.toFixed(1)}×`,
    ];
  }
  return [
    `  juriscraper      recorded figure ≈${ref.perDocketMs.toFixed(1)} ms per docket (largest, ${REFERENCE.largestKb} KB: ${REFERENCE.largestMs} ms), not measured here: ${ref.why}`,
    `  ratio            ${r.speedUp.toFixed(1)}× faster per docket against the recorded figure ${target}`,
  ];
}

function passesFromArgs(argv: string[]): number | undefined {
  const at = argv.indexOf("--passes");
  if (at === -1) return undefined;
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error("--passes takes a positive whole number");
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runPacerBench({ passes: passesFromArgs(process.argv) });
}
