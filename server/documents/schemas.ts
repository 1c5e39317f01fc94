import { z } from "zod";
import { RecordIdParam } from "../shared/record-id";

export const EntryDocumentsParams = z.object({
  slug: z.string().min(1).max(200),
  entryId: RecordIdParam,
});

export const DocumentParams = z.object({ documentId: RecordIdParam });

/** A file the multipart reader kept in memory; `truncated` when it went past the size limit. */
export type UploadedFile = { fileName: string; bytes: Buffer; truncated: boolean };

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && Buffer.isBuffer((value as UploadedFile).bytes);
}

/** The text fields of the upload form (the file is read apart). Messages complete "<Field> …". */
export const DocumentUploadForm = z.object({
  attachmentNumber: z
    .string({ error: "is required" })
    .trim()
    .regex(/^\d{1,3}$/, "must be a whole number from 0 (the main document) to 999")
    .transform(Number),
  description: z
    .string()
    .trim()
    .max(500, "must be at most 500 characters")
    .optional()
    .transform((value) => (value ? value : null)),
  // An HTML checkbox sends "on" when ticked and nothing otherwise.
  sealed: z
    .string()
    .optional()
    .transform((value) => value === "on"),
});
export type DocumentUploadForm = z.infer<typeof DocumentUploadForm>;
