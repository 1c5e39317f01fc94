/**
 * The public search's query language, turned into FTS5 syntax that cannot be read as anything
 * else: words (all must match), "a phrase", -word or -"phrase" to leave out, prefix* for words
 * that start so. `§ 1509` finds 1509: the section sign is not a word. Pure: no database here.
 */

/** A query a person cannot have meant, with what to tell them. */
export class SearchQueryError extends Error {}

export const MAX_QUERY_LENGTH = 500;
const MAX_TERMS = 32;

type Term = { text: string; phrase: boolean; prefix: boolean; exclude: boolean; or?: boolean };

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
const hasWord = (text: string) => /[\p{L}\p{N}]/u.test(text);

function terms(input: string): Term[] {
  const out: Term[] = [];
  const pattern = /(-?)"([^"]*)("?)|(\S+)/gu;
  for (const match of input.matchAll(pattern)) {
    if (match[4] !== undefined) {
      let word = match[4];
      if (word === "OR") {
        out.push({ text: "OR", phrase: false, prefix: false, exclude: false, or: true });
        continue;
      }
      const exclude = word.startsWith("-") && word.length > 1;
      if (exclude) word = word.slice(1);
      if (word.includes('"')) throw new SearchQueryError("A quotation mark is not closed: put a phrase between two of them.");
      const prefix = word.endsWith("*");
      word = word.replace(/\*+$/u, "");
      if (word.includes("*")) throw new SearchQueryError("A * goes at the end of a word, to find the words that start so (quash*).");
      if (hasWord(word)) out.push({ text: word, phrase: false, prefix, exclude });
      continue;
    }
    if (match[3] !== '"') throw new SearchQueryError("A quotation mark is not closed: put a phrase between two of them.");
    if (hasWord(match[2]!)) out.push({ text: match[2]!.trim(), phrase: true, prefix: false, exclude: match[1] === "-" });
  }
  return out;
}

/** The FTS5 query for what a person typed, or null when it holds no word to search for. */
export function toMatchQuery(input: string): string | null {
  if (input.length > MAX_QUERY_LENGTH) throw new SearchQueryError(`A search can be at most ${MAX_QUERY_LENGTH} characters long.`);
  if (input.trim() === "") return null;
  const all = terms(input);
  if (all.every((term) => term.or)) throw new SearchQueryError("Type a word or a number to search for: this search has none.");
  if (all.length > MAX_TERMS) throw new SearchQueryError(`A search can have at most ${MAX_TERMS} words or phrases.`);
  const fts = (term: Term) => quoted(term.text) + (term.prefix ? "*" : "");
  // Words joined by OR make one group, which finds any of them; every group must match.
  const groups: Term[][] = [];
  let joinNext = false;
  for (const term of all) {
    if (term.or) {
      joinNext = groups.length > 0;
      continue;
    }
    if (term.exclude) continue;
    if (joinNext) groups[groups.length - 1]!.push(term);
    else groups.push([term]);
    joinNext = false;
  }
  const unwanted = all.filter((term) => term.exclude);
  if (groups.length === 0) throw new SearchQueryError("Say what to find, not only what to leave out: a -word needs a word beside it.");
  const group = (members: Term[]) => (members.length === 1 ? fts(members[0]!) : `(${members.map(fts).join(" OR ")})`);
  let match = `(${groups.map(group).join(" ")})`;
  for (const term of unwanted) match = `${match} NOT ${fts(term)}`;
  return match;
}
