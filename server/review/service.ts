import type { Db } from "../../db/client";
import type { EditService } from "../editing/service";
import { EDIT_TYPES, type EditType } from "../editing/definition";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { digestOf, termKey } from "../privacy/never-publish";
import { affectedCases } from "../records/affected-cases";
import { emitRecordChange } from "../records/changes";
import type { Actor, RecordStore } from "../records/store";
import { RECORD_TABLES, isEditableType, type EditableType } from "../records/tables";
import type { Clock } from "../shared/clock";
import { guardRecordWrite } from "../guard/check";
import type { GuardFinding } from "../guard/findings";
import { RECORD_DEFINITIONS } from "../editing/records";
import { createGuardRepository, type HoldRow } from "../guard/repository";

const MAX_TERM_WORDS = 12;

/** What a rescan did: records read, records it newly held (with where, never what), and holds already open. */
export type RescanReport = {
  scanned: number;
  held: { type: EditableType; id: string; caseId: number | null; findings: GuardFinding[] }[];
  stillHeld: number;
};

/**
 * What staff do with the guard: release a held record (its findings are not what the rule
 * protects, or the redacted view is enough), redact it (edit the text, as a revision with a
 * reason), and keep each case's never-publish list. Each call is one transaction.
 */
export function createGuardService({ db, store, clock, editing }: { db: Db; store: RecordStore; clock: Clock; editing: EditService }) {
  const repo = createGuardRepository(db);

  function requireOpenHold(holdId: number): HoldRow & { recordType: EditableType } {
    const hold = repo.hold(holdId);
    if (!hold || !isEditableType(hold.recordType)) throw new NotFoundError(`No hold has id ${holdId}.`);
    if (hold.status !== "held") throw new ConflictError(`This hold was already ${hold.status} by ${hold.resolvedBy ?? "someone"}.`);
    return hold as HoldRow & { recordType: EditableType };
  }

  /** The record's pages change (it becomes public): drop what the page cache keeps of them. */
  function announce(type: EditableType, id: string) {
    const row = store.find(type, id);
    if (row) emitRecordChange(db, { type, id, caseIds: affectedCases(db, type, row as Record<string, unknown>) });
  }

  const requireReason = (reason: string | null | undefined) => {
    const text = reason?.trim() ?? "";
    if (text === "")
      throw new ValidationError([{ path: "reason", message: "is required: say why, for the record" }], "Nothing was changed.");
    return text.slice(0, 2000);
  };

  /** A record's link sets as the store last wrote them (a subpoena's demands), which the guard reads too. */
  function linksOf(type: EditableType, id: number): Record<string, unknown> | undefined {
    if (!(EDIT_TYPES as readonly string[]).includes(type)) return undefined;
    const fields = RECORD_DEFINITIONS[type as EditType].links?.fields;
    const record = fields ? editing.find(type as EditType, id) : undefined;
    return fields && record ? Object.fromEntries(fields.map((field) => [field, record[field]])) : undefined;
  }

  /**
   * Every live record passes the guard again, as if written now (after a term is added, after
   * an upgrade of the detector, or from `quash guard rescan`): what it now finds is held, unless
   * a person already released or redacted that very finding.
   */
  function rescanAll(actor: Actor): RescanReport {
    const report: RescanReport = { scanned: 0, held: [], stillHeld: 0 };
    for (const type of Object.keys(RECORD_TABLES) as EditableType[]) {
      for (const row of db.select().from(RECORD_TABLES[type]).all() as Record<string, unknown>[]) {
        if (row.deletedAt) continue;
        report.scanned += 1;
        const id = row.id as string | number;
        const before = repo.openHold(type, String(id));
        const cases = affectedCases(db, type, row);
        const caseId = Array.isArray(cases) ? (cases[0] ?? null) : null;
        const links = typeof id === "number" ? linksOf(type, id) : undefined;
        const findings = guardRecordWrite({ db, now: clock.now(), type, row, actor, links, caseId });
        if (before) report.stillHeld += 1;
        else if (findings.length > 0) {
          report.held.push({ type, id: String(id), caseId, findings });
          emitRecordChange(db, { type, id, caseIds: cases });
        }
      }
    }
    return report;
  }

  return {
    repo,

    release(holdId: number, reason: string, actor: Actor): HoldRow {
      return db.transaction(() => {
        const hold = requireOpenHold(holdId);
        repo.resolve(holdId, {
          status: "released",
          at: clock.now(),
          by: actor.label,
          byUserId: actor.userId,
          resolution: requireReason(reason),
        });
        announce(hold.recordType, hold.recordId);
        return repo.hold(holdId)!;
      });
    },

    /**
     * Edits the held fields (through the edit service for staff-edited types, so the edit is
     * checked like any other, else through the record store) as a revision with the reason.
     * The hold ends as redacted when the new text holds nothing more; otherwise nothing is
     * saved and the fields still holding something are named.
     */
    redact(holdId: number, changes: Record<string, string>, reason: string, actor: Actor, expectedVersion?: number): HoldRow {
      return db.transaction(() => {
        const hold = requireOpenHold(holdId);
        const why = requireReason(reason);
        const options = { actor, reason: `redacted for publication: ${why}`, expectedVersion };
        const id = hold.recordId;
        if ((EDIT_TYPES as readonly string[]).includes(hold.recordType))
          editing.update(hold.recordType as EditType, Number(id), changes, options);
        else store.update(hold.recordType, id, changes, options);
        const left = repo.openHold(hold.recordType, id)!.findings;
        if (left.length > 0) {
          throw new ValidationError(
            [...new Set(left.map((f) => f.field))].map((field) => ({
              path: field,
              message: "still holds what the guard stopped; edit it out or release the record instead",
            })),
            "Nothing was saved: the text still holds what the guard stopped.",
          );
        }
        repo.resolve(holdId, { status: "redacted", at: clock.now(), by: actor.label, byUserId: actor.userId, resolution: why });
        announce(hold.recordType, id);
        return repo.hold(holdId)!;
      });
    },

    /**
     * Adds a term to a case's never-publish list. Only the salted digest of its words is kept;
     * every live record is checked against it at once, so text already public is held.
     */
    addTerm(caseId: number, input: { term: string; note: string | null }, actor: Actor): { termId: number; held: number } {
      const key = termKey(input.term);
      if (key.length === 0)
        throw new ValidationError([{ path: "term", message: "needs at least one word of two letters or more" }], "Nothing was added.");
      if (key.length > MAX_TERM_WORDS)
        throw new ValidationError([{ path: "term", message: `must be at most ${MAX_TERM_WORDS} words` }], "Nothing was added.");
      return db.transaction(() => {
        const salt = repo.salt(clock.now());
        const digest = digestOf(salt, key);
        if (repo.termsOfCase(caseId).some((t) => t.digest === digest && !t.removedAt)) {
          throw new ValidationError([{ path: "term", message: "is already on this case's list" }], "Nothing was added.");
        }
        const note = input.note?.trim() || null;
        // The note is kept as typed, so it may not carry any word of the term.
        if (note && termKey(note).some((word) => key.includes(word))) {
          throw new ValidationError(
            [{ path: "note", message: 'must not contain any word of the term: describe it instead ("movant\'s legal name")' }],
            "Nothing was added.",
          );
        }
        const termId = repo.insertTerm({
          caseId,
          digest,
          wordCount: key.length,
          note,
          createdAt: clock.now(),
          createdBy: actor.label,
          createdByUserId: actor.userId,
        });
        return { termId, held: rescanAll(actor).held.length };
      });
    },

    /** Takes a term off the list (kept, marked removed, so the removal is on the record and can be undone). */
    setTermRemoved(termId: number, removed: boolean, actor: Actor): void {
      db.transaction(() => {
        const term = repo.term(termId);
        if (!term) throw new NotFoundError(`No never-publish term has id ${termId}.`);
        repo.setTermRemoved(termId, removed ? clock.now() : null, removed ? actor.label : null);
        if (!removed) rescanAll(actor);
      });
    },

    rescanAll: (actor: Actor) => db.transaction(() => rescanAll(actor)),
  };
}

export type GuardService = ReturnType<typeof createGuardService>;
