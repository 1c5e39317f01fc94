import {
  decodePacerBytes,
  detectPacerKind,
  explainRejection,
  MAX_PACER_INPUT_BYTES,
  parseDocketReport,
  parseNef,
  parseRssFeed,
  PacerInputError,
  type DocketReport,
  type NefNotice,
  type PacerKind,
  type RssDocket,
} from "../pacer";
import { looksLikeLoginPage } from "../pacer/detect";
import { looksLikeMimeMessage } from "../pacer/nef-mime";
import { sha256Of } from "../files/store";
import { courtIdFromDocument, courtIdFromFileName, isPacerCourtId } from "./courts";
import { juriscraperCourt, looksLikeJson, readJuriscraperDocket } from "./juriscraper-json";
import { DEFAULT_MAX_UPLOAD_BYTES } from "../config";
import { sizeText } from "../shared/bytes";

/**
 * From the bytes of one uploaded or named file to a parsed PACER document, or a one-line
 * reason why not. Nothing here touches the database: a file that fails here never starts an
 * import. Every refusal is a `PacerInputError` whose message can be shown as it is.
 */

export type ParsedPacer =
  { kind: "docket"; result: DocketReport } | { kind: "rss"; result: RssDocket[] } | { kind: "nef"; result: NefNotice };

export type PreparedFile = ParsedPacer & {
  fileName: string;
  sha256: string;
  bytes: Buffer;
  text: string;
  courtId: string;
  mediaType: string;
  /** Things staff should know (a court id the file name and the document disagree on…). */
  notes: string[];
};

export type PrepareOptions = {
  /** The court the user named; wins over the document and the file name. */
  courtId?: string | null;
  /** Largest file accepted, in bytes: MAX_UPLOAD_BYTES (the default's 20 MB unless given). */
  maxBytes?: number;
};

export { sha256Of };

/** The refusal for a file over the limit (also used before reading a file from disk or past an upload's limit). */
export function tooLargeMessage(size: number | null, limit: number): string {
  return `the file is too large: ${size === null ? "over the limit" : sizeText(size)}; PACER files are accepted up to ${sizeText(limit)}`;
}

/** The size limit in force: MAX_UPLOAD_BYTES, the one limit for every file given to Quash (never past the parsers' guard). */
export function importSizeLimit(maxBytes: number = DEFAULT_MAX_UPLOAD_BYTES): number {
  return Math.min(MAX_PACER_INPUT_BYTES, maxBytes);
}

const BINARY_SIGNATURES: [string, string][] = [
  ["%PDF", "a PDF"],
  ["PK\u0003\u0004", "a ZIP archive or Office document"],
  ["\u0089PNG", "a PNG image"],
  ["\u00ff\u00d8\u00ff", "a JPEG image"],
  ["GIF8", "a GIF image"],
];

function binaryKind(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 8).toString("latin1");
  for (const [signature, what] of BINARY_SIGNATURES) if (head.startsWith(signature)) return what;
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return "a binary file";
  let controls = 0;
  for (const byte of sample) if ((byte < 9 || (byte > 13 && byte < 32)) && byte !== 27) controls++;
  return controls > sample.length / 20 ? "a binary file" : null;
}

const KIND_NAMES: Record<PacerKind, string> = {
  docket: "PACER docket report",
  rss: "PACER RSS feed",
  nef: "Notice of Electronic Filing",
};

/**
 * Missing closing tags mean the file was cut short (a download interrupted, a copy-paste that
 * stopped early). The parsers would read what is there, so a truncated docket would import
 * half its entries; we refuse it instead.
 */
function truncationReason(text: string, kind: PacerKind): string | null {
  const unwrapped = text.replace(/=\r?\n/g, "");
  if (kind === "rss") return /<\/rss\s*>/i.test(unwrapped) ? null : "the feed is incomplete (no closing </rss>): the file was cut short";
  if (kind === "docket" && !/<\/(?:body|html)\s*>/i.test(unwrapped)) {
    return "the page is incomplete (no closing </body> or </html>): the file was cut short. Save or download the whole docket report again";
  }
  if (/<html[\s>]/i.test(unwrapped) && !/<\/html\s*>/i.test(unwrapped)) {
    return "the page is incomplete (an <html> without its closing </html>): the file was cut short";
  }
  return null;
}

function resolveCourt(
  text: string,
  fileName: string,
  requested: string | null | undefined,
  notes: string[],
  fromDocument = courtIdFromDocument(text),
): string {
  const fromName = courtIdFromFileName(fileName);
  if (requested) {
    const id = requested.trim().toLowerCase();
    if (!isPacerCourtId(id)) throw new PacerInputError(`"${requested}" is not a CM/ECF court id (they look like cand, nysd, dcd)`);
    if (fromDocument && fromDocument !== id) {
      notes.push(`The document's links name the ${fromDocument} court; imported under ${id} as asked.`);
    }
    return id;
  }
  if (fromDocument) {
    if (fromName && fromName !== fromDocument)
      notes.push(`The file name suggests ${fromName}, but the document's links name ${fromDocument}; used ${fromDocument}.`);
    return fromDocument;
  }
  if (fromName) return fromName;
  throw new PacerInputError("cannot tell which court the file is from: give the court id (--court cand, or the Court field)");
}

/**
 * Checks, identifies and parses one file. Throws `PacerInputError` with the reason for an
 * empty, binary, oversized, truncated or unusable file (login page, extension-altered page,
 * non-PACER e-mail…).
 */
export async function prepareFile(bytes: Buffer, fileName: string, options: PrepareOptions = {}): Promise<PreparedFile> {
  try {
    return await prepareBytes(bytes, fileName, options);
  } catch (error) {
    if (!(error instanceof PacerInputError)) throw error;
    // A notice forwarded "as an attachment" (a saved .eml inside another e-mail): the notice is the attached message.
    const attached = await attachedNotice(bytes, fileName, options);
    if (attached) return attached;
    throw error;
  }
}

/** The first message/rfc822 attachment that is itself a usable PACER file, or null. */
async function attachedNotice(bytes: Buffer, fileName: string, options: PrepareOptions): Promise<PreparedFile | null> {
  const text = decodePacerBytes(bytes);
  if (!looksLikeMimeMessage(text)) return null;
  let attachments: { contentType: string; filename?: string; content: Buffer }[];
  try {
    const { simpleParser } = await import("mailparser"); // loaded on first use (5 MB of heap)
    attachments = (await simpleParser(bytes)).attachments;
  } catch {
    return null;
  }
  for (const attachment of attachments.filter((a) => a.contentType === "message/rfc822")) {
    try {
      const inner = await prepareBytes(attachment.content, fileName, options);
      inner.notes.unshift(
        `The notice was attached to the e-mail${attachment.filename ? ` as ${attachment.filename}` : ""} (forwarded as an attachment); it was read from the attachment.`,
      );
      return inner;
    } catch (error) {
      if (!(error instanceof PacerInputError)) throw error;
    }
  }
  return null;
}

async function prepareBytes(bytes: Buffer, fileName: string, options: PrepareOptions): Promise<PreparedFile> {
  const limit = importSizeLimit(options.maxBytes);
  if (bytes.length === 0) throw new PacerInputError("the file is empty");
  if (bytes.length > limit) {
    throw new PacerInputError(tooLargeMessage(bytes.length, limit));
  }
  const binary = binaryKind(bytes);
  if (binary) throw new PacerInputError(`the file is ${binary}, not a PACER docket report, RSS feed or e-mail notice`);
  const text = decodePacerBytes(bytes);
  if (text.trim() === "") throw new PacerInputError("the file is empty (only blank space)");
  if (looksLikeLoginPage(text)) {
    throw new PacerInputError(
      "it is a PACER sign-in page, not a docket: the PACER session had expired. Sign in to PACER and save the report again",
    );
  }

  if (looksLikeJson(text)) {
    // juriscraper's docket JSON: checked field by field, then merged as a parsed docket report is.
    const result = readJuriscraperDocket(text);
    const notes: string[] = [];
    const courtId = resolveCourt(text, fileName, options.courtId, notes, juriscraperCourt(text));
    return {
      fileName,
      sha256: sha256Of(bytes),
      bytes,
      text,
      courtId,
      notes,
      kind: "docket",
      result: { ...result, court_id: courtId },
      mediaType: "application/json",
    };
  }

  const kind = detectPacerKind(text);
  if (kind === null) {
    if (looksLikeMimeMessage(text)) throw new PacerInputError(explainRejection(text, "nef"));
    if (/<[a-z!]/i.test(text)) throw new PacerInputError(explainRejection(text, "docket"));
    throw new PacerInputError(
      "not a PACER docket report, RSS feed or Notice of Electronic Filing (none of their headings or fields is in the file)",
    );
  }
  const truncated = truncationReason(text, kind);
  if (truncated) throw new PacerInputError(`not a usable ${KIND_NAMES[kind]}: ${truncated}`);

  const notes: string[] = [];
  const courtId = resolveCourt(text, fileName, options.courtId, notes);
  const base = { fileName, sha256: sha256Of(bytes), bytes, text, courtId, notes };

  if (kind === "docket") {
    const parsed = parseDocketReport(text, courtId);
    if (!("docket_entries" in parsed)) throw new PacerInputError(explainRejection(text, "docket"));
    const result = parsed as DocketReport;
    if (!result.docket_number) throw new PacerInputError("not a usable PACER docket report: no docket number found in its header");
    return { ...base, kind, result, mediaType: "text/html" };
  }
  if (kind === "rss") {
    const result = parseRssFeed(text, courtId);
    if (!Array.isArray(result)) throw new PacerInputError(explainRejection(text, "rss"));
    if (result.length === 0) throw new PacerInputError("not a usable PACER RSS feed: it has no items with a docket number");
    return { ...base, kind, result, mediaType: "application/rss+xml" };
  }
  const parsed = await parseNef(text, courtId);
  if (!("dockets" in parsed)) throw new PacerInputError(explainRejection(text, "nef"));
  const result = parsed as NefNotice;
  if (!result.dockets.some((d) => d.docket_number))
    throw new PacerInputError("not a usable Notice of Electronic Filing: no case number found");
  const mediaType = looksLikeMimeMessage(text) ? "message/rfc822" : /<[a-z]/i.test(text) ? "text/html" : "text/plain";
  return { ...base, kind, result, mediaType };
}
