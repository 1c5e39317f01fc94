import type * as PdfLib from "@cantoo/pdf-lib";

/*
 * What a PDF says about itself, and a copy that says nothing. A filing's document information
 * dictionary and its XMP packet routinely carry the author's real name, their employer, the
 * word processor and the file's path: for a pseudonymous movant that is the unmasking the case
 * is about. Staff are told on upload what the file carried; the public download is a copy
 * written without any of it (by @cantoo/pdf-lib, a maintained fork of pdf-lib).
 */

export type PdfMetadata = {
  title: string | null;
  author: string | null;
  subject: string | null;
  keywords: string | null;
  creator: string | null;
  producer: string | null;
  /** The XMP packet's text (XML), when the file has one: it repeats and adds to the fields above. */
  xmp: string | null;
};

export const METADATA_FIELDS = [
  "title",
  "author",
  "subject",
  "keywords",
  "creator",
  "producer",
  "xmp",
] as const satisfies readonly (keyof PdfMetadata)[];

export const METADATA_LABELS: Record<keyof PdfMetadata, string> = {
  title: "Title",
  author: "Author",
  subject: "Subject",
  keywords: "Keywords",
  creator: "Creator (the application that made it)",
  producer: "Producer (the application that wrote the PDF)",
  xmp: "XMP metadata packet",
};

/** pdf-lib, loaded with the first PDF: 6 MB of heap that a server no one uploads to never holds. */
const pdfLib = (): Promise<typeof PdfLib> => import("@cantoo/pdf-lib");

const load = (lib: typeof PdfLib, bytes: Uint8Array) =>
  lib.PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });

const blankToNull = (value: string | undefined) => (value && value.trim() !== "" ? value.trim() : null);

function streamText(lib: typeof PdfLib, stream: unknown): string | null {
  if (stream instanceof lib.PDFRawStream) return Buffer.from(lib.decodePDFRawStream(stream).decode()).toString("utf8");
  if (stream instanceof lib.PDFStream) return Buffer.from(stream.getContents()).toString("utf8");
  return null;
}

/** The metadata a PDF carries, or null when the file cannot be read for it. */
export async function readPdfMetadata(bytes: Buffer): Promise<PdfMetadata | null> {
  try {
    const lib = await pdfLib();
    const pdf = await load(lib, new Uint8Array(bytes));
    const xmpRef = pdf.catalog.get(lib.PDFName.of("Metadata"));
    const xmp = xmpRef ? streamText(lib, pdf.context.lookup(xmpRef)) : null;
    return {
      title: blankToNull(pdf.getTitle()),
      author: blankToNull(pdf.getAuthor()),
      subject: blankToNull(pdf.getSubject()),
      keywords: blankToNull(pdf.getKeywords()),
      creator: blankToNull(pdf.getCreator()),
      producer: blankToNull(pdf.getProducer()),
      xmp: blankToNull(xmp ?? undefined),
    };
  } catch {
    return null;
  }
}

export const hasMetadata = (m: PdfMetadata | null) => m !== null && METADATA_FIELDS.some((f) => m[f] !== null);

/** Drops an object and the reference to it, so the written file holds neither. */
function dropEntry(lib: typeof PdfLib, pdf: PdfLib.PDFDocument, dict: PdfLib.PDFDict, key: string) {
  const value = dict.get(lib.PDFName.of(key));
  if (value instanceof lib.PDFRef) pdf.context.delete(value);
  dict.delete(lib.PDFName.of(key));
}

/**
 * The same PDF with no document information dictionary, no XMP packet (the catalog's and each
 * page's) and no application data (PieceInfo), written afresh so no earlier revision of the
 * file survives in it. The pages, their text and their look are unchanged.
 */
export async function stripPdfMetadata(bytes: Buffer): Promise<Buffer> {
  const lib = await pdfLib();
  const pdf = await load(lib, new Uint8Array(bytes));
  const info = pdf.context.trailerInfo.Info;
  if (info instanceof lib.PDFRef) pdf.context.delete(info);
  pdf.context.trailerInfo.Info = undefined;
  dropEntry(lib, pdf, pdf.catalog, "Metadata");
  dropEntry(lib, pdf, pdf.catalog, "PieceInfo");
  for (const page of pdf.getPages()) {
    dropEntry(lib, pdf, page.node, "Metadata");
    dropEntry(lib, pdf, page.node, "PieceInfo");
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false, updateFieldAppearances: false }));
}
