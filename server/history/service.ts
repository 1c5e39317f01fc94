import { EDIT_TYPES, type EditType } from "../editing/definition";
import type { EditOptions, EditService } from "../editing/service";
import { ConflictError, NotFoundError } from "../errors";
import type { RecordStore } from "../records/store";
import type { EditableType } from "../records/tables";
import { typeLabel } from "./labels";

const isEditType = (type: EditableType): type is EditType => (EDIT_TYPES as readonly string[]).includes(type);

/**
 * "Restore this version" and "Restore" for any record type. The 17 types staff edit go through
 * the write service, so link sets come back too and what derives from the record follows (a
 * motion's status from an order). The others (courts, judges, organizations, people, documents,
 * authorities, conflicts) have no links or derived records: the record store does it alone.
 * Either way: one transaction, a new revision, and a stale version refused with nothing changed.
 */
export function createHistoryActions({ editing, store }: { editing: EditService; store: RecordStore }) {
  const numericId = (type: EditableType, id: string | number) => (type === "court" ? String(id) : Number(id));

  return {
    revert(type: EditableType, id: string | number, revisionId: number, options: EditOptions): void {
      if (isEditType(type)) {
        editing.revert(type, Number(id), revisionId, options);
        return;
      }
      const revision = store.revisionsOf(type, id).find((r) => r.id === revisionId);
      if (!revision?.after) throw new NotFoundError(`This ${typeLabel(type)} has no revision ${revisionId}.`);
      if ((JSON.parse(revision.after) as { deletedAt?: unknown }).deletedAt) {
        throw new ConflictError(`Revision ${revisionId} is this ${typeLabel(type)} deleted; delete it instead of restoring that version.`);
      }
      const reason = `restored revision ${revisionId}${options.reason ? `: ${options.reason}` : ""}`;
      store.revertTo(type, numericId(type, id), revisionId, { ...options, reason });
    },

    /** Undoes a delete (for a docket entry: a strike). */
    restore(type: EditableType, id: string | number, options: EditOptions): void {
      if (isEditType(type)) editing.restore(type, Number(id), options);
      else store.restore(type, numericId(type, id), options);
    },
  };
}

export type HistoryActions = ReturnType<typeof createHistoryActions>;
