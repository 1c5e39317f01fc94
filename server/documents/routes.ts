import { createReadStream } from "node:fs";
import type { MultipartFile } from "@fastify/multipart";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { NotFoundError, ValidationError } from "../errors";
import { acceptMultipartForms } from "../files/multipart-form";
import { storedFileLocation } from "../files/store";
import { paths } from "../paths";
import { actorFor, requireCsrf, requireRole } from "../auth/hooks";
import { PdfInputError, readPdf } from "./pdf";
import { createDocumentsRepository } from "./repository";
import { DocumentParams, DocumentUploadForm, EntryDocumentsParams, isUploadedFile, type UploadedFile } from "./schemas";
import { attachDocument } from "./service";
import { attachedNotice, sizeText, toEntryDocumentsView, type EntryDocumentsInput, type FormValues } from "./view-models";
import { downloadFileName, isPublicDownload } from "./download";

/** Reads the uploaded file into memory, up to the limit; a longer one is marked truncated and not read on. */
async function readUpload(this: unknown, part: MultipartFile) {
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  const upload: UploadedFile = { fileName: part.filename, bytes: Buffer.concat(chunks), truncated: part.file.truncated };
  (part as MultipartFile & { value: UploadedFile }).value = upload;
}

const EntryDocumentsQuery = z.object({ attached: z.coerce.number().int().positive().optional() });
const NOTHING_SAVED = "Nothing was saved. Check the fields marked below.";

/** The form's text fields as sent (for re-showing them), whatever else the body holds. */
function formValues(body: Record<string, unknown>): FormValues {
  const text = (key: string) => (typeof body[key] === "string" ? (body[key] as string) : "");
  return { attachmentNumber: text("attachmentNumber"), description: text("description"), sealed: body.sealed === "on" };
}

/**
 * Documents of a docket entry: the staff page that attaches PDFs (editors, CSRF, the upload
 * limit), and the public download of a filed PDF (`/documents/:id`), which answers 404 for a
 * sealed or deleted document, or one of a sealed entry, unless a staff member asks.
 */
export async function documentsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const repo = createDocumentsRepository(app.db);
  const limit = app.config.maxUploadBytes;
  await acceptMultipartForms(app, { onFile: readUpload, limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 10_000 } });

  const loadEntry = (slug: string, entryId: number) => {
    const found = repo.entryOfCase(slug, entryId);
    if (!found) throw new NotFoundError(`No entry ${entryId} in a case at /cases/${slug}.`);
    return found;
  };
  const showPage = (reply: FastifyReply, found: ReturnType<typeof loadEntry>, extra: Partial<EntryDocumentsInput> = {}) =>
    reply.view(
      "documents/entry.hbs",
      toEntryDocumentsView({ ...found, documents: repo.documentsOfEntry(found.entry.id), limitBytes: limit, ...extra }),
    );

  app.get(
    "/staff/cases/:slug/entries/:entryId/documents",
    { onRequest: requireRole("viewer"), schema: { params: EntryDocumentsParams, querystring: EntryDocumentsQuery } },
    async (request, reply) => {
      const found = loadEntry(request.params.slug, request.params.entryId);
      const attached = repo.documentsOfEntry(found.entry.id).find((d) => d.document.id === request.query.attached)?.document;
      const notice = attached ? attachedNotice(attached) : null;
      return showPage(reply, found, { notice });
    },
  );

  app.post(
    "/staff/cases/:slug/entries/:entryId/documents",
    { onRequest: requireRole("editor"), preHandler: requireCsrf, schema: { params: EntryDocumentsParams } },
    async (request, reply) => {
      const found = loadEntry(request.params.slug, request.params.entryId);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const form = formValues(body);
      const upload = body.file;
      if (isUploadedFile(upload) && upload.truncated) {
        const formError = `The file is too large: PDFs are accepted up to ${sizeText(limit)} (MAX_UPLOAD_BYTES). Nothing was saved.`;
        return showPage(reply.code(413), found, { form, formError, errors: { file: `is over the limit of ${sizeText(limit)}` } });
      }
      const parsed = DocumentUploadForm.safeParse(body);
      const errors: Record<string, string> = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      if (!isUploadedFile(upload) || upload.bytes.length === 0) errors.file = "is required: choose a PDF";
      if (!parsed.success || !isUploadedFile(upload) || errors.file) return showPage(reply.code(422), found, { form, errors, formError: NOTHING_SAVED });

      let contents;
      try {
        contents = await readPdf(upload.bytes);
      } catch (error) {
        if (!(error instanceof PdfInputError)) throw error;
        return showPage(reply.code(422), found, { form, errors: { file: error.message }, formError: `Nothing was saved: the file ${error.message}` });
      }
      try {
        const { document } = attachDocument(
          app.db,
          app.store,
          app.clock,
          app.config.dataDir,
          { entryId: found.entry.id, ...parsed.data, bytes: upload.bytes, fileName: upload.fileName, contents },
          actorFor(request),
        );
        return reply.redirect(`${paths.staffEntryDocuments(found.kase.slug, found.entry.id)}?attached=${document.id}#documents`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const fieldErrors = Object.fromEntries(error.errors.map((e) => [e.path, e.message]));
        return showPage(reply.code(422), found, { form, errors: fieldErrors, formError: NOTHING_SAVED });
      }
    },
  );

  app.get("/documents/:documentId", { schema: { params: DocumentParams } }, async (request, reply) => {
    const found = repo.documentForDownload(request.params.documentId);
    const isPublic = found !== undefined && isPublicDownload(found, (type, id) => app.guard.repo.openHold(type, String(id)) !== undefined);
    // Staff (any role, session or token) may read sealed and deleted documents; the public learns nothing, not even that one exists.
    if (!found?.file || (!isPublic && request.user === null)) throw new NotFoundError(`No document is at /documents/${request.params.documentId}.`);
    const location = storedFileLocation(app.config.dataDir, found.file.sha256);
    if (!location) {
      request.log.warn({ sha256: found.file.sha256 }, "document file missing from DATA_DIR");
      throw new NotFoundError("The file of this document is missing from the server.");
    }
    const etag = `"${found.file.sha256}"`;
    reply
      .header("cache-control", isPublic ? "no-cache" : "private, no-store")
      .header("etag", etag)
      .header("content-disposition", `inline; filename="${downloadFileName(found)}"`);
    if (request.headers["if-none-match"] === etag) return reply.code(304).send();
    return reply.type("application/pdf").header("content-length", found.file.sizeBytes).send(createReadStream(location));
  });
}
