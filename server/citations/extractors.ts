/**
 * The token extractors: one regular expression per reporter edition (and one for its printed
 * variations), per statute and per journal in reporters-db, each also in its short form
 * (`515 U.S., at 241`), plus the few for `Id.`, `supra`, case-name stop words, section signs,
 * blank-page placeholders and line breaks. Built once, on first use, as eyecite builds them.
 */
import { type Edition, makeReporter, yearOf } from "./editions";
import { escapeRegex, processVariables, pythonToJsRegex, relaxedAbbreviation, substitute, substituteRecursively } from "./regex-templates";
import { loadReportersDb, type ReportersDb } from "./reporters-data";

/** Blank pages print as underscores (`570 U.S. ___`); roman numerals for prefatory pages, except v, l, c. */
const ROMAN_NUMERAL = ["c?(?:xc|xl|l?x{1,3})(?:ix|iv|v?i{0,3})", "(?:c?l?)(?:ix|iv|v?i{1,3})", "(?:lv|cv|cl|clv)"].join("|");
export const PAGE_NUMBER = `(?:\\d+|${ROMAN_NUMERAL}|_+)`;

export type CitationExtractor = {
  /** Sticky: tried at one position at a time. Matches the citation alone, between non-alphanumerics. */
  sticky: RegExp;
  /** The same, global, for extractors with no literal to look for first. */
  global: RegExp;
  exactEditions: Edition[];
  variationEditions: Edition[];
  /** The short form `vol reporter, at page`. */
  short: boolean;
  /** Reporter strings, whitespace removed, one of which every match contains; empty when unknown. */
  strings: string[];
};

export type ExtractorSet = {
  citations: CitationExtractor[];
  /** The longest distance from a match's start to its reporter string: the look-back for candidates. */
  lookBehind: number;
};

type Cluster = { editions: Edition[]; variations: Edition[]; strings: Set<string>; short: boolean };

/** `at` (and `p.`) before the page: eyecite's short form of any template with a page. */
function shortCiteRegex(regex: string): string {
  return regex.replaceAll("(?P<page>", "at\\s?(p(\\.|age)?)? (?P<page>");
}

export function buildCitationExtractors(db: ReportersDb = loadReportersDb()): ExtractorSet {
  const rawVariables = structuredClone(db.regexes) as Record<string, Record<string, string>>;
  rawVariables.full_cite![""] = "$volume $reporter,? $page";
  rawVariables.page![""] = `(?P<page>${PAGE_NUMBER})`;
  const variables = processVariables(rawVariables);
  const clusters = new Map<string, Cluster>();

  const clusterFor = (regex: string): Cluster => {
    let cluster = clusters.get(regex);
    if (!cluster) {
      cluster = { editions: [], variations: [], strings: new Set(), short: false };
      clusters.set(regex, cluster);
    }
    return cluster;
  };

  const addRegex = (kind: "editions" | "variations", names: string[], edition: Edition, regex: string): void => {
    clusterFor(regex)[kind].push(edition);
    const hasStrings = regex.includes(relaxedAbbreviation(names[0]!));
    if (hasStrings) for (const name of names) clusterFor(regex).strings.add(name.replace(/\s+/g, ""));
    const short = shortCiteRegex(regex);
    if (short !== regex) {
      const cluster = clusterFor(short);
      cluster[kind].push(edition);
      cluster.short = true;
      if (hasStrings) for (const name of names) cluster.strings.add(name.replace(/\s+/g, ""));
    }
  };

  const withEditions = (template: string, names: string[]): string =>
    substitute(template, { edition: names.map(relaxedAbbreviation).join("|") });

  const addRegexes = (templates: string[], editionName: string, edition: Edition, variations: string[]): void => {
    for (const raw of templates) {
      const template = substituteRecursively(raw, variables);
      addRegex("editions", [editionName], edition, withEditions(template, [editionName]));
      if (variations.length) addRegex("variations", variations, edition, withEditions(template, variations));
    }
  };

  for (const [key, cluster] of Object.entries(db.reporters)) {
    for (const source of cluster) {
      const reporter = makeReporter(key, source.name, source.cite_type, "reporters");
      for (const [editionName, data] of Object.entries(source.editions)) {
        const edition: Edition = { reporter, shortName: editionName, startYear: yearOf(data.start), endYear: yearOf(data.end) };
        const variations = Object.entries(source.variations)
          .filter(([, target]) => target === editionName)
          .map(([variation]) => variation);
        addRegexes(data.regexes?.length ? data.regexes : ["$full_cite"], editionName, edition, variations);
      }
    }
  }
  for (const [source, table] of [
    ["laws", db.laws],
    ["journals", db.journals],
  ] as const) {
    for (const [key, cluster] of Object.entries(table)) {
      for (const entry of cluster) {
        const reporter = makeReporter(key, entry.name, entry.cite_type, source);
        const edition: Edition = { reporter, shortName: key, startYear: yearOf(entry.start), endYear: yearOf(entry.end) };
        let templates = entry.regexes?.length ? entry.regexes : ["$full_cite"];
        // Several sections at once: "Mass. Gen. Laws ch. 1, §§ 2-3".
        if (source === "laws") templates = templates.map((t) => t.replaceAll("§ ", "§§? ?"));
        addRegexes(templates, key, edition, entry.variations ?? []);
      }
    }
  }

  const citations: CitationExtractor[] = [];
  for (const [regex, cluster] of clusters) {
    const inner = pythonToJsRegex(regex);
    // eyecite wraps each regex in non-alphanumeric boundaries that it consumes; the lookarounds
    // here consume nothing, and the tokenizer re-applies the consumed character (see tokenizer.ts).
    const pattern = `(?<![a-zA-Z0-9])(?:${inner})(?![a-zA-Z0-9])`;
    citations.push({
      sticky: new RegExp(pattern, "y"),
      global: new RegExp(pattern, "g"),
      exactEditions: cluster.editions,
      variationEditions: cluster.variations,
      short: cluster.short,
      strings: [...cluster.strings],
    });
  }
  return { citations, lookBehind: 48 };
}

export { escapeRegex };
