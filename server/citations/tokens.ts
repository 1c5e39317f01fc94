/** The tokens the text is cut into: citation-shaped matches and special words; other words stay strings. */
import type { Edition } from "./editions";

export type TokenKind = "citation" | "id" | "supra" | "paragraph" | "stopWord" | "placeholder" | "section";

export type Groups = Record<string, string | undefined>;

export type Token = {
  kind: TokenKind;
  data: string;
  start: number;
  end: number;
  groups: Groups;
  /** Citation tokens: editions whose canonical abbreviation matched, and those matched through a variation. */
  exactEditions: Edition[];
  variationEditions: Edition[];
  short: boolean;
};

/** A word is a plain string (text between tokens, split on spaces, each space its own word) or a token. */
export type Word = string | Token;

export const isToken = (word: Word | undefined): word is Token => typeof word === "object";

export const wordText = (word: Word): string => (typeof word === "string" ? word : word.data);
