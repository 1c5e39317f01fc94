import type { Variant } from "./variants";

/**
 * Re-encodings of a whole NEF e-mail (RFC 822/MIME) that mail systems apply on the way and that
 * leave the message's content as it was: another transfer encoding (base64, quoted-printable),
 * another charset, other boundaries, CRLF line endings, folded headers, one more multipart
 * level. Written with string handling, not with the mail parser under test.
 */

type Field = { name: string; raw: string };
type Entity = { fields: Field[]; body: string; newline: string };

const BLANK_LINE = /\r?\n\r?\n/;

function splitEntity(text: string): Entity {
  const m = BLANK_LINE.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  const body = m ? text.slice(m.index + m[0].length) : "";
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const fields: Field[] = [];
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && fields.length > 0) fields[fields.length - 1]!.raw += `${newline}${line}`;
    else
      fields.push({
        name: line
          .slice(0, Math.max(0, line.indexOf(":")))
          .trim()
          .toLowerCase(),
        raw: line,
      });
  }
  return { fields, body, newline };
}

function joinEntity(entity: Entity): string {
  const head = entity.fields.map((f) => f.raw).join(entity.newline);
  return `${head}${entity.newline}${entity.newline}${entity.body}`;
}

function fieldValue(entity: Entity, name: string): string | undefined {
  const field = entity.fields.find((f) => f.name === name);
  return field === undefined
    ? undefined
    : field.raw
        .slice(field.raw.indexOf(":") + 1)
        .replace(/\r?\n[ \t]/g, " ")
        .trim();
}

function setField(entity: Entity, name: string, raw: string): void {
  const at = entity.fields.findIndex((f) => f.name === name.toLowerCase());
  const field = { name: name.toLowerCase(), raw };
  if (at === -1) entity.fields.push(field);
  else entity.fields[at] = field;
}

function param(value: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}

function decodeQuotedPrintable(body: string): Buffer {
  const bytes: number[] = [];
  const text = body.replace(/=\r?\n/g, "");
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes);
}

function encodeQuotedPrintable(bytes: Buffer, newline: string): string {
  const lines: string[] = [];
  for (const line of bytes.toString("latin1").split(/\r?\n/)) {
    let out = "";
    let width = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      const last = i === line.length - 1;
      const plain = (c >= 33 && c <= 126 && c !== 61) || ((c === 32 || c === 9) && !last);
      const piece = plain ? line[i]! : `=${c.toString(16).toUpperCase().padStart(2, "0")}`;
      if (width + piece.length > 75) {
        out += `=${newline}`;
        width = 0;
      }
      out += piece;
      width += piece.length;
    }
    lines.push(out);
  }
  return lines.join(newline);
}

function wrapBase64(bytes: Buffer, newline: string): string {
  return (bytes.toString("base64").match(/.{1,76}/g) ?? []).join(newline) + newline;
}

type Target = {
  encoding: "base64" | "quoted-printable" | "8bit";
  charset: "utf-8" | "iso-8859-1" | "windows-1252";
  /** A rewriting of the HTML parts' markup, applied before they are encoded. */
  html?: (html: string) => string;
};

// windows-1252's characters for the bytes 0x80–0x9F.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** `text` in a single-byte charset, or undefined when a character has no byte there. */
function singleByte(text: string, charset: "iso-8859-1" | "windows-1252"): Buffer | undefined {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const high = charset === "windows-1252" ? CP1252_HIGH.indexOf(ch) : -1;
    if (high !== -1) bytes.push(0x80 + high);
    else if (code <= 0xff && !(charset === "windows-1252" && code >= 0x80 && code <= 0x9f)) bytes.push(code);
    else return undefined;
  }
  return Buffer.from(bytes);
}

/** The text of a `text/*` body, or undefined when its bytes cannot be known for sure. */
function decodedText(entity: Entity): string | undefined {
  const type = fieldValue(entity, "content-type") ?? "text/plain";
  const charset = (param(type, "charset") ?? "us-ascii").toLowerCase();
  const encoding = (fieldValue(entity, "content-transfer-encoding") ?? "7bit").toLowerCase();
  const utf8 = charset === "utf-8" || charset === "us-ascii";
  let bytes: Buffer;
  if (encoding === "base64") bytes = Buffer.from(entity.body, "base64");
  else if (encoding === "quoted-printable") bytes = decodeQuotedPrintable(entity.body);
  // An unencoded body is already text: the file's bytes were decoded when it was read.
  else return entity.body;
  if (utf8) return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (charset === "iso-8859-1" || charset === "latin1") return bytes.toString("latin1");
  return undefined;
}

function reencodeText(entity: Entity, target: Target): void {
  const decoded = decodedText(entity);
  if (decoded === undefined) return;
  const isHtml = /^text\/html/i.test(fieldValue(entity, "content-type") ?? "");
  const text = isHtml && target.html ? target.html(decoded) : decoded;
  const single = target.charset === "utf-8" ? undefined : singleByte(text, target.charset);
  if (target.encoding === "8bit" && single === undefined) return;
  const charset = single === undefined ? "utf-8" : target.charset;
  const bytes = single ?? Buffer.from(text, "utf8");
  const type = (fieldValue(entity, "content-type") ?? "text/plain").split(";")[0]!.trim();
  setField(entity, "Content-Type", `Content-Type: ${type};${entity.newline}\tcharset="${charset}"`);
  setField(entity, "Content-Transfer-Encoding", `Content-Transfer-Encoding: ${target.encoding}`);
  if (target.encoding === "base64") entity.body = wrapBase64(bytes, entity.newline);
  else if (target.encoding === "quoted-printable") entity.body = encodeQuotedPrintable(bytes, entity.newline);
  // Unencoded: the file holds these bytes, which are not UTF-8, so it is read as ISO-8859-1.
  else entity.body = bytes.toString("latin1");
}

let boundaries = 0;

/** Re-encodes every text part, giving every multipart a new boundary. */
function reencode(text: string, target: Target): string {
  const entity = splitEntity(text);
  const type = fieldValue(entity, "content-type") ?? "text/plain";
  if (/^multipart\//i.test(type)) {
    const old = param(type, "boundary");
    if (old === undefined) return text;
    const fresh = `quash_variant_${++boundaries}_${old.length}`;
    const pieces = entity.body.split(`--${old}`);
    // pieces[0] is the preamble; the last piece starts with "--" (the closing delimiter).
    entity.body = pieces
      .map((piece, i) => {
        if (i === 0 || piece.startsWith("--")) return piece;
        const lead = /^[ \t]*\r?\n/.exec(piece)?.[0] ?? "";
        return lead + reencode(piece.slice(lead.length), target);
      })
      .join(`--${fresh}`);
    const field = entity.fields.find((f) => f.name === "content-type")!;
    field.raw = field.raw.replace(old, fresh);
    return joinEntity(entity);
  }
  if (/^text\//i.test(type)) reencodeText(entity, target);
  return joinEntity(entity);
}

export const base64Body: Variant = {
  name: "text parts re-encoded as base64 (UTF-8), new boundaries",
  apply: (text) => reencode(text, { encoding: "base64", charset: "utf-8" }),
};

export const quotedPrintableBody: Variant = {
  name: "text parts re-encoded as quoted-printable (UTF-8), new boundaries",
  apply: (text) => reencode(text, { encoding: "quoted-printable", charset: "utf-8" }),
};

export const latin1Body: Variant = {
  name: "text parts re-encoded as base64 in ISO-8859-1",
  apply: (text) => reencode(text, { encoding: "base64", charset: "iso-8859-1" }),
};

export const eightBitLatin1: Variant = {
  name: "text parts sent unencoded in ISO-8859-1",
  apply: (text) => reencode(text, { encoding: "8bit", charset: "iso-8859-1" }),
};

export const eightBitWindows1252: Variant = {
  name: "text parts sent unencoded in windows-1252",
  apply: (text) => reencode(text, { encoding: "8bit", charset: "windows-1252" }),
};

export const crlfMessage: Variant = {
  name: "CRLF line endings (as on the wire)",
  apply: (text) => text.replace(/\r?\n/g, "\r\n"),
};

/**
 * A single-part message wrapped in a multipart/mixed, with `extra` parts after it (raw MIME
 * entities, written with `nl` line breaks).
 */
function wrapInMultipart(text: string, extra: (nl: string) => string[]): string {
  const entity = splitEntity(text);
  const inner: Entity = { fields: [], body: entity.body, newline: entity.newline };
  const kept: Field[] = [];
  for (const field of entity.fields) {
    if (field.name.startsWith("content-")) inner.fields.push(field);
    else kept.push(field);
  }
  if (inner.fields.length === 0) inner.fields.push({ name: "content-type", raw: "Content-Type: text/plain" });
  const nl = entity.newline;
  const boundary = "quash_variant_outer";
  entity.fields = [
    ...kept.filter((f) => f.name !== "mime-version"),
    { name: "mime-version", raw: "MIME-Version: 1.0" },
    { name: "content-type", raw: `Content-Type: multipart/mixed;${nl}\tboundary="${boundary}"` },
  ];
  const parts = [joinEntity(inner), ...extra(nl)].map((part) => `--${boundary}${nl}${part}${nl}`).join("");
  entity.body = `This is a multi-part message in MIME format.${nl}${nl}${parts}--${boundary}--${nl}`;
  return joinEntity(entity);
}

export const wrappedInMultipart: Variant = {
  name: "body wrapped in a one-part multipart/mixed",
  apply: (text) => wrapInMultipart(text, () => []),
};

/**
 * A mail gateway's disclaimer added as a second HTML part. The reference reads the first text
 * part only, so nothing in it counts; it is worded to be picked up (a recipients label, a case
 * name, an address) if it were ever joined to the notice.
 */
export const disclaimerPart: Variant = {
  name: "a second HTML part (a gateway's disclaimer) after the notice",
  apply: (text) =>
    wrapInMultipart(text, (nl) => [
      [
        "Content-Type: text/html; charset=us-ascii",
        "",
        "<p><b>Notice has been electronically mailed to:</b> Disclaimer Desk postmaster@gateway.example</p>",
        "<p>Case Name: Confidential v. Disclaimer. This e-mail and any attachments are confidential.</p>",
      ].join(nl),
    ]),
};

/** Long header lines folded at a space (RFC 5322), the Subject included. */
export const foldedHeaders: Variant = {
  name: "Subject, Content-Type and other headers folded",
  apply: (text) => {
    const entity = splitEntity(text);
    for (const field of entity.fields) {
      if (field.name === "content-type" && !field.raw.includes("\n")) {
        // Folded right after the colon, as some mail servers write it.
        field.raw = field.raw.replace(/:\s*/, `:${entity.newline}\t`);
        continue;
      }
      if (field.raw.includes("\n") || !/^(subject|to|from)$/.test(field.name)) continue;
      const colon = field.raw.indexOf(":");
      const words = field.raw
        .slice(colon + 1)
        .trim()
        .split(" ");
      if (words.length < 4) continue;
      const half = Math.ceil(words.length / 2);
      field.raw = `${field.raw.slice(0, colon + 1)} ${words.slice(0, half).join(" ")}${entity.newline}\t${words.slice(half).join(" ")}`;
    }
    return joinEntity(entity);
  },
};

/** A message as stored in an mbox file: a "From " envelope line before the headers. */
export const mboxEnvelope: Variant = {
  name: 'mbox "From " envelope line before the headers',
  apply: (text) => `From MAILER-DAEMON Thu Oct  6 03:17:21 2022\n${text}`,
};

/** An HTML rewriting (see variants.ts) applied to the HTML parts of a whole e-mail. */
export function inHtmlParts(variant: Variant): Variant {
  return {
    name: `HTML parts: ${variant.name}`,
    apply: (text) => reencode(text, { encoding: "base64", charset: "utf-8", html: variant.apply }),
  };
}

/**
 * Plain-text parts declared format=flowed, each line that another follows ending in a space (a
 * flowed "soft" break). The reference's mail parser ignores the parameter, and a trailing space
 * changes none of its fields.
 */
export const flowedPlainText: Variant = {
  name: "plain text declared format=flowed, lines ending in a space",
  apply: (text) => {
    const entity = splitEntity(text);
    const type = fieldValue(entity, "content-type") ?? "text/plain";
    const encoding = (fieldValue(entity, "content-transfer-encoding") ?? "7bit").toLowerCase();
    if (!/^text\/plain/i.test(type) || encoding === "base64" || encoding === "quoted-printable") return text;
    setField(entity, "Content-Type", `Content-Type: ${type}; format=flowed`);
    entity.body = entity.body.replace(/([^\s])(\r?\n)(?=\S)/g, "$1 $2");
    return joinEntity(entity);
  },
};

export const MIME_VARIANTS: Variant[] = [
  flowedPlainText,
  base64Body,
  quotedPrintableBody,
  latin1Body,
  eightBitLatin1,
  eightBitWindows1252,
  crlfMessage,
  wrappedInMultipart,
  disclaimerPart,
  foldedHeaders,
  mboxEnvelope,
];
