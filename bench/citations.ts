/**
 * How fast the citation extractor is: extraction over the whole eyecite developer set (the
 * 85 KB Supreme Court opinion and the 100 short passages) in one warm process, one warm-up pass
 * and then timed passes, the best pass counting. The same-run reference is one pass of a single
 * combined reporter regex (`volume reporter page` over every reporter abbreviation and variation
 * in reporters-db) over the same text: the floor a one-regex extractor would start from, measured
 * on the same machine under the same load, so the ratio holds where milliseconds do not.
 *
 * The warm-up pass's answers are compared with eyecite's (every passage, every field), and every
 * timed pass must return exactly the warm-up's answers, so that speed is never bought with answers.
 *
 * `npm run bench:citations [-- --passes N]`, or `runCitationBench()` from `bench/run.ts`.
 */
import { loadavg } from "node:os";
import { extractCitations, prepareCitationExtractor } from "../server/citations";
import { relaxedAbbreviation } from "../server/citations/regex-templates";
import { loadReportersDb } from "../server/citations/reporters-data";
import { comparePassage, CORE_FIELDS, type Field, KIND_OF, loadFixture, OTHER_FIELDS } from "../test/citations/eyecite-fixture";

export const DEFAULT_PASSES = 20;

export type CitationBenchResult = {
  passages: number;
  characters: number;
  passes: number;
  buildMs: number;
  bestPassMs: number;
  bestPassCpuMs: number;
  referenceMs: number;
  referenceMatches: number;
  ratio: number;
  passagesMatching: number;
  eyeciteCitations: number;
  /** Per field: citations agreeing with eyecite / citations where eyecite or the extractor gives the field. */
  fieldAgreement: Record<Field, [number, number]>;
  /** Per eyecite kind: citations whose core fields all agree / eyecite's citations of that kind. */
  kindAgreement: Record<string, [number, number]>;
  identicalPasses: boolean;
  loadAverage: number[];
};

/** Every reporter abbreviation and variation, longest first, in eyecite's default `volume reporter page` shape. */
function combinedReporterRegex(): RegExp {
  const names = new Set<string>();
  for (const cluster of Object.values(loadReportersDb().reporters)) {
    for (const reporter of cluster) {
      for (const edition of Object.keys(reporter.editions)) names.add(edition);
      for (const variation of Object.keys(reporter.variations)) names.add(variation);
    }
  }
  const alternatives = [...names].sort((a, b) => b.length - a.length).map(relaxedAbbreviation);
  return new RegExp(`(?<![a-zA-Z0-9])\\d+ (?:${alternatives.join("|")}),? (?:\\d+|_+)(?![a-zA-Z0-9])`, "g");
}

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function runCitationBench(options: { passes?: number; print?: boolean } = {}): Promise<CitationBenchResult> {
  const passes = options.passes ?? DEFAULT_PASSES;
  const fixture = loadFixture();
  const passages = [fixture.opinion, ...fixture.pairs];
  const texts = passages.map((p) => p.text);

  const buildStart = performance.now();
  prepareCitationExtractor();
  const buildMs = performance.now() - buildStart;

  const warmUp = texts.map((text) => extractCitations(text));
  const warmUpJson = JSON.stringify(warmUp);
  const fields = [...CORE_FIELDS, ...OTHER_FIELDS];
  const fieldAgreement = Object.fromEntries(fields.map((f) => [f, [0, 0]])) as Record<Field, [number, number]>;
  const kindAgreement: Record<string, [number, number]> = {};
  let passagesMatching = 0;
  passages.forEach((passage, i) => {
    const comparison = comparePassage(passage.citations, warmUp[i]!);
    if (comparison.coreMatch) passagesMatching++;
    for (const field of fields) {
      fieldAgreement[field][0] += comparison.agree[field];
      fieldAgreement[field][1] += comparison.given[field];
    }
    passage.citations.forEach((expected, index) => {
      const kind = KIND_OF[expected.kind] ?? expected.kind;
      const entry = (kindAgreement[kind] ??= [0, 0]);
      entry[1]++;
      const wrong = comparison.mismatches.some((m) => m.index === index && (CORE_FIELDS as readonly string[]).includes(m.field));
      if (!wrong) entry[0]++;
    });
  });

  // Warm the extractor's regular expressions (V8 compiles each on first use, natively later).
  for (let i = 0; i < 10; i++) texts.forEach((text) => extractCitations(text));
  let bestPassMs = Number.POSITIVE_INFINITY;
  let bestPassCpuMs = Number.POSITIVE_INFINITY;
  let identicalPasses = true;
  for (let pass = 0; pass < passes; pass++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const answers = texts.map((text) => extractCitations(text));
    bestPassMs = Math.min(bestPassMs, performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    bestPassCpuMs = Math.min(bestPassCpuMs, (cpu.user + cpu.system) / 1000);
    if (JSON.stringify(answers) !== warmUpJson) identicalPasses = false;
    await pause();
  }

  const reference = combinedReporterRegex();
  let referenceMatches = 0;
  const referencePass = (): number => {
    let count = 0;
    for (const text of texts) {
      reference.lastIndex = 0;
      while (reference.exec(text)) count++;
    }
    return count;
  };
  for (let i = 0; i < 3; i++) referencePass();
  let referenceMs = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < passes; pass++) {
    const start = performance.now();
    referenceMatches = referencePass();
    referenceMs = Math.min(referenceMs, performance.now() - start);
    await pause();
  }

  const result: CitationBenchResult = {
    passages: passages.length,
    characters: texts.reduce((n, t) => n + t.length, 0),
    passes,
    buildMs,
    bestPassMs,
    bestPassCpuMs,
    referenceMs,
    referenceMatches,
    ratio: bestPassMs / referenceMs,
    passagesMatching,
    eyeciteCitations: passages.reduce((n, p) => n + p.citations.length, 0),
    fieldAgreement,
    kindAgreement,
    identicalPasses,
    loadAverage: loadavg(),
  };
  if (options.print !== false) printCitationBench(result);
  return result;
}

export function printCitationBench(r: CitationBenchResult): void {
  const share = ([a, b]: [number, number]): string => `${a}/${b}`;
  const lines = [
    `Citation extractor: eyecite developer set, ${r.passages} passages (${(r.characters / 1024).toFixed(0)} K characters), 1 warm-up + ${r.passes} timed passes`,
    `  agreement        ${r.passagesMatching}/${r.passages} passages match eyecite in kind, volume, reporter, page, pin cite and span (${r.eyeciteCitations} citations)`,
    `  by kind          ${Object.entries(r.kindAgreement)
      .map(([kind, n]) => `${kind} ${share(n)}`)
      .join(", ")}`,
    `  by field         ${Object.entries(r.fieldAgreement)
      .map(([field, n]) => `${field} ${share(n)}`)
      .join(", ")}`,
    `  answers          ${r.identicalPasses ? "every timed pass identical to the warm-up's" : "A TIMED PASS DIFFERED FROM THE WARM-UP"}`,
    `  tables           ${r.buildMs.toFixed(0)} ms to build the reporter patterns (once per process)`,
    `  whole set        ${r.bestPassMs.toFixed(1)} ms per pass (best, wall clock); ${r.bestPassCpuMs.toFixed(1)} ms CPU (best pass)`,
    `  same-run ref.    one combined reporter regex over the same text: ${r.referenceMs.toFixed(1)} ms per pass (${r.referenceMatches} matches); the extractor takes ${r.ratio.toFixed(2)}× that`,
    `  load average     ${r.loadAverage.map((n) => n.toFixed(2)).join(", ")} (1, 5, 15 min; the machine is shared)`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

function passesFromArgs(argv: string[]): number | undefined {
  const at = argv.indexOf("--passes");
  if (at === -1) return undefined;
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error("--passes takes a positive whole number");
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCitationBench({ passes: passesFromArgs(process.argv) });
}
