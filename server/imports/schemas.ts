import { z } from "zod";
import { CASE_GROUPS } from "../../db/schema";
import { isPacerCourtId } from "./courts";
import { DEFAULT_IMPORT_GROUP, PUBLISH_NEEDS_GROUP } from "./context";

/** The most files one upload takes; more is a sign of a mistake, not a workflow. */
export const MAX_FILES_PER_UPLOAD = 10;

const asList = (value: unknown): unknown[] => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]);

const checkbox = () =>
  z
    .union([z.literal("on"), z.literal("")])
    .optional()
    .transform((v) => v === "on");

/** The options of the upload form (and of the confirm form, which carries them on). */
const ImportOptionFields = z.object({
  court: z
    .string()
    .trim()
    .toLowerCase()
    .max(8, { error: "is a CM/ECF court id such as cand" })
    .refine((v) => v === "" || isPacerCourtId(v), { error: "is not a CM/ECF court id (they look like cand, nysd, dcd)" })
    .default(""),
  group: z.enum(CASE_GROUPS, { error: "must be one of the case groups" }).default(DEFAULT_IMPORT_GROUP),
  trackedOnly: checkbox(),
  // Off unless ticked: a new case waits, staff-only, for someone to publish it.
  publish: checkbox(),
});

const publishNeedsGroup = (o: { publish: boolean; group: string }) => !o.publish || o.group !== "unsorted";

export const ImportOptionsForm = ImportOptionFields.refine(publishNeedsGroup, { path: ["group"], error: PUBLISH_NEEDS_GROUP });

export type ImportOptionsForm = z.infer<typeof ImportOptionsForm>;

/** "<sha256>/<file name>": a file stored by the preview, as the confirm form sends it back. */
const StoredFileRef = z
  .string()
  .regex(/^[0-9a-f]{64}\/.{1,255}$/s, { error: "is not a stored file" })
  .transform((v) => ({ sha256: v.slice(0, 64), fileName: v.slice(65) }));

export const ImportConfirmForm = ImportOptionFields.extend({
  files: z.preprocess(asList, z.array(StoredFileRef).min(1, { error: "choose at least one file" }).max(MAX_FILES_PER_UPLOAD)),
}).refine(publishNeedsGroup, { path: ["group"], error: PUBLISH_NEEDS_GROUP });

export const ImportDoneQuery = z.object({
  ids: z
    .string()
    .regex(/^\d{1,9}(?:,\d{1,9}){0,19}$/, { error: "must be import numbers separated by commas" })
    .transform((v) => v.split(",").map(Number)),
});

/** An uploaded file as the multipart reader leaves it in the body. */
export type UploadedFile = { fileName: string; bytes: Buffer; truncated: boolean };

export function uploadedFiles(value: unknown): UploadedFile[] {
  return (
    asList(value)
      .filter(
        (f): f is UploadedFile => typeof f === "object" && f !== null && "bytes" in f && typeof (f as UploadedFile).fileName === "string",
      )
      // A file input left empty still sends a part with no name and no bytes.
      .filter((f) => f.fileName !== "" || f.bytes.length > 0)
  );
}
