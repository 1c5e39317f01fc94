import { createHmac } from "node:crypto";

/*
 * A case's "never publish" list, kept as salted hashes so the list itself unmasks no one.
 * A term is normalised to its words (letters and digits, lower case, accents folded), initials
 * and single letters dropped, and the words sorted: "Jonathan Q. Público", "PUBLICO, Jonathan"
 * and "jonathan publico" are one term. Text is scanned by sliding a window over its words and
 * hashing each window the same way, so a multi-word name is found however the text spaces,
 * orders or punctuates it, and a middle initial in the text does not hide it. Only the
 * digest and the word count are stored.
 */

export type Word = { text: string; start: number; end: number };

/** The words of a text as the list reads them, with where each sits in the original. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    // "Maria's" is Maria; "O'Neil" is oneil.
    const word = m[0];
    const folded = /^[A-Za-z0-9]+$/.test(word)
      ? word.toLowerCase()
      : word
          .normalize("NFKD")
          .replace(/\p{M}/gu, "")
          .replace(/['’]s$/iu, "")
          .replace(/['’]/g, "")
          .toLowerCase();
    words.push({ text: folded, start: m.index, end: m.index + m[0].length });
  }
  return words;
}

/** An initial ("Q.") or a lone letter carries no identity of its own and is skipped. */
const counts = (word: string) => word.length > 1;

/** The words of a term that count, sorted: the key its digest is made of. */
export function termKey(term: string): string[] {
  return wordsOf(term)
    .map((w) => w.text)
    .filter(counts)
    .sort();
}

export function digestOf(salt: string, key: string[]): string {
  return createHmac("sha256", salt).update(key.join(" ")).digest("hex");
}

export type TermMatch = { digest: string; start: number; end: number };

/*
 * Scanning hashes every run of words of a text (about 80 for a docket entry), and one HMAC
 * costs some 15 µs, so a list made every write several times slower (bench/guard-cost.ts).
 * Docket texts repeat their phrases ("MOTION to", "Signed by Judge"), so the digests of runs
 * already seen are kept, bounded; the texts are the staff's own, in this process only.
 */
const DIGEST_CACHE_SIZE = 50_000;
const windowDigests = new Map<string, Map<string, string>>();

function cachedDigest(salt: string, key: string[]): string {
  let digests = windowDigests.get(salt);
  if (!digests) windowDigests.set(salt, (digests = new Map()));
  const joined = key.join(" ");
  let digest = digests.get(joined);
  if (digest === undefined) {
    digest = createHmac("sha256", salt).update(joined).digest("hex");
    if (digests.size >= DIGEST_CACHE_SIZE) digests.delete(digests.keys().next().value!);
    digests.set(joined, digest);
  }
  return digest;
}

/** Forgets the digests kept so far: for the benchmark, whose every pass starts as a fresh process would. */
export function forgetCachedDigests(): void {
  windowDigests.clear();
}

/**
 * Where a text holds a listed term: every run of `n` counting words (initials between them
 * skipped), for each word count the list has, whose digest is on the list.
 */
export function findTerms(text: string, salt: string, list: { digest: string; wordCount: number }[]): TermMatch[] {
  if (list.length === 0) return [];
  const wanted = new Set(list.map((t) => t.digest));
  const sizes = [...new Set(list.map((t) => t.wordCount))].sort((a, b) => a - b);
  const longest = sizes.at(-1)!;
  const words = wordsOf(text).filter((w) => counts(w.text));
  const texts = words.map((w) => w.text);
  const found: TermMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const n of sizes) {
      if (n > longest || i + n > words.length) break;
      const digest = cachedDigest(salt, texts.slice(i, i + n).sort());
      if (wanted.has(digest)) found.push({ digest, start: words[i]!.start, end: words[i + n - 1]!.end });
    }
  }
  return found;
}
