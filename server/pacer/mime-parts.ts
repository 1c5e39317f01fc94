/**
 * The MIME structure of an e-mail, read just far enough to find its parts in order: each
 * entity's header block and body, and the parts of a multipart body. The mail parser does the
 * decoding; this is for the questions it does not answer the way the reference's (Python's)
 * parser does, such as "which text part comes first".
 */

export type MimeEntity = { head: string; body: string; separator: string };

const BLANK_LINE = /\r?\n\r?\n/;

/** An entity's header block, the blank line after it, and its body. */
export function splitEntity(text: string): MimeEntity {
  const blank = BLANK_LINE.exec(text);
  if (!blank) return { head: text, body: "", separator: "" };
  return { head: text.slice(0, blank.index), separator: blank[0], body: text.slice(blank.index + blank[0].length) };
}

/** A header's value, unfolded, or undefined when the block does not have it. */
export function headerValue(head: string, name: string): string | undefined {
  const m = new RegExp(`^${name}[ \\t]*:([^\\r\\n]*(?:\\r?\\n[ \\t][^\\r\\n]*)*)`, "im").exec(head);
  return m ? m[1]!.replace(/\r?\n[ \t]/g, " ").trim() : undefined;
}

/** The media type of an entity (`text/plain` when it names none, as RFC 2045 says). */
export function mediaType(head: string): string {
  return (headerValue(head, "content-type") ?? "text/plain").split(";")[0]!.trim().toLowerCase();
}

/** The boundary of a multipart entity, or undefined for any other. */
export function multipartBoundary(head: string): string | undefined {
  const type = headerValue(head, "content-type") ?? "";
  if (!/^multipart\//i.test(type)) return undefined;
  const m = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(type);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * The parts of a multipart body, each as the text between two delimiter lines (the preamble
 * before the first and the epilogue after the closing one are not parts).
 */
export function multipartParts(body: string, boundary: string): string[] {
  const pieces = body.split(`--${boundary}`);
  const parts: string[] = [];
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece.startsWith("--")) break;
    const lead = /^[ \t]*\r?\n/.exec(piece)?.[0] ?? "";
    parts.push(piece.slice(lead.length).replace(/\r?\n$/, ""));
  }
  return parts;
}

/** The non-multipart entities of a message, depth first in MIME order (Python's `walk`). */
export function mimeLeaves(message: string): MimeEntity[] {
  const leaves: MimeEntity[] = [];
  const pending = [message];
  while (pending.length > 0) {
    const entity = splitEntity(pending.pop()!);
    const boundary = multipartBoundary(entity.head);
    if (boundary === undefined) leaves.push(entity);
    else pending.push(...multipartParts(entity.body, boundary).reverse());
  }
  return leaves;
}

const TEXT_BODY = /^text\/(?:html|plain)$/;

/**
 * When a message has more than one HTML or plain-text part, the message cut down to the first
 * of them (its own headers, with the part's content headers), else null. The reference reads
 * that part alone; the mail parser would join every text part of a type into one body, so a
 * mail gateway's disclaimer or a forwarded copy became part of the notice.
 */
export function firstTextPartOnly(message: string): string | null {
  const texts = mimeLeaves(message).filter((leaf) => TEXT_BODY.test(mediaType(leaf.head)));
  if (texts.length < 2) return null;
  const first = texts[0]!;
  const top = splitEntity(message);
  const fields = top.head.split(/\r?\n(?![ \t])/).filter((field) => !/^content-/i.test(field));
  const newline = top.separator.startsWith("\r\n") ? "\r\n" : "\n";
  return `${[...fields, first.head].join(newline)}${newline}${newline}${first.body}`;
}
