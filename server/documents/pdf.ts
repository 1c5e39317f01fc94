import { extractText, getDocumentProxy } from "unpdf";

/**
 * Reading an uploaded PDF: is it one, how many pages, what text. unpdf bundles PDF.js built to
 * run in Node without a worker, a canvas or any binary; scripts in the PDF are never run
 * (isEvalSupported is off). A file only labelled as a PDF is refused twice over: it must start
 * with the PDF signature, and PDF.js must be able to open it.
 */

export class PdfInputError extends Error {}

/** PDF readers accept the `%PDF-` signature anywhere in the first 1,024 bytes (ISO 32000-2, 7.5.2 and Acrobat's practice). */
const SIGNATURE = Buffer.from("%PDF-");
const SIGNATURE_WINDOW = 1024;

export function hasPdfSignature(bytes: Buffer): boolean {
  const index = bytes.subarray(0, SIGNATURE_WINDOW).indexOf(SIGNATURE);
  return index !== -1;
}

export type PdfContents = { pageCount: number; text: string | null };

/** Page texts joined by blank lines, with PDF.js's runs of spaces and the NUL characters some PDFs carry tidied away. */
function tidy(pages: string[]): string | null {
  const text = pages
    .map((page) =>
      page
        .replace(/\u0000/g, "")
        .replace(/[ \t]+\n/g, "\n")
        .replace(/[ \t]{2,}/g, " ")
        .trim(),
    )
    .filter((page) => page !== "")
    .join("\n\n");
  return text === "" ? null : text;
}

/**
 * The page count and text of a PDF, or a PdfInputError whose message completes "The file …".
 * A scanned PDF without a text layer gives `text: null`: it is stored, but search cannot find it.
 */
export async function readPdf(bytes: Buffer): Promise<PdfContents> {
  if (bytes.length === 0) throw new PdfInputError("is empty.");
  if (!hasPdfSignature(bytes)) {
    throw new PdfInputError("is not a PDF: it does not begin with the PDF signature (%PDF-), whatever its name or type says.");
  }
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  try {
    // A copy: PDF.js may take over (detach) the buffer it is given.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    if (pdf.numPages < 1) throw new PdfInputError("is not a readable PDF: it has no pages.");
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    return { pageCount: totalPages, text: tidy(text) };
  } catch (error) {
    if (error instanceof PdfInputError) throw error;
    const name = (error as { name?: string }).name;
    if (name === "PasswordException") throw new PdfInputError("is a password-protected PDF; upload a copy without the password.");
    throw new PdfInputError("is not a readable PDF: PDF.js could not open it (it may be damaged, or not a PDF at all).");
  } finally {
    await pdf?.destroy();
  }
}
