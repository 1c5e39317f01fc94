import { assertParsableText } from "./errors";
import { readNefBody, type NefBody } from "./nef";
import { looksLikeMimeMessage, readMimeMessage } from "./nef-mime";
import type { NefNotice, NotUsable } from "./types";

/**
 * A Notice of Electronic Filing given either as its HTML body or as the whole e-mail (RFC 822:
 * headers, then the body, possibly multipart). Asynchronous because the e-mail parser is.
 * Returns `{}` for e-mails that are not usable filing notices (claims notices, announcements,
 * mails with images, anything without a case table); throws `PacerInputError` for oversized or
 * binary input.
 */
export async function parseNef(message: string, courtId: string): Promise<NefNotice | NotUsable> {
  assertParsableText(message, "the notice");
  let body: NefBody;
  if (looksLikeMimeMessage(message)) {
    const mime = await readMimeMessage(message);
    if (mime.body === null) return {};
    body = mime.body;
  } else {
    // A bare body: HTML as CM/ECF sends it, or plain text when it has no markup at all.
    const plain = !/<[a-zA-Z!/]/.test(message);
    body = { text: message, contentType: plain ? "text/plain" : "text/html", subject: null, imageAttached: false };
  }
  return readNefBody(body, courtId).result;
}
