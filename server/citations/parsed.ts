/** The extractor's working record of one citation, before it is turned into a `Citation`. */
import type { Edition } from "./editions";
import type { Groups, Token } from "./tokens";

export type ParsedKind = "case" | "shortCase" | "id" | "supra" | "law" | "journal" | "reference" | "unknown";

export type ParsedMeta = {
  pinCite?: string;
  parenthetical?: string;
  year?: string;
  month?: string;
  day?: string;
  court?: string;
  courtText?: string;
  /** The citation's parenthetical named a court (eyecite then guesses none from the reporter). */
  courtNamed?: boolean;
  plaintiff?: string;
  defendant?: string;
  extra?: string;
  antecedent?: string;
  publisher?: string;
  volume?: string;
};

export type ParsedCitation = {
  kind: ParsedKind;
  token: Token;
  /** Index of the token among the words. */
  index: number;
  spanStart?: number;
  spanEnd?: number;
  fullSpanStart?: number;
  fullSpanEnd?: number;
  groups: Groups;
  exactEditions: Edition[];
  variationEditions: Edition[];
  editionGuess?: Edition;
  /** The year as a number, when it is a plausible one. */
  year?: number;
  meta: ParsedMeta;
};

export function newCitation(kind: ParsedKind, token: Token, index: number, extra: Partial<ParsedCitation> = {}): ParsedCitation {
  const groups = { ...token.groups };
  // A blank page (`570 U.S. ___`) is a known missing page.
  if (groups.page !== undefined && /^_+$/.test(groups.page)) groups.page = undefined;
  return {
    kind,
    token,
    index,
    groups,
    exactEditions: token.exactEditions,
    variationEditions: token.variationEditions,
    meta: {},
    ...extra,
  };
}

export const spanOf = (c: ParsedCitation): [number, number] => [c.spanStart ?? c.token.start, c.spanEnd ?? c.token.end];

export function fullSpanOf(c: ParsedCitation): [number, number] {
  const [start, end] = spanOf(c);
  return [c.fullSpanStart ?? start, c.fullSpanEnd ?? end];
}

export const allEditions = (c: ParsedCitation): Edition[] => [...c.exactEditions, ...c.variationEditions];
