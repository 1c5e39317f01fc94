import type { Db } from "../../db/client";
import type { EditableType } from "./tables";

/**
 * What a write touched, so cached pages can be dropped. `caseIds: "all"` means the change
 * can show on any page (a judge's name, a source) and every cached page must go.
 */
export type RecordChange = { type: EditableType; id: string | number; caseIds: number[] | "all" };
type Listener = (change: RecordChange) => void;

const listeners = new WeakMap<Db, Set<Listener>>();

export function onRecordChange(db: Db, listener: Listener): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export function emitRecordChange(db: Db, change: RecordChange): void {
  for (const listener of listeners.get(db) ?? []) listener(change);
}
