const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Bytes of a PACER document as text: UTF-8, or ISO-8859-1 when the bytes are not valid UTF-8
 * (older NEF e-mails are Latin-1). This is the fixtures' test contract and what the importer
 * does with uploads. A UTF-8 byte-order mark is dropped.
 */
export function decodePacerBytes(buf: Buffer): string {
  try {
    return strictUtf8.decode(buf);
  } catch {
    // Node's "latin1" maps each byte to the code point of the same value: true ISO-8859-1
    // (TextDecoder's "latin1" label would be windows-1252 instead).
    return buf.toString("latin1");
  }
}
