/*
 * The sentence a citation appears in, found in a filing's text without a general sentence
 * splitter: legal text is full of periods that end no sentence ("v.", "U.S.", "Cir.", "Id."),
 * so the spans of every citation in the text are protected (no sentence ends inside one), and
 * a period ends a sentence only when the word before it is no abbreviation a brief uses and
 * what follows starts a new sentence. A citation sentence that opens with the citation
 * ("Talley v. California, 362 U.S. 60 (1960).") is shown with the sentence before it, the
 * proposition it supports, as a reader of the brief sees them together. Pure.
 */

export type Span = readonly [number, number];

/** Longest sentence kept whole; a longer one is cut around the citation, with ellipses. */
export const MAX_SENTENCE = 600;
/** How far before or after a citation the search for a boundary goes. */
const REACH = 1200;

const ABBREVIATIONS = new Set(
  [
    "v",
    "vs",
    "inc",
    "co",
    "corp",
    "ltd",
    "llc",
    "no",
    "nos",
    "cir",
    "ct",
    "app",
    "supp",
    "id",
    "ibid",
    "al",
    "cf",
    "e.g",
    "i.e",
    "u.s",
    "mr",
    "ms",
    "mrs",
    "dr",
    "jr",
    "sr",
    "st",
    "dist",
    "div",
    "fed",
    "r",
    "civ",
    "crim",
    "p",
    "l",
    "rev",
    "stat",
    "ann",
    "gov't",
    "comm'n",
    "found",
    "soc'y",
    "ass'n",
    "mgmt",
    "hosp",
    "med",
    "ctr",
    "am",
    "int'l",
    "nat'l",
    "dep't",
    "sec'y",
    "cal",
    "wash",
    "del",
    "super",
    "cong",
    "sess",
    "pub",
    "ex",
    "rel",
    "n.d",
    "s.d",
    "e.d",
    "w.d",
    "c.d",
    "d",
    "n.j",
    "n.y",
    "pa",
    "tex",
    "ill",
    "mass",
    "mich",
    "va",
    "fla",
    "ga",
    "ohio",
    "or",
    "ariz",
    "colo",
    "conn",
    "ky",
    "la",
    "md",
    "minn",
    "mo",
    "nev",
    "okla",
    "tenn",
    "wis",
    "ed",
    "eds",
    "pp",
    "para",
    "ch",
    "art",
    "amend",
    "const",
    "sec",
    "secs",
    "fig",
    "ex",
    "exh",
    "dkt",
    "ecf",
    "op",
    "cert",
    "denied",
    "aff'd",
    "rev'd",
    "reh'g",
    "en",
    "banc",
  ].map((w) => w.toLowerCase()),
);

/** Words of the signals that introduce a citation ("See also", "But cf.", "E.g."). */
const SIGNAL_WORDS = new Set(["see", "also", "generally", "but", "cf", "e", "g", "eg", "compare", "with", "accord", "contra", "and"]);

function insideAny(pos: number, spans: readonly Span[]): boolean {
  return spans.some(([start, end]) => pos > start && pos < end);
}

/** True when the period (or ! or ?) at `i` ends a sentence. */
function endsSentence(text: string, i: number, spans: readonly Span[]): boolean {
  const ch = text[i];
  if (ch !== "." && ch !== "!" && ch !== "?") return false;
  if (insideAny(i, spans) || insideAny(i + 1, spans)) return false;
  // What follows: closing quotes or parentheses, then space, then something that can start a sentence.
  let j = i + 1;
  while (j < text.length && /["'”’)\]]/.test(text[j]!)) j++;
  if (j < text.length && !/\s/.test(text[j]!)) return false;
  while (j < text.length && /\s/.test(text[j]!)) j++;
  if (j < text.length && !/[A-Z0-9"“'‘(§[]/.test(text[j]!)) return false;
  if (ch !== ".") return true;
  // The word before the period: an abbreviation or a single letter (an initial) ends nothing.
  const before = /([A-Za-z][A-Za-z.'’]*)$/.exec(text.slice(Math.max(0, i - 20), i));
  const word = (before?.[1] ?? "").toLowerCase().replace(/’/g, "'");
  if (word.length === 1) return false;
  return !ABBREVIATIONS.has(word);
}

/** Start of the sentence holding position `at`. */
function sentenceStart(text: string, at: number, spans: readonly Span[]): number {
  const floor = Math.max(0, at - REACH);
  for (let i = at - 1; i >= floor; i--) {
    if (text[i] === "\n" && text[i - 1] === "\n") return i + 1;
    if (endsSentence(text, i, spans)) {
      let j = i + 1;
      while (j < at && /["'”’)\]\s]/.test(text[j]!)) j++;
      return j;
    }
  }
  return floor;
}

/** End (exclusive) of the sentence holding position `at`. */
function sentenceEnd(text: string, at: number, spans: readonly Span[]): number {
  const ceiling = Math.min(text.length, at + REACH);
  for (let i = at; i < ceiling; i++) {
    if (text[i] === "\n" && text[i + 1] === "\n") return i;
    if (endsSentence(text, i, spans)) {
      let j = i + 1;
      while (j < text.length && /["'”’)\]]/.test(text[j]!)) j++;
      return j;
    }
  }
  return ceiling;
}

const tidy = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * The sentence of `text` the citation at `span` appears in. `protect` holds the full spans of
 * every citation found in the text (the citation's own included).
 */
export function sentenceAround(text: string, span: Span, protect: readonly Span[]): string {
  const spans = [...protect, span];
  let start = sentenceStart(text, span[0], spans);
  const end = sentenceEnd(text, span[1], spans);
  // A citation sentence that opens with citations supports the sentence before it.
  if (onlyCitationsBetween(text, start, span[0], spans) && start > 0) {
    // Step back over the previous sentence's closing punctuation, then find where it starts.
    let last = start - 1;
    while (last > 0 && /[\s"'”’)\]]/.test(text[last]!)) last--;
    const previous = sentenceStart(text, last, spans);
    if (span[1] - previous <= MAX_SENTENCE) start = previous;
  }
  return cutAround(text, start, end, span);
}

/** True when `text[from, to)` holds nothing but citations, signals ("See also") and the punctuation between them. */
function onlyCitationsBetween(text: string, from: number, to: number, spans: readonly Span[]): boolean {
  let rest = "";
  for (let i = from; i < to; i++) if (!spans.some(([s, e]) => i >= s && i < e)) rest += text[i];
  return tidy(rest.replace(/[;,.:]/g, " "))
    .toLowerCase()
    .split(" ")
    .every((word) => word === "" || SIGNAL_WORDS.has(word));
}

/** The sentence whole when short enough, or a window of it around the citation between ellipses. */
function cutAround(text: string, start: number, end: number, span: Span): string {
  if (end - start <= MAX_SENTENCE) return tidy(text.slice(start, end));
  const room = Math.max(0, MAX_SENTENCE - (span[1] - span[0]));
  const from = Math.max(start, span[0] - Math.floor(room / 2));
  const to = Math.min(end, span[1] + (room - (span[0] - from)));
  // Cut at word boundaries so no word is halved.
  const head = from > start ? text.slice(from).replace(/^\S*\s/, "") : text.slice(from);
  const window = head.slice(0, to - (text.length - head.length));
  const body = to < end ? window.replace(/\s\S*$/, "") : window;
  return `${from > start ? "… " : ""}${tidy(body)}${to < end ? " …" : ""}`;
}
