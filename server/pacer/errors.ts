import { AppError } from "../errors";

/**
 * The most the PACER parsers will ever read, a guard for callers that pass any text. The limit
 * people meet is MAX_UPLOAD_BYTES (20 MB by default), checked before parsing by the importer and
 * `quash parse`; the configuration refuses a value above this. The biggest real document in the
 * fixture set is about 350 KB (a 358-item RSS feed); a docket with thousands of entries stays
 * well under a few MB.
 */
export const MAX_PACER_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * Input the PACER parsers refuse outright (too large, binary, a zone the reference would not
 * accept). `message` is one line, safe to show to the person who supplied the file.
 */
export class PacerInputError extends AppError {
  constructor(message: string) {
    super(422, message, "pacer_input");
  }
}

/** Throws `PacerInputError` for input over the size limit or that is plainly not text. */
export function assertParsableText(text: string, what: string): void {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_PACER_INPUT_BYTES) {
    throw new PacerInputError(`${what} is too large: ${bytes} bytes, the limit is ${MAX_PACER_INPUT_BYTES}`);
  }
  if (text.includes("\u0000")) {
    throw new PacerInputError(`${what} is not text: it contains NUL bytes (a binary file?)`);
  }
}
