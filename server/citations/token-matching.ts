/**
 * eyecite's `match_on_tokens`: the words after (or before) a token, joined back into text up to
 * 300 characters, and a pattern tried at the start (or end) of it. The scan stops at a line
 * break, and with `stringsOnly` at any token, so the fields of one citation never run into the next.
 */
import { isToken, wordText, type Word } from "./tokens";

const MAX_MATCH_CHARS = 300;

export function matchOnTokens(
  words: Word[],
  startIndex: number,
  regex: RegExp,
  options: { prefix?: string; stringsOnly?: boolean; forward?: boolean } = {},
): RegExpExecArray | null {
  const forward = options.forward ?? true;
  let text = options.prefix ?? "";
  if (forward) {
    for (let i = Math.min(startIndex, words.length); i < words.length; i++) {
      const word = words[i]!;
      if (isToken(word) && (options.stringsOnly || word.kind === "paragraph")) break;
      text += wordText(word);
      if (text.length >= MAX_MATCH_CHARS) {
        text = text.slice(0, MAX_MATCH_CHARS);
        break;
      }
    }
  } else {
    const parts: string[] = [];
    let length = text.length;
    for (let i = Math.max(startIndex, -1); i > -1; i--) {
      const word = words[i]!;
      if (isToken(word) && (options.stringsOnly || word.kind === "paragraph")) break;
      const part = wordText(word);
      parts.push(part);
      length += part.length;
      if (length >= MAX_MATCH_CHARS) break;
    }
    text = parts.reverse().join("") + text;
    if (text.length > MAX_MATCH_CHARS) text = text.slice(-MAX_MATCH_CHARS);
  }
  return regex.exec(text);
}
