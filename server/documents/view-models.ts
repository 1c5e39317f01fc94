import type { RecordRow } from "../records/tables";
import type * as s from "../../db/schema";
import { paths } from "../paths";
import { formatDocketDate } from "../shared/dates";
import { sizeText } from "../shared/bytes";
import { hasMetadata, METADATA_FIELDS, METADATA_LABELS, type PdfMetadata } from "./metadata";

type Kase = typeof s.cases.$inferSelect;
type FileRow = typeof s.files.$inferSelect;

export { sizeText };

/** "Attached attachment 2: 14 pages, 31,200 characters of text for search." */
export function attachedNotice(d: RecordRow<"document">, file?: FileRow, citesFound = 0): string {
  const which = d.attachmentNumber === 0 ? "the main document" : `attachment ${d.attachmentNumber}`;
  const pages = d.pageCount === null ? "pages unknown" : d.pageCount === 1 ? "1 page" : `${d.pageCount} pages`;
  const text = d.extractedText
    ? `${d.extractedText.length.toLocaleString("en-US")} characters of text for search`
    : "no text layer to search (a scan?)";
  const cites = !d.extractedText
    ? ""
    : citesFound === 0
      ? " No citation was found in its text."
      : ` ${citesFound} ${citesFound === 1 ? "citation was" : "citations were"} found in its text and proposed as links: review them on the case's Authorities tab.`;
  return `Attached ${which}: ${pages}, ${text}.${cites} ${metadataNotice(file)}`;
}

/** What the file said about itself, for staff: the public download carries none of it. */
export function metadataNotice(file: FileRow | undefined): string {
  const metadata = file?.pdfMetadata ? (JSON.parse(file.pdfMetadata) as PdfMetadata) : null;
  if (!hasMetadata(metadata)) return "The file carried no metadata (title, author, creator, producer, XMP).";
  const parts = METADATA_FIELDS.filter((f) => metadata![f] !== null).map((f) =>
    f === "xmp"
      ? `an ${METADATA_LABELS.xmp} (${metadata!.xmp!.length.toLocaleString("en-US")} characters)`
      : `${METADATA_LABELS[f]} “${metadata![f]}”`,
  );
  return `The file carried this metadata: ${parts.join("; ")}. Public downloads are a copy without any of it.`;
}

export type FormValues = { attachmentNumber: string; description: string; sealed: boolean };

export type EntryDocumentsInput = {
  kase: Kase;
  entry: RecordRow<"entry">;
  documents: { document: RecordRow<"document">; file: FileRow | null }[];
  limitBytes: number;
  form?: FormValues;
  errors?: Record<string, string>;
  formError?: string | null;
  notice?: string | null;
  /** The case's Authorities tab, when the upload's text proposed citations to review there. */
  authoritiesHref?: string | null;
};

/** The next attachment number no row of the entry uses (0 when the main document is missing). */
function nextNumber(documents: EntryDocumentsInput["documents"]): number {
  const used = new Set(documents.map((d) => d.document.attachmentNumber));
  let n = 0;
  while (used.has(n)) n++;
  return n;
}

/** The entry's documents (sealed ones marked; deleted ones listed apart) and the upload form. */
export function toEntryDocumentsView(input: EntryDocumentsInput) {
  const { kase, entry } = input;
  const entryName = entry.number === null ? `Unnumbered entry of ${formatDocketDate(entry.dateFiled)}` : `ECF No. ${entry.number}`;
  const caseName = kase.caption ?? kase.label;
  const documents = input.documents.map(({ document: d, file }) => ({
    label: d.attachmentNumber === 0 ? "Main document" : `Attachment ${d.attachmentNumber}`,
    description: d.description,
    pages: d.pageCount,
    size: file ? sizeText(file.sizeBytes) : d.fileSizeText,
    hasFile: file !== null,
    fileName: file?.originalName ?? null,
    sha256: file?.sha256 ?? null,
    textLength: d.extractedText ? d.extractedText.length.toLocaleString("en-US") : null,
    sealed: d.sealed || entry.sealed,
    deleted: d.deletedAt !== null,
    downloadHref: file ? paths.document(d.id) : null,
    historyHref: paths.staffHistory("document", d.id),
    seal: { href: paths.staffSeal("document", d.id), label: d.sealed ? "Unseal" : "Seal" },
  }));
  const form = input.form ?? { attachmentNumber: String(nextNumber(input.documents)), description: "", sealed: entry.sealed };
  return {
    title: `Documents of ${entryName} — ${caseName}`,
    entryName,
    caseName,
    caseHref: paths.case(kase.slug),
    entryHref: paths.entryPermalink(kase.slug, entry.id),
    historyHref: paths.staffHistory("entry", entry.id),
    sealHref: paths.staffSeal("entry", entry.id),
    dateFiled: formatDocketDate(entry.dateFiled),
    description: entry.description,
    sealed: entry.sealed,
    stricken: entry.stricken,
    documents,
    hasDocuments: documents.length > 0,
    action: paths.staffEntryDocuments(kase.slug, entry.id),
    limitText: sizeText(input.limitBytes),
    form,
    errors: input.errors ?? {},
    formError: input.formError ?? null,
    notice: input.notice ?? null,
    authoritiesHref: input.authoritiesHref ?? null,
  };
}
