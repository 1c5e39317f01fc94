import { createReadStream, statSync } from "node:fs";
import type { MultipartFile } from "@fastify/multipart";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { NotFoundError, ValidationError } from "../errors";
import { acceptMultipartForms } from "../files/multipart-form";
import { readStoredFile, sha256Of, storeFileBytes, storedFileLocation } from "../files/store";
import { paths } from "../paths";
import { actorFor, requireCsrf, requireRole } from "../auth/hooks";
import { readPdfMetadata, stripPdfMetadata } from "./metadata";
import { PdfInputError, readPdf } from "./pdf";
import { createDocumentsRepository } from "./repository";
import { DocumentParams, DocumentUploadForm, EntryDocumentsParams, isUploadedFile, type UploadedFile } from "./schemas";
import { attachDocument } from "./service";
import { createCitesRepository } from "../cites/repository";
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

  /** The upload written without its metadata; a PDF that cannot be rewritten is refused, never published as it came. */
  async function publicCopyOf(bytes: Buffer): Promise<Buffer> {
    try {
      return await stripPdfMetadata(bytes);
    } catch {
      throw new PdfInputError(
        "could not be rewritten without its metadata (author, creator, XMP), so it cannot be published; save it again as PDF and upload that.",
      );
    }
  }

  /** The sha256 of the stripped copy, made now for a file stored before copies were (and kept for the next download). */
  async function publicCopySha(file: { sha256: string; publicSha256: string | null }): Promise<string | undefined> {
    if (file.publicSha256 && storedFileLocation(app.config.dataDir, file.publicSha256)) return file.publicSha256;
    const bytes = readStoredFile(app.config.dataDir, file.sha256);
    if (!bytes) return undefined;
    const copy = await stripPdfMetadata(bytes);
    const publicSha256 = sha256Of(copy);
    storeFileBytes(app.config.dataDir, publicSha256, copy);
    repo.setPublicCopy(file.sha256, {
      publicSha256,
      ...(file.publicSha256 === null ? { pdfMetadata: JSON.stringify(await readPdfMetadata(bytes)) } : {}),
    });
    return publicSha256;
  }

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
      const file = attached?.fileSha256 ? repo.file(attached.fileSha256) : undefined;
      const citesFound = attached
        ? createCitesRepository(app.db)
            .ofDocument(attached.id)
            .filter((c) => !c.deletedAt).length
        : 0;
      const notice = attached ? attachedNotice(attached, file, citesFound) : null;
      const authoritiesHref = attached && citesFound > 0 ? paths.caseAuthorities(found.kase.slug) : null;
      return showPage(reply, found, { notice, authoritiesHref });
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
      const errors: Record<string, string> = parsed.success
        ? {}
        : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      if (!isUploadedFile(upload) || upload.bytes.length === 0) errors.file = "is required: choose a PDF";
      if (!parsed.success || !isUploadedFile(upload) || errors.file)
        return showPage(reply.code(422), found, { form, errors, formError: NOTHING_SAVED });

      let contents;
      let publicBytes: Buffer;
      try {
        contents = await readPdf(upload.bytes);
        publicBytes = await publicCopyOf(upload.bytes);
      } catch (error) {
        if (!(error instanceof PdfInputError)) throw error;
        return showPage(reply.code(422), found, {
          form,
          errors: { file: error.message },
          formError: `Nothing was saved: the file ${error.message}`,
        });
      }
      const metadata = await readPdfMetadata(upload.bytes);
      try {
        const { document } = attachDocument(
          app.db,
          app.store,
          app.clock,
          app.config.dataDir,
          { entryId: found.entry.id, ...parsed.data, bytes: upload.bytes, fileName: upload.fileName, contents, metadata, publicBytes },
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
    if (!found?.file || (!isPublic && request.user === null))
      throw new NotFoundError(`No document is at /documents/${request.params.documentId}.`);
    // Everyone gets the copy without metadata; staff may ask for the file as uploaded.
    const original = request.user !== null && (request.query as { original?: string }).original === "1";
    const sha256 = original ? found.file.sha256 : await publicCopySha(found.file);
    const location = sha256 ? storedFileLocation(app.config.dataDir, sha256) : undefined;
    if (!sha256 || !location) {
      request.log.warn({ sha256: found.file.sha256 }, "document file missing from DATA_DIR");
      throw new NotFoundError("The file of this document is missing from the server.");
    }
    const etag = `"${sha256}"`;
    reply
      .header("cache-control", isPublic ? "no-cache" : "private, no-store")
      .header("etag", etag)
      .header("content-disposition", `inline; filename="${downloadFileName(found)}"`);
    if (request.headers["if-none-match"] === etag) return reply.code(304).send();
    return reply.type("application/pdf").header("content-length", statSync(location).size).send(createReadStream(location));
  });
}
