import type { z } from "zod";
import type { Db } from "../../db/client";
import { ConflictError, NotFoundError, ValidationError, VersionConflictError, fieldErrors } from "../errors";
import type { Actor, RecordStore } from "../records/store";
import type { RecordRow } from "../records/tables";
import { PublishBody, UnpublishBody } from "./schemas";

export type DecisionOptions = { actor: Actor; expectedVersion?: number };

type CaseRow = RecordRow<"case">;

/**
 * Publishing and unpublishing a case: a decision staff make with a reason, written through
 * the record store like any edit (a revision that says who, when and why, a version bump, and
 * the change event that drops every stored page in the same transaction). Input is checked
 * here, so the staff forms and the write API refuse the same things with the same words.
 */
export function createPublicationService({ db, store }: { db: Db; store: RecordStore }) {
  function current(caseId: number, options: DecisionOptions): CaseRow {
    const row = store.find("case", caseId);
    if (!row) throw new NotFoundError(`No case has id ${caseId}.`);
    if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) {
      throw new VersionConflictError("case", caseId, options.expectedVersion, row.version);
    }
    if (row.deletedAt) throw new ConflictError("This case is deleted; restore it before publishing or unpublishing it.");
    return row;
  }

  function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
    const parsed = schema.safeParse(input ?? {});
    if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error), `The case was not ${what}: some fields are not valid.`);
    return parsed.data;
  }

  return {
    /**
     * Makes the case and everything of it public. A case in the Unsorted group needs a group
     * first; publishing a published case changes nothing.
     */
    publish(caseId: number, input: unknown, options: DecisionOptions): { row: CaseRow; changed: boolean } {
      return db.transaction(() => {
        const row = current(caseId, options);
        const parsed = PublishBody.safeParse(input ?? {});
        // Every problem at once, so a form can mark the reason and the group together.
        const errors = parsed.success ? [] : fieldErrors(parsed.error);
        const sentGroup = (input as { group?: unknown } | null)?.group;
        if (row.group === "unsorted" && (sentGroup === undefined || sentGroup === "")) {
          errors.push({ path: "group", message: "is required: choose where the case goes on the public lists (it is Unsorted)" });
        }
        if (!parsed.success || errors.length > 0)
          throw new ValidationError(errors, "The case was not published: some fields are not valid.");
        const body = parsed.data;
        const group = body.group ?? row.group;
        if (row.published && group === row.group) return { row, changed: false };
        return store.update(
          "case",
          caseId,
          { published: true, group },
          { actor: options.actor, reason: `Published: ${body.reason}`, expectedVersion: row.version },
        );
      });
    },

    /** Takes the case back from every public surface; staff still see it, with its history. */
    unpublish(caseId: number, input: unknown, options: DecisionOptions): { row: CaseRow; changed: boolean } {
      const body = parse(UnpublishBody, input, "unpublished");
      return db.transaction(() => {
        const row = current(caseId, options);
        if (!row.published) return { row, changed: false };
        return store.update(
          "case",
          caseId,
          { published: false },
          { actor: options.actor, reason: `Unpublished: ${body.reason}`, expectedVersion: row.version },
        );
      });
    },
  };
}

export type PublicationService = ReturnType<typeof createPublicationService>;
