import type { Db } from "../../db/client";
import { ValidationError } from "../errors";
import { sha256Of, storagePathOf, storeFileBytes } from "../files/store";
import type { Actor, RecordStore } from "../records/store";
import type { RecordRow } from "../records/tables";
import type { Clock } from "../shared/clock";
import type { PdfMetadata } from "./metadata";
import type { PdfContents } from "./pdf";
import { createDocumentsRepository } from "./repository";
import { citationExtractor } from "../cites/extractor";
import { extractDocumentCites, type ExtractionResult } from "../cites/service";

export type AttachInput = {
  entryId: number;
  attachmentNumber: number;
  description: string | null;
  sealed: boolean;
  /** The uploaded bytes, already read as a PDF (readPdf). */
  bytes: Buffer;
  fileName: string | null;
  contents: PdfContents;
  /**
   * What the PDF says about itself (null: not readable for it), and the copy written without
   * it, which the public downloads. A caller that has neither leaves them out: the first
   * download makes the copy (server/documents/routes.ts).
   */
  metadata?: PdfMetadata | null;
  publicBytes?: Buffer;
};

export type AttachResult = {
  document: RecordRow<"document">;
  /** The same bytes were stored before: their `files` row and file were reused. */
  reusedFile: boolean;
  /** The entry already listed this document without its file (a PACER import): the file was added to it. */
  filledIn: boolean;
  /** What extracting the text's citations found and stored. */
  cites: ExtractionResult;
};

/** A file name fit to keep: no path, no control characters, not too long. */
export function cleanFileName(name: string | null | undefined): string | null {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200);
  return clean === "" ? null : clean;
}

const label = (n: number) => (n === 0 ? "the main document" : `attachment ${n}`);

/**
 * Attaches an uploaded PDF to a docket entry. The bytes are kept once by sha256 under
 * DATA_DIR/files (a second upload of the same bytes reuses the file and its `files` row); the
 * document row is a record, written through the record store, so it has a revision like any
 * other. A document the entry already lists without a file (PACER named it, nobody had the
 * PDF) gets the file; a number whose document already has a file, or is deleted, is refused.
 */
export function attachDocument(db: Db, store: RecordStore, clock: Clock, dataDir: string, input: AttachInput, actor: Actor): AttachResult {
  const repo = createDocumentsRepository(db);
  const sha256 = sha256Of(input.bytes);
  const existing = repo.documentsOfEntry(input.entryId).find((d) => d.document.attachmentNumber === input.attachmentNumber)?.document;
  if (existing?.deletedAt) {
    throw new ValidationError(
      [
        {
          path: "attachmentNumber",
          message: `is the number of a deleted document (${label(input.attachmentNumber)}); restore it from Deleted records, or choose another number`,
        },
      ],
      "The document was not saved.",
    );
  }
  if (existing?.fileSha256) {
    throw new ValidationError(
      [{ path: "attachmentNumber", message: `already has a file (${label(input.attachmentNumber)}); choose another number` }],
      "The document was not saved.",
    );
  }
  // Content-addressed, so writing before the transaction is safe: a failed save leaves at most a file no row names yet.
  storeFileBytes(dataDir, sha256, input.bytes);
  const publicSha256 = input.publicBytes ? sha256Of(input.publicBytes) : null;
  if (input.publicBytes && publicSha256) storeFileBytes(dataDir, publicSha256, input.publicBytes);
  return db.transaction(() => {
    const reusedFile = repo.file(sha256) !== undefined;
    const pdfMetadata = input.metadata ? JSON.stringify(input.metadata) : null;
    if (!reusedFile) {
      repo.insertFile({
        sha256,
        sizeBytes: input.bytes.length,
        mediaType: "application/pdf",
        storagePath: storagePathOf(sha256),
        originalName: cleanFileName(input.fileName),
        pdfMetadata,
        publicSha256,
        createdAt: clock.now(),
      });
    } else if (publicSha256) {
      repo.setPublicCopy(sha256, { publicSha256, pdfMetadata });
    }
    const values = {
      fileSha256: sha256,
      pageCount: input.contents.pageCount,
      extractedText: input.contents.text,
      // An upload never unseals: unsealing is a decision made on the record, not a side effect.
      sealed: input.sealed || Boolean(existing?.sealed),
      ...(input.description !== null || !existing ? { description: input.description } : {}),
    };
    const options = { actor, reason: "PDF uploaded" };
    const document = existing
      ? store.update("document", existing.id, values, options).row
      : store.insert("document", { entryId: input.entryId, attachmentNumber: input.attachmentNumber, ...values }, options);
    // The filing's citations become proposed "cites" links in the same transaction (server/cites).
    const cites = extractDocumentCites({ db, store, extract: citationExtractor }, document.id, actor);
    return { document, reusedFile, filledIn: existing !== undefined, cites };
  });
}
