import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { hasRole } from "../auth/roles";
import type { Row } from "../editing/definition";
import { formInput } from "./form-input";
import type { EditableRecord } from "../editing/service";
import { NotFoundError, ValidationError, VersionConflictError, fieldErrors, type FieldError } from "../errors";
import { paths, routePatterns } from "../paths";
import { actorFor, requireCsrf, requireRole } from "../auth/hooks";
import { toConflictView } from "./conflict-view";
import { setFlash } from "./flash";
import { toFormPageView } from "./page-view";
import { FORM_CONFIGS, formDeps, refOf, scopeOf, type FormScope, type RecordFormConfig } from "./record-form";
import { toRecordListView } from "./list-view";
import { toSourcesSection } from "./sources-section";
import { uncheckedNames } from "./spec";
import { cleanBody, initialValues, valuesFromBody, valuesFromRecord, type FormValues } from "./values";
import { heldBannerOf, publicationHoldOf } from "../guard/notice";

const Ref = z.string().min(1).max(200);
const Params = z.object({ slug: Ref.optional(), id: Ref.optional() });
type Params = z.infer<typeof Params>;

const bodyOf = (request: FastifyRequest): Row => (typeof request.body === "object" && request.body !== null ? (request.body as Row) : {});
const single = (value: unknown) => (Array.isArray(value) ? value.at(-1) : value);
const reasonOf = (body: Row) => (typeof single(body.reason) === "string" ? String(single(body.reason)).trim().slice(0, 500) || null : null);

/** The version an edit started from (the form's hidden field); a form without one is refused, nothing saved. */
function versionOf(body: Row): number {
  const parsed = z.coerce.number().int().positive().safeParse(single(body.version));
  if (!parsed.success)
    throw new ValidationError(
      [{ path: "version", message: "is missing: reload the form and make the change again" }],
      "The form did not say which version it started from; nothing was saved.",
    );
  return parsed.data;
}

/**
 * The staff forms of one record type: new, create, edit, update, delete and restore (strike and
 * unstrike for entries), and for types outside a case a list. Each handler parses, checks, and
 * either re-renders the form with the input and the errors (422, 409) or saves and redirects
 * (303) with a confirmation. Writes go through the write service, one transaction each.
 */
export function registerRecordForms(
  fastify: FastifyInstance,
  config: RecordFormConfig,
  schemas: { create: z.ZodObject; update: z.ZodObject },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = formDeps(app);
  FORM_CONFIGS.set(config.type, config);
  const base = routePatterns.staffRecords(config.segment, config.underCase);
  const recordUrl = config.type === "case" ? routePatterns.staffCase() : routePatterns.staffRecord(config.segment, config.underCase);
  const read = { onRequest: requireRole("viewer"), schema: { params: Params } };
  const write = { onRequest: requireRole("editor"), preHandler: requireCsrf, schema: { params: Params } };

  function loadScope(params: Params): FormScope {
    if (!config.underCase) return null;
    const caseId = app.editing.resolveId("case", params.slug ?? "");
    const kase = caseId === undefined ? undefined : app.editing.find("case", caseId);
    if (!kase || kase.deletedAt) throw new NotFoundError(`No case is at /cases/${params.slug ?? ""}.`);
    return { caseId: kase.id, caseSlug: String(kase.slug), caseLabel: String(kase.label) };
  }

  function loadRecord(params: Params, scope: FormScope): EditableRecord {
    const ref = (config.type === "case" ? params.slug : params.id) ?? "";
    const id = app.editing.resolveId(config.type, ref);
    const record = id === undefined ? undefined : app.editing.find(config.type, id);
    if (!record || (scope && scopeOf(config, record, deps)?.caseId !== scope.caseId)) {
      throw new NotFoundError(`No ${config.noun} ${ref}${scope ? ` in ${scope.caseLabel}` : ""}.`);
    }
    return record;
  }

  function render(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    o: { scope: FormScope; record: EditableRecord | null; input: Row; values?: FormValues; errors?: FieldError[]; version?: number },
  ) {
    const readOnly = !hasRole(request.user!.role, "editor");
    const groups = config.groups({ scope: o.scope, deps, record: o.record, input: o.input });
    const values = o.values ?? (o.record ? valuesFromRecord(groups, o.record) : initialValues(groups, o.input));
    const sources =
      o.record && !o.record.deletedAt && config.type !== "fact_source" && config.type !== "source"
        ? toSourcesSection(deps, config.type, o.record.id, readOnly)
        : null;
    const view = toFormPageView({
      config,
      scope: o.scope,
      deps,
      record: o.record,
      groups,
      values,
      errors: o.errors ?? [],
      readOnly,
      version: o.version,
      reason: String(single(o.input.reason) ?? ""),
      sources,
    });
    const held = o.record ? heldBannerOf(app.guard.repo, config.type, o.record.id) : null;
    return reply.code(status).view("forms/edit.hbs", { ...view, held });
  }

  /** Parses a form body with the record's edit schema, plus the rules of the form's scope. */
  function parse(mode: "create" | "update", scope: FormScope, record: EditableRecord | null, body: Row) {
    const groups = config.groups({ scope, deps, record, input: body });
    const cleaned = cleanBody(groups, body);
    const schema = mode === "create" ? schemas.create : schemas.update;
    const raw = formInput(schema, cleaned, { unchecked: uncheckedNames(groups) });
    const parsed = schema.safeParse(config.prepareInput ? config.prepareInput(raw, mode) : raw);
    const errors = parsed.success ? (config.check?.(parsed.data, scope, deps) ?? []) : fieldErrors(parsed.error);
    return { groups, cleaned, data: parsed.success ? (parsed.data as Row) : null, errors };
  }

  /** A saved record the publication guard holds is saved, not public: the confirmation says so (a hold is not an error). */
  const saved = (reply: FastifyReply, message: string, to: string, record?: EditableRecord) => {
    const hold = record ? publicationHoldOf(app.guard.repo, config.type, record.id) : null;
    setFlash(reply, hold ? `${message} ${hold.message}` : message);
    return reply.redirect(to, 303);
  };

  if (config.underCase) {
    app.get(base, read, async (request, reply) => reply.redirect(paths.staffCase(loadScope(request.params)!.caseSlug), 303));
  } else {
    app.get(base, read, async (request, reply) =>
      reply.view(
        "forms/list.hbs",
        toRecordListView(config, deps.repo.rows(config.type, { includeDeleted: true }), deps, hasRole(request.user!.role, "editor")),
      ),
    );
  }

  app.get(`${base}/new`, { ...read, onRequest: requireRole("editor") }, async (request, reply) =>
    render(request, reply, 200, { scope: loadScope(request.params), record: null, input: (request.query ?? {}) as Row }),
  );

  app.post(base, write, async (request, reply) => {
    const scope = loadScope(request.params);
    const body = bodyOf(request);
    const { groups, cleaned, data, errors } = parse("create", scope, null, body);
    const again = (errs: FieldError[]) =>
      render(request, reply, 422, { scope, record: null, input: body, values: valuesFromBody(groups, cleaned), errors: errs });
    if (!data) return again(errors);
    if (errors.length) return again(errors);
    let record: EditableRecord;
    try {
      record = app.editing.create(config.type, data, { actor: actorFor(request), reason: reasonOf(body), caseId: scope?.caseId });
    } catch (error) {
      if (error instanceof ValidationError) return again(error.errors);
      throw error;
    }
    return saved(
      reply,
      `Saved the ${config.noun} ${config.describe(record, deps)}.`,
      config.afterCreate?.(record, scope) ?? config.showHref(record, scope, deps),
      record,
    );
  });

  app.get(`${recordUrl}/edit`, read, async (request, reply) => {
    const scope = loadScope(request.params);
    return render(request, reply, 200, { scope, record: loadRecord(request.params, scope), input: {} });
  });

  app.post(recordUrl, write, async (request, reply) => {
    const scope = loadScope(request.params);
    const record = loadRecord(request.params, scope);
    const body = bodyOf(request);
    const version = versionOf(body);
    const { groups, cleaned, data, errors } = parse("update", scope, record, body);
    const again = (errs: FieldError[]) =>
      render(request, reply, 422, { scope, record, input: body, values: valuesFromBody(groups, cleaned), errors: errs, version });
    if (!data || errors.length) return again(errors);
    try {
      const { record: after, changed } = app.editing.update(config.type, record.id, data, {
        actor: actorFor(request),
        reason: reasonOf(body),
        expectedVersion: version,
      });
      const what = `the ${config.noun} ${config.describe(after, deps)}`;
      return saved(
        reply,
        changed ? `Saved ${what}.` : `Nothing to save: ${what} already says that.`,
        config.showHref(after, scope, deps),
        after,
      );
    } catch (error) {
      if (error instanceof ValidationError) return again(error.errors);
      if (!(error instanceof VersionConflictError)) throw error;
      const current = app.editing.find(config.type, record.id)!;
      const conflict = toConflictView({ config, scope, deps, groups, current, submitted: cleaned, startedFrom: version });
      return reply.code(409).view("forms/conflict.hbs", conflict);
    }
  });

  const act = (action: "delete" | "restore" | "strike" | "unstrike") =>
    app.post(`${recordUrl}/${action}`, write, async (request, reply) => {
      const scope = loadScope(request.params);
      const record = loadRecord(request.params, scope);
      const options = { actor: actorFor(request), reason: reasonOf(bodyOf(request)), expectedVersion: versionOf(bodyOf(request)) };
      const name = `the ${config.noun} ${config.describe(record, deps)}`;
      if (action === "delete") {
        app.editing.remove(config.type, record.id, options);
        return saved(
          reply,
          `Deleted ${name}. It is hidden, not erased: restore it on this page.`,
          paths.staffRecordEdit(config.segment, refOf(config, record), scope?.caseSlug),
        );
      }
      const after =
        action === "restore"
          ? app.editing.restore(config.type, record.id, options)
          : app.editing.setStricken(record.id, action === "strike", options);
      const done = { restore: "Restored", strike: "Struck", unstrike: "Unstruck" }[action];
      return saved(reply, `${done} ${name}.`, config.showHref(after, scope, deps), after);
    });
  if (config.removal === "strike") {
    act("strike");
    act("unstrike");
  } else {
    act("delete");
    act("restore");
  }
}
