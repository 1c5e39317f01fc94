import { cleanString, pyStrip } from "./strings";

/**
 * The short description of a NEF comes from the e-mail Subject, which reads
 * "Activity in Case <docket number> <case name> <short description>" in district courts. Each
 * bankruptcy court has its own layout, so there the docket numbers, case names, "NEF:" and
 * chapter markers are cut out of the subject and what remains is the description.
 */

export type SubjectContext = {
  courtId: string;
  bankruptcy: boolean;
  /** Appellate notices: the footer's "Document Description:" (null for other notices). */
  appellateFooter: string | null;
  /** Case names as printed (cleaned, not harmonised), in notice order. */
  caseNames: string[];
  /** Short docket numbers found so far. */
  docketNumbers: Array<string | null>;
  /** The link texts the docket numbers were read from (full numbers, maybe with judge initials). */
  rawDocketNumbers: Set<string>;
};

/** The subject after the case name (or all of it when no case name appears in it). */
function afterCaseName(subject: string, caseNames: string[]): string {
  let parts = [subject];
  for (const name of caseNames) {
    parts = subject.split(name);
    if (parts.length > 1) break;
  }
  return pyStrip(parts[parts.length - 1]!);
}

function bankruptcyShortDescription(subject: string, ctx: SubjectContext): string {
  const closing = /close adversary case/i.exec(subject);
  if (closing) return closing[0];

  // Longest raw numbers first, so "24-03015-jam" goes before "24-03015".
  const raw = [...ctx.rawDocketNumbers].map((n) => pyStrip(n).split(" ")[0]!).sort((a, b) => b.length - a.length);
  let s = subject;
  for (const part of [...raw, ...ctx.docketNumbers.filter((n): n is string => n !== null), ...ctx.caseNames]) {
    s = s.replaceAll(part, " ");
  }
  // Some courts cut the case name in the subject (at 18 characters, or before " and ").
  for (const name of ctx.caseNames) {
    s = s.replaceAll(pyStrip(name.slice(0, 18)), " ");
    s = s.replaceAll(name.split(" and ")[0]!, " ");
  }
  s = s.replace(/(NEF:? )|(C[Hh][- ]?(7|9|11|13))|(C[hH][\s-]*$)/g, " ");
  // nhb writes "Chapter 13" instead of "Ch 13"; only the first one is the marker.
  if (ctx.courtId === "nhb") s = s.replace(/Chapter[- ]?(7|9|11|13)/, " ");
  s = stripChars(s, " ;:,-");
  return s.replace(/( Re$)|(^Re:? )/g, "");
}

/**
 * Appellate notices: the quoted description in the Subject ("21-1975 New York State
 * Telecommunicati v. James \"Letter RECEIVED\"") or the footer's, whichever is longer.
 */
function appellateShortDescription(subject: string, ctx: SubjectContext): string {
  let footer = (ctx.appellateFooter ?? "").replaceAll("_", " ");
  if (footer === "Main document") footer = "";
  const parts = ctx.caseNames[0] === undefined ? [subject] : subject.split(ctx.caseNames[0]);
  const quoted = /"(.*?)"/.exec(parts[parts.length - 1]!)?.[1] ?? "";
  return quoted.length >= footer.length ? quoted : footer;
}

/** Python's `s.strip(chars)`. */
function stripChars(s: string, chars: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && chars.includes(s[start]!)) start++;
  while (end > start && chars.includes(s[end - 1]!)) end--;
  return s.slice(start, end);
}

/** The short description for the notice's dockets; "" without a subject. */
export function shortDescription(subject: string | null, ctx: SubjectContext): string {
  if (!subject) return "";
  const cleaned = cleanString(subject);
  if (ctx.appellateFooter !== null) return cleanString(appellateShortDescription(cleaned, ctx));
  if (ctx.bankruptcy) return cleanString(bankruptcyShortDescription(cleaned, ctx));
  return cleanString(afterCaseName(cleaned, ctx.caseNames));
}
