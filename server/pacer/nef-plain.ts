import { cleanString } from "./strings";
import type { EmailRecipient } from "./types";

/**
 * Reading a plain-text Notice of Electronic Filing ("Case Name: …", "Case Number: … URL",
 * "Docket Text:", "Notice has been electronically mailed to:" followed by name and address
 * lines). Field values run to the end of their line, as in the reference; a case name that wraps
 * onto the next line is cut there.
 */

function restOfLines(text: string, label: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(label, from);
    if (at === -1) return out;
    const start = at + label.length;
    const end = text.indexOf("\n", start);
    out.push(text.slice(start, end === -1 ? undefined : end));
    if (end === -1) return out;
    from = end;
  }
}

export function plainCaseNames(text: string): string[] {
  return restOfLines(text, "Case Name:");
}

export function plainCaseNumbers(text: string): string[] {
  return restOfLines(text, "Case Number:");
}

export function plainDocumentNumber(text: string): string | null {
  const first = restOfLines(text, "Document Number:")[0];
  return first === undefined ? null : cleanString(first);
}

export function plainDocumentUrl(text: string): string | null {
  return /view the document:[\r\n\s]+(https?:\/\/[^\s]+)/.exec(text)?.[1] ?? null;
}

export function plainCaseUrl(text: string): string | null {
  return /Case Number: [^\n]*? (https?:\/\/\S+)/.exec(text)?.[1] ?? null;
}

/** The "Docket Text:" up to the document list or the recipients. */
export function plainDocketText(text: string): string | null {
  const m = /^[\s\S]*?Docket Text:([\s\S]*?)(The following document|electronically mailed to:)/.exec(text);
  if (!m) return null;
  let description = "";
  for (const line of splitLines(m[1]!)) {
    if (line.includes("Notice has been")) break;
    description += ` ${line}`;
  }
  return cleanString(description) || null;
}

/** More than one "Document description:" in the list of associated documents. */
export function plainHasAttachments(text: string): boolean {
  const m = /^[\s\S]*?The following document\(s\) are associated with this transaction:([\s\S]*?)(electronically mailed to:|$)/.exec(text);
  if (!m) return false;
  return splitLines(m[1]!).filter((line) => line.includes("Document description:")).length > 1;
}

/** Each line with an "@" is a recipient's addresses; the line above it is the name. */
export function plainRecipients(text: string): EmailRecipient[] {
  const at = text.indexOf("Notice has been electronically mailed to:");
  if (at === -1) return [];
  const lines = splitLines(text.slice(at + "Notice has been electronically mailed to:".length));
  const recipients: EmailRecipient[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes("@")) {
      // Index -1 wraps to the last line, as Python's lines[i - 1] does.
      const previous = i === 0 ? lines[lines.length - 1]! : lines[i - 1]!;
      recipients.push({ email_addresses: line.split(",").map(cleanString), name: cleanString(previous) });
    }
    if (line.includes("Notice will be delivered")) break;
  }
  return recipients;
}

/** Python's `str.splitlines()`. */
function splitLines(s: string): string[] {
  const lines = s.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
