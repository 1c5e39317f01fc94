import { headerValue, multipartBoundary, splitEntity } from "./mime-parts";

/**
 * An e-mail reaches the NEF parser as text: its bytes were decoded once already, as UTF-8 or, when
 * they are not valid UTF-8, as ISO-8859-1 (`decodePacerBytes`). An unencoded (7bit/8bit) part's
 * characters are therefore already the right ones, whatever charset its header names. The mail
 * parser is handed UTF-8 bytes, so a part labelled `charset=iso-8859-1` (older CM/ECF servers)
 * would be decoded a second time ("§" → "Â§"). This relabels such parts as UTF-8 first. Base64
 * and quoted-printable parts are ASCII and keep their label: their bytes are still encoded.
 */

const NON_ASCII = /[^\x00-\x7f]/;

const CHARSET = /(;[ \t\r\n]*charset[ \t]*=[ \t]*)("[^"]*"|[^;\s]+)/i;
const UTF8 = /^"?(utf-?8|us-ascii)"?$/i;
const WINDOWS_1252 = /^"?(windows-1252|cp-?1252)"?$/i;

// windows-1252's characters for the bytes 0x80–0x9F, which ISO-8859-1 reads as C1 controls.
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * A windows-1252 part of a message read as ISO-8859-1 (it was not valid UTF-8) holds C1 controls
 * where the sender wrote curly quotes and dashes: give them back their windows-1252 characters.
 */
function fromCp1252(body: string): string {
  return body.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** The entity (headers, blank line, body) with its parts' charset labels made true. */
function relabel(entity: string): string {
  const { head, separator, body } = splitEntity(entity);
  if (!NON_ASCII.test(body)) return entity;
  const boundary = multipartBoundary(head);
  if (boundary !== undefined) {
    const delimiter = `--${boundary}`;
    const parts = body.split(delimiter).map((part, i) => {
      // The preamble and the epilogue after the closing delimiter are not parts.
      if (i === 0 || part.startsWith("--")) return part;
      const lead = /^[ \t]*\r?\n/.exec(part)?.[0] ?? "";
      return lead + relabel(part.slice(lead.length));
    });
    return `${head}${separator}${parts.join(delimiter)}`;
  }
  const encoding = (headerValue(head, "content-transfer-encoding") ?? "").toLowerCase();
  if (encoding === "base64" || encoding === "quoted-printable") return entity;
  const charset = CHARSET.exec(head);
  if (!charset || UTF8.test(charset[2]!)) return entity;
  const text = WINDOWS_1252.test(charset[2]!) ? fromCp1252(body) : body;
  return `${head.replace(CHARSET, "$1utf-8")}${separator}${text}`;
}

/** `message` with every unencoded part that holds non-ASCII text labelled UTF-8 (see above). */
export function relabelDecodedParts(message: string): string {
  return NON_ASCII.test(message) ? relabel(message) : message;
}
