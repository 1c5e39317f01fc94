import type * as s from "../../db/schema";
import { isPublicCase } from "../privacy/visibility";

type Download = {
  document: typeof s.documents.$inferSelect;
  entry: typeof s.docketEntries.$inferSelect;
  kase: typeof s.cases.$inferSelect;
  file: typeof s.files.$inferSelect | null;
};

/**
 * Whether the public may download a document: the filed PDF as the court made it public (FRCP
 * 5.2 redaction is the filer's duty, done before filing). Never a sealed document, a document
 * of a sealed entry, anything deleted, a document of a case the public may not see, or
 * anything the publication guard holds (the document, its entry or its case).
 */
export function isPublicDownload(d: Download, isHeld: (type: "case" | "entry" | "document", id: number) => boolean): boolean {
  if (isHeld("document", d.document.id) || isHeld("entry", d.entry.id) || isHeld("case", d.kase.id)) return false;
  return d.file !== null && !d.document.deletedAt && !d.document.sealed && !d.entry.sealed && isPublicCase(d.kase);
}

/** "doe-v-dhs-ecf-12-2.pdf": ASCII only (the slug is), so it needs no quoting in Content-Disposition. */
export function downloadFileName(d: Download): string {
  const slug = d.kase.slug.replace(/[^a-z0-9-]/gi, "-").slice(0, 80) || "case";
  const entry = d.entry.number === null ? `entry-${d.entry.id}` : `ecf-${d.entry.number}`;
  const attachment = d.document.attachmentNumber === 0 ? "" : `-${d.document.attachmentNumber}`;
  return `${slug}-${entry}${attachment}.pdf`;
}
