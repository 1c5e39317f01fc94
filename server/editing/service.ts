import type { Db } from "../../db/client";
import { ConflictError, NotFoundError, ValidationError, VersionConflictError, type FieldError } from "../errors";
import { LINKS_KEY, type Actor, type RecordStore } from "../records/store";
import { assertInsertable, type RecordRow } from "../records/tables";
import type { Clock } from "../shared/clock";
import { parseRecordId } from "../shared/record-id";
import { TYPE_LABELS, type Columns, type EditContext, type EditType, type Links, type RecordDefinition, type Row } from "./definition";
import { RECORD_DEFINITIONS } from "./records";
import { createEditRepository } from "./repository";

export type EditOptions = {
  actor: Actor;
  /** Why, in the editor's words; kept in the revision. */
  reason?: string | null;
  /** The version the edit started from. Required by the API for updates; a newer stored version refuses the write. */
  expectedVersion?: number;
};

/** A record as staff see it: every column, plus its link sets (movantPartyIds, dispositions…). */
export type EditableRecord<T extends EditType = EditType> = RecordRow<T> & Links;

export type RevisionView = {
  id: number;
  action: "create" | "update" | "delete" | "restore";
  at: string;
  actor: string;
  userId: number | null;
  reason: string | null;
  version: number | null;
  before: Row | null;
  after: Row | null;
};

/**
 * The write path for staff edits, shared by the write API and the HTML forms. Every method
 * is one transaction: the record (through the record store, so with a revision, a version
 * bump and the page cache told), its link rows, the records it creates with it (an order's
 * coverage) and what derives from it (the status of the motions an order decides). Input
 * is the parsed output of the record's edit schema (server/editing/schemas.ts); rules that
 * need the database (ids that exist, a docket number not used twice) are checked here and
 * refused with a ValidationError naming the field.
 */
export function createEditService({ db, store, clock }: { db: Db; store: RecordStore; clock: Clock }) {
  const repo = createEditRepository(db);

  const definitionOf = <T extends EditType>(type: T): RecordDefinition<T> => RECORD_DEFINITIONS[type];
  // Reading links needs only the repository; this context is never used to write.
  const readContext: EditContext = { db, repo, store, actor: { userId: null, label: "read" }, reason: null, now: () => clock.now() };
  const contextFor = (options: EditOptions): EditContext => ({
    db,
    repo,
    store,
    actor: options.actor,
    reason: options.reason ?? null,
    now: () => clock.now(),
  });

  /**
   * The input's columns and its link fields. The input is what the type's edit schema parsed,
   * and the schema is made of the table's columns and the link fields: what is not a link is
   * a column, with the column's type. That is the one place the engine takes it on trust.
   */
  function split<T extends EditType>(definition: RecordDefinition<T>, input: Row): { columns: Columns<T>; links: Links } {
    const linkFields = new Set(definition.links?.fields ?? []);
    const columns: Row = {};
    const links: Links = {};
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined) continue;
      if (linkFields.has(key)) links[key] = value;
      else columns[key] = value;
    }
    return { columns: columns as Columns<T>, links };
  }

  /** Ids in the changed columns must name live records (of the same case, where it matters). */
  function refErrors<T extends EditType>(definition: RecordDefinition<T>, row: Row, changed: string[]): FieldError[] {
    const errors: FieldError[] = [];
    for (const field of changed) {
      const spec = definition.refs?.[field];
      const id = row[field];
      if (!spec || id === null || id === undefined) continue;
      const target: Row | undefined = repo.byId(spec.type, id as string | number);
      const label = TYPE_LABELS[spec.type];
      if (!target) errors.push({ path: field, message: `names no ${label} (id ${String(id)})` });
      else if (target.deletedAt) errors.push({ path: field, message: `names a deleted ${label} (id ${String(id)})` });
      else if (spec.sameCase && target.caseId !== row.caseId) errors.push({ path: field, message: `must be a ${label} of the same case` });
    }
    return errors;
  }

  function uniqueErrors<T extends EditType>(
    definition: RecordDefinition<T>,
    row: Row,
    changed: string[],
    exceptId: string | number | null,
  ): FieldError[] {
    return (definition.unique ?? [])
      .filter((field) => changed.includes(field) && row[field] !== null && row[field] !== undefined)
      .filter((field) => repo.valueTaken(definition.type, field, row[field], exceptId))
      .map((field) => ({ path: field, message: `"${String(row[field])}" is already used by another ${definition.label}` }));
  }

  function validate<T extends EditType>(
    definition: RecordDefinition<T>,
    ctx: EditContext,
    row: Columns<T>,
    changed: string[],
    links: Links,
    current: RecordRow<T> | null,
  ) {
    const errors = [
      ...refErrors(definition, row, changed),
      ...uniqueErrors(definition, row, changed, current?.id ?? null),
      ...(definition.check?.(ctx, row, current) ?? []),
      ...(definition.links?.check?.(ctx, row, links) ?? []),
    ];
    if (errors.length > 0) throw new ValidationError(errors, `The ${definition.label} was not saved: some fields are not valid.`);
  }

  function requireRecord<T extends EditType>(type: T, id: number): RecordRow<T> {
    const row = repo.byId(type, id);
    if (!row) throw new NotFoundError(`No ${definitionOf(type).label} has id ${id}.`);
    return row;
  }

  function checkVersion(type: EditType, row: { id: string | number; version: number }, expectedVersion: number | undefined) {
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw new VersionConflictError(type, row.id, expectedVersion, row.version);
    }
  }

  const linksOf = <T extends EditType>(definition: RecordDefinition<T>, ctx: EditContext, id: number) =>
    definition.links?.read(ctx, id) ?? null;
  const storeLinks = (before: Links | null, after: Links | null) => (after ? { links: { before, after } } : {});

  /** The id of the live case a record of a case is created in (`options.caseId`). */
  function requireLiveCase(caseId: number | undefined): number {
    const kase = caseId === undefined ? undefined : repo.byId("case", caseId);
    if (!kase || kase.deletedAt) throw new NotFoundError(`No case has id ${String(caseId)}.`);
    return kase.id;
  }

  const service = {
    /** The numeric id of a record named by id or slug ("doe-v-dhs"), deleted or not. */
    resolveId(type: EditType, idOrSlug: string | number): number | undefined {
      if (typeof idOrSlug === "number") return repo.byId(type, idOrSlug) && idOrSlug;
      const id = parseRecordId(idOrSlug);
      if (id !== undefined) return repo.byId(type, id) && id;
      // Anything else is a slug ("03" or "3.0" is no record's slug, so no record).
      return repo.bySlug(type, idOrSlug)?.id;
    },

    /** The record with its link sets, as an edit form or the API shows it; deleted records too. */
    find<T extends EditType>(type: T, id: number): EditableRecord<T> | undefined {
      const row = repo.byId(type, id);
      if (!row) return undefined;
      const definition = definitionOf(type);
      return { ...row, ...(linksOf(definition, readContext, id) ?? {}) };
    },

    /**
     * Creates a record. Records that belong to a case (entries, parties, motions, orders,
     * hearings, deadlines) take the case from `options.caseId`, never from the input.
     */
    create<T extends EditType>(type: T, input: Row, options: EditOptions & { caseId?: number }): EditableRecord<T> {
      const definition = definitionOf(type);
      const ctx = contextFor(options);
      return db.transaction(() => {
        const { columns: sent, links } = split(definition, input);
        const columns: Columns<T> = { ...sent, ...(definition.parent === "case" ? { caseId: requireLiveCase(options.caseId) } : {}) };
        Object.assign(columns, definition.prepare?.(ctx, columns, null));
        validate(definition, ctx, columns, Object.keys(columns), links, null);
        assertInsertable(type, columns, definition.label);
        const linksAfter = definition.links ? { ...emptyLinks(definition), ...definition.links.normalize(links) } : null;
        const row = store.insert(type, columns, { actor: options.actor, reason: options.reason, ...storeLinks(null, linksAfter) });
        if (definition.links && linksAfter) definition.links.write(ctx, row, definition.links.normalize(links));
        definition.afterWrite?.(ctx, { action: "create", row, before: null, linksBefore: null, linksAfter });
        return service.find(type, Number(row.id))!;
      });
    },

    /** Changes the fields sent (link sets replaced whole); a change that changes nothing writes nothing. */
    update<T extends EditType>(type: T, id: number, input: Row, options: EditOptions): { record: EditableRecord<T>; changed: boolean } {
      const definition = definitionOf(type);
      const ctx = contextFor(options);
      return db.transaction(() => {
        const current = requireRecord(type, id);
        checkVersion(type, current, options.expectedVersion);
        if (current.deletedAt) throw new ConflictError(`This ${definition.label} is deleted; restore it before editing it.`);
        const { columns, links } = split(definition, input);
        Object.assign(columns, definition.prepare?.(ctx, columns, current));
        const merged = { ...current, ...columns };
        validate(definition, ctx, merged, changedKeys(columns, current), links, current);
        const linksBefore = linksOf(definition, ctx, id);
        const sent = definition.links?.normalize(links) ?? {};
        const linksAfter = linksBefore ? { ...linksBefore, ...sent } : null;
        if (definition.links && Object.keys(sent).length > 0) definition.links.write(ctx, current, sent);
        const { changed } = store.update(type, id, columns, {
          actor: options.actor,
          reason: options.reason,
          expectedVersion: options.expectedVersion,
          ...storeLinks(linksBefore, linksAfter),
        });
        if (changed)
          definition.afterWrite?.(ctx, { action: "update", row: repo.byId(type, id)!, before: current, linksBefore, linksAfter });
        return { record: service.find(type, id)!, changed };
      });
    },

    /** Hides a record (it stays, and `restore` brings it back). Docket entries are struck instead: see `strike`. */
    remove<T extends EditType>(type: T, id: number, options: EditOptions): EditableRecord<T> {
      const definition = definitionOf(type);
      if (type === "entry") throw new ConflictError("Docket entries are never deleted; strike the entry instead.");
      const ctx = contextFor(options);
      return db.transaction(() => {
        const current = requireRecord(type, id);
        checkVersion(type, current, options.expectedVersion);
        if (current.deletedAt) return service.find(type, id)!;
        definition.beforeRemove?.(ctx, current);
        const links = linksOf(definition, ctx, id);
        const row = store.remove(type, id, { ...options, ...storeLinks(links, links) });
        definition.afterWrite?.(ctx, { action: "delete", row, before: current, linksBefore: links, linksAfter: links });
        return service.find(type, id)!;
      });
    },

    /** Undoes a delete; for a docket entry, undoes a strike. */
    restore<T extends EditType>(type: T, id: number, options: EditOptions): EditableRecord<T> {
      if (type === "entry") return service.setStricken(id, false, options);
      const definition = definitionOf(type);
      const ctx = contextFor(options);
      return db.transaction(() => {
        const current = requireRecord(type, id);
        checkVersion(type, current, options.expectedVersion);
        if (!current.deletedAt) return service.find(type, id)!;
        const fields: Row = current;
        for (const field of definition.unique ?? []) {
          if (fields[field] && repo.valueTaken(type, field, fields[field], id)) {
            throw new ConflictError(
              `Another ${definition.label} now has the ${field} "${String(fields[field])}"; change it before restoring this one.`,
            );
          }
        }
        const links = linksOf(definition, ctx, id);
        const row = store.restore(type, id, { ...options, ...storeLinks(links, links) });
        definition.afterWrite?.(ctx, { action: "restore", row, before: current, linksBefore: links, linksAfter: links });
        return service.find(type, id)!;
      });
    },

    /**
     * Puts back the record as an earlier revision left it, fields and link sets, as a new
     * revision (so the revert itself can be undone). Checked like an update (ids that still
     * name live records, values no other record has taken); what derives from the record
     * follows (afterWrite). A deleted record comes back with it. Reverting to a deleted state
     * is refused: delete the record instead.
     */
    revert<T extends EditType>(
      type: T,
      id: number,
      revisionId: number,
      options: EditOptions,
    ): { record: EditableRecord<T>; changed: boolean } {
      const definition = definitionOf(type);
      const ctx = contextFor(options);
      return db.transaction(() => {
        const current = requireRecord(type, id);
        checkVersion(type, current, options.expectedVersion);
        const revision = repo.revisions(type, id).find((r) => r.id === revisionId);
        if (!revision?.after) throw new NotFoundError(`This ${definition.label} has no revision ${revisionId}.`);
        // A revision's JSON is a row of this table as it was saved, with its link rows beside it.
        const { id: _id, createdAt: _c, updatedAt: _u, version: _v, [LINKS_KEY]: oldLinks, ...old } = JSON.parse(revision.after) as Row;
        if (old.deletedAt)
          throw new ConflictError(
            `Revision ${revisionId} is this ${definition.label} deleted; delete it instead of restoring that version.`,
          );
        const merged = { ...current, ...old };
        // Coming back from deleted: its unique values must still be its own, as for restore.
        const was: Row = current;
        const changed = Object.keys(old).filter((k) => old[k] !== was[k] || (current.deletedAt && definition.unique?.includes(k)));
        const linksBefore = linksOf(definition, ctx, id);
        const sent = definition.links && oldLinks ? definition.links.normalize(oldLinks as Links) : {};
        validate(definition, ctx, merged, changed, sent, current);
        const linksAfter = linksBefore ? { ...linksBefore, ...sent } : null;
        if (definition.links && JSON.stringify(linksBefore) !== JSON.stringify(linksAfter)) definition.links.write(ctx, current, sent);
        const reason = `restored revision ${revisionId}${options.reason ? `: ${options.reason}` : ""}`;
        const row = store.revertTo(type, id, revisionId, { ...options, reason, ...storeLinks(linksBefore, linksAfter) });
        const didChange = row.version !== current.version;
        if (didChange) {
          const action = current.deletedAt && !row.deletedAt ? "restore" : "update";
          definition.afterWrite?.(ctx, { action, row, before: current, linksBefore, linksAfter });
        }
        return { record: service.find(type, id)!, changed: didChange };
      });
    },

    /** Strikes a docket entry (or un-strikes it): it stays on the docket, marked, as courts do. */
    setStricken(entryId: number, stricken: boolean, options: EditOptions): EditableRecord<"entry"> {
      return db.transaction(() => {
        const current = requireRecord("entry", entryId);
        checkVersion("entry", current, options.expectedVersion);
        store.update("entry", entryId, { stricken }, options);
        return service.find("entry", entryId)!;
      });
    },

    /** Every revision of a record, oldest first, with `before` and `after` as objects. */
    revisions(type: EditType, id: number): RevisionView[] {
      return repo.revisions(type, id).map((r) => ({
        id: r.id,
        action: r.action,
        at: r.at,
        actor: r.actor,
        userId: r.userId,
        reason: r.reason,
        version: r.version,
        before: r.before ? (JSON.parse(r.before) as Row) : null,
        after: r.after ? (JSON.parse(r.after) as Row) : null,
      }));
    },
  };
  return service;
}

/** The fields of `values` whose value differs from the current row's. */
function changedKeys(values: Row, current: Row): string[] {
  return Object.keys(values).filter((key) => values[key] !== current[key]);
}

/** A new record's link sets before anything is sent: empty. */
function emptyLinks<T extends EditType>(definition: RecordDefinition<T>): Links {
  return Object.fromEntries((definition.links?.fields ?? []).map((field) => [field, []]));
}

export type EditService = ReturnType<typeof createEditService>;
export { LINKS_KEY };
