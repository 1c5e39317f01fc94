import { relabelDecodedParts } from "./mime-charsets";
import { firstTextPartOnly } from "./mime-parts";
import type { NefBody } from "./nef";

/**
 * Getting the notice out of a whole e-mail (RFC 822, as received or as archived): the Subject,
 * the body, and whether an image rides along. mailparser does the MIME work (multipart,
 * quoted-printable, base64, charsets).
 */

// Header field names (RFC 5322: printable ASCII except ":"), as the first line of a message.
const HEADER_LINE = /^[!-9;-~]+:/;
const TELLTALE_HEADER =
  /^(received|from|to|subject|date|message-id|mime-version|content-type|return-path|delivered-to|sender|x-[a-z0-9-]+):/im;

// An mbox file's envelope line ("From sender date"), which mail archives put before the headers.
const MBOX_ENVELOPE = /^From [^\r\n]*\r?\n/;

/**
 * The message without a byte-order mark or an mbox envelope line: the reference's mail parser
 * (Python's) takes a leading "From " line as the envelope, not as a header or the body.
 */
function withoutEnvelope(text: string): string {
  const start = text.replace(/^\ufeff/, "");
  return start.startsWith("From ") ? start.replace(MBOX_ENVELOPE, "") : start;
}

/** Whether `text` is a whole message (headers first) rather than just an HTML or text body. */
export function looksLikeMimeMessage(text: string): boolean {
  const start = withoutEnvelope(text);
  const firstLine = start.slice(0, start.search(/\r?\n|$/));
  if (!HEADER_LINE.test(firstLine)) return false;
  const blank = start.search(/\r?\n\r?\n/);
  const headers = blank === -1 ? start : start.slice(0, blank);
  return TELLTALE_HEADER.test(headers);
}

/**
 * The reference reads the first text part in MIME order, HTML or plain. mailparser merges parts
 * by type, so when a message has both, the first `Content-Type: text/…` header says which came
 * first.
 */
function plainComesFirst(message: string): boolean {
  // The value may be folded onto the next line ("Content-Type:\n\ttext/plain").
  const first = /^content-type:[ \t]*(?:\r?\n[ \t]+)?text\/(html|plain)/im.exec(message);
  return first?.[1]?.toLowerCase() === "plain";
}

/**
 * Undeclared quoted-printable: some archived bodies keep "=" soft line breaks. A line ending in
 * "=" is joined to the next without a space; other lines are joined with one.
 */
function joinSoftBreaks(body: string): string {
  let combined = "";
  let afterSoftBreak = false;
  for (const line of body.split("\n")) {
    if (line.endsWith("=")) {
      combined += line.slice(0, -1);
      afterSoftBreak = true;
    } else if (afterSoftBreak) {
      combined += line;
      afterSoftBreak = false;
    } else {
      combined += ` ${line}`;
    }
  }
  return combined;
}

// The format=flowed parameter (RFC 3676) of a text part's Content-Type, and its delsp companion.
const FLOWED_PARAMETERS = /;[ \t]*(?:\r?\n[ \t]+)?(?:format[ \t]*=[ \t]*"?flowed"?|delsp[ \t]*=[ \t]*"?(?:yes|no)"?)/gi;

/**
 * The message with format=flowed dropped. The mail parser would join the lines a flowed body
 * wraps with a trailing space; the reference's (Python's) does not, and a plain-text notice's
 * fields run to the end of their line there ("Case Name: Heartbeat of Miami, Inc. v.").
 */
function withoutFlowedFormat(message: string): string {
  return /format[ \t]*=[ \t]*"?flowed/i.test(message) ? message.replace(FLOWED_PARAMETERS, "") : message;
}

export type MimeReading = { body: NefBody; reason: null } | { body: null; reason: string };

const PARSER_OPTIONS = {
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipImageLinks: true,
  skipTextLinks: true,
  keepCidLinks: true,
};

export async function readMimeMessage(raw: string): Promise<MimeReading> {
  // Loaded with the first message: mailparser is 5 MB of heap a server that reads no mail never holds.
  const { simpleParser } = await import("mailparser");
  const message = relabelDecodedParts(withoutFlowedFormat(withoutEnvelope(raw)));
  const mail = await simpleParser(Buffer.from(message, "utf8"), PARSER_OPTIONS);
  const rootType = mail.headers.get("content-type");
  const multipart =
    typeof rootType === "object" && rootType !== null && "value" in rootType
      ? String(rootType.value).toLowerCase().startsWith("multipart/")
      : false;
  const imageAttached = multipart && mail.attachments.some((a) => a.contentType.toLowerCase().startsWith("image/"));
  const subject = mail.subject ?? null;
  // The body is the first text part's alone (see firstTextPartOnly).
  const firstPart = firstTextPartOnly(message);
  const texts = firstPart === null ? mail : await simpleParser(Buffer.from(firstPart, "utf8"), PARSER_OPTIONS);
  const html = typeof texts.html === "string" ? texts.html : null;
  const plain = typeof texts.text === "string" && texts.text !== "" ? texts.text : null;

  if (plain !== null && (html === null || plainComesFirst(message))) {
    return { body: { text: plain, contentType: "text/plain", subject, imageAttached }, reason: null };
  }
  if (html !== null) {
    return { body: { text: joinSoftBreaks(html), contentType: "text/html", subject, imageAttached }, reason: null };
  }
  return { body: null, reason: "the e-mail has no HTML or plain-text body" };
}
