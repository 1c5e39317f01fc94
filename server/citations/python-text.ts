/** Python's string tests and slices, which eyecite's rules are written in (Unicode-aware). */

export const isUpper = (char: string | undefined): boolean => char !== undefined && /\p{Lu}/u.test(char);
export const isLower = (char: string | undefined): boolean => char !== undefined && /\p{Ll}/u.test(char);
export const isAlpha = (char: string | undefined): boolean => char !== undefined && /\p{L}/u.test(char);

/** Python's `str.strip(chars)`. */
export function stripChars(text: string, chars: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start]!)) start++;
  while (end > start && chars.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}
export const rstripChars = (text: string, chars: string): string => {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
};

/** Python's `list[start:end]`, negative indices counting from the end. */
export function pySlice<T>(items: T[], start: number, end: number): T[] {
  const n = items.length;
  const from = start < 0 ? Math.max(n + start, 0) : Math.min(start, n);
  const to = end < 0 ? Math.max(n + end, 0) : Math.min(end, n);
  return from < to ? items.slice(from, to) : [];
}

/** Word characters as Python's regex module sees them (letters, digits, marks, underscore). */
export const WORD_CHAR = "[\\p{L}\\p{N}\\p{M}_]";
