import type { MultipartFile } from "@fastify/multipart";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { NotFoundError } from "../errors";
import { fieldLabel, guardKindLabel } from "../guard/findings";
import { acceptMultipartForms } from "../files/multipart-form";
import { paths } from "../paths";
import { actorFor, requireCsrf, requireRole } from "../auth/hooks";
import { importSizeLimit, sha256Of, tooLargeMessage } from "./input";
import { readStoredFile, storeFileBytes } from "./provenance";
import type { ImportOutcome } from "./report";
import { createImportsRepository } from "./repository";
import { ImportConfirmForm, ImportDoneQuery, ImportOptionsForm, MAX_FILES_PER_UPLOAD, uploadedFiles, type UploadedFile } from "./schemas";
import { importPacerFiles, type PacerFile } from "./service";
import { toImportDoneView, toImportFormView, toImportPreviewView, type HeldImportRecord } from "./view-models";

/** Reads an uploaded file into memory, up to the limit; a longer one is marked truncated, not read on. */
async function readUpload(this: unknown, part: MultipartFile) {
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  const upload: UploadedFile = { fileName: part.filename, bytes: Buffer.concat(chunks), truncated: part.file.truncated };
  (part as MultipartFile & { value: UploadedFile }).value = upload;
}

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  return Object.fromEntries(issues.map((i) => [String(i.path[0] ?? "form"), i.message]));
}

/**
 * The staff import page: upload → preview (a dry run of exactly what the import will do) →
 * confirm (the real import of the files the preview stored) → what was done. Editors only;
 * every form carries a CSRF token.
 */
export async function importRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const limit = importSizeLimit(app.config.maxUploadBytes);
  const repo = createImportsRepository(app.db);
  // What the publication guard held of an import's records, by place: the done page says so beside what was imported.
  const heldOf = (importId: number): HeldImportRecord[] =>
    repo.recordsOfImport(importId).flatMap((r) => {
      const hold = app.guard.repo.openHold(r.recordType, r.recordId);
      if (!hold) return [];
      const what = [...new Set(hold.findings.map((f) => `${guardKindLabel(f.kind).label} in ${fieldLabel(f.field)}`))].join("; ");
      return [{ text: `${r.recordType} ${r.recordId}${what ? `: ${what}` : ""}`, href: paths.staffReviewHold(hold.id) }];
    });
  await acceptMultipartForms(app, { onFile: readUpload, limits: { fileSize: limit, files: MAX_FILES_PER_UPLOAD, fields: 10 } });
  app.addHook("onRequest", requireRole("editor"));

  const showForm = (reply: FastifyReply, input: { options?: ImportOptionsForm; errors?: Record<string, string>; formError?: string }) =>
    reply.view(
      "imports/new.hbs",
      toImportFormView({
        options: input.options ?? ImportOptionsForm.parse({}),
        errors: input.errors,
        formError: input.formError,
        limitBytes: limit,
        maxFiles: MAX_FILES_PER_UPLOAD,
        recent: repo.importRows({ limit: 20 }),
      }),
    );

  const importOptions = (options: ImportOptionsForm) => ({
    clock: app.clock,
    dataDir: app.config.dataDir,
    courtId: options.court || null,
    group: options.group,
    trackedCasesOnly: options.trackedOnly,
    publish: options.publish,
    maxBytes: app.config.maxUploadBytes,
  });

  app.get(paths.staffImport(), async (_request, reply) => showForm(reply, {}));

  app.post(paths.staffImportPreview(), { preHandler: requireCsrf }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = ImportOptionsForm.safeParse(body);
    const uploads = uploadedFiles(body["files"]);
    if (!parsed.success || uploads.length === 0) {
      const errors = parsed.success ? {} : fieldErrors(parsed.error.issues);
      if (uploads.length === 0) errors["files"] = "choose at least one file";
      return showForm(reply.code(422), {
        options: parsed.success ? parsed.data : undefined,
        errors,
        formError: "Nothing was imported. Check the fields marked below.",
      });
    }
    const tooLarge: ImportOutcome[] = uploads
      .filter((u) => u.truncated)
      .map((u) => ({ ok: false, fileName: u.fileName, sha256: null, error: tooLargeMessage(null, limit) }));
    const files: PacerFile[] = uploads.filter((u) => !u.truncated).map((u) => ({ bytes: u.bytes, fileName: u.fileName }));
    const outcomes = await importPacerFiles(app.db, files, { ...importOptions(parsed.data), actor: actorFor(request), dryRun: true });
    // Keep what the preview accepted, so the confirm form need only name it by hash.
    for (const outcome of outcomes) {
      const file = outcome.ok ? files.find((f) => sha256Of(f.bytes) === outcome.report.sha256) : undefined;
      if (outcome.ok && file) storeFileBytes(app.config.dataDir, outcome.report.sha256, file.bytes);
    }
    return reply.view("imports/preview.hbs", toImportPreviewView([...outcomes, ...tooLarge], parsed.data));
  });

  app.post(paths.staffImportConfirm(), { preHandler: requireCsrf }, async (request, reply) => {
    const parsed = ImportConfirmForm.safeParse(request.body ?? {});
    if (!parsed.success) {
      return showForm(reply.code(422), {
        errors: fieldErrors(parsed.error.issues),
        formError: "The confirmation did not name any previewed file; upload the files again.",
      });
    }
    const missing: { fileName: string; error: string }[] = [];
    const files: PacerFile[] = [];
    for (const ref of parsed.data.files) {
      const bytes = readStoredFile(app.config.dataDir, ref.sha256);
      if (bytes && sha256Of(bytes) === ref.sha256) files.push({ bytes, fileName: ref.fileName });
      else missing.push({ fileName: ref.fileName, error: "the previewed file is no longer on the server; upload it again" });
    }
    const outcomes = await importPacerFiles(app.db, files, { ...importOptions(parsed.data), actor: actorFor(request), dryRun: false });
    const ids = outcomes.flatMap((o) =>
      o.ok ? [o.report.importId ?? o.report.previousImportId].filter((id): id is number => id !== null) : [],
    );
    const failures = [...missing, ...outcomes.flatMap((o) => (o.ok ? [] : [{ fileName: o.fileName, error: o.error }]))];
    if (failures.length === 0 && ids.length > 0) return reply.redirect(paths.staffImportDone(ids), 303);
    return reply
      .code(failures.length > 0 && ids.length === 0 ? 422 : 200)
      .view("imports/done.hbs", toImportDoneView(repo.importRows({ ids }), failures, heldOf));
  });

  app.get("/staff/import/done", { schema: { querystring: ImportDoneQuery } }, async (request, reply) => {
    const rows = repo.importRows({ ids: request.query.ids });
    if (rows.length !== new Set(request.query.ids).size) throw new NotFoundError("No such import.");
    return reply.view("imports/done.hbs", toImportDoneView(rows, [], heldOf));
  });
}
