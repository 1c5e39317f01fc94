import type { Db } from "../../db/client";
import type { CASE_GROUPS } from "../../db/schema";
import type { PacerKind } from "../pacer";
import type { RecordStore, WriteOptions } from "../records/store";
import type { EditableType } from "../records/tables";
import type { EntrySource } from "./normalise";
import type { ImportsRepository } from "./repository";
import type { ReportBuilder } from "./report";

export type CaseGroup = (typeof CASE_GROUPS)[number];

/** Where a case an import creates lands when nobody said: staff place it before it can be published. */
export const DEFAULT_IMPORT_GROUP: CaseGroup = "unsorted";

/** Why publishing at import needs a group: the words the page and `quash import` both show. */
export const PUBLISH_NEEDS_GROUP = "must be a group the public sees (not Unsorted) to publish the new cases at import";

/** A field-level citation the import asks for beside the record-level one. */
export type FieldCitation = { type: EditableType; id: number | string; field: string; inferredReason: string | null };

/** Everything one file's merge works with; built by the service inside the transaction. */
export type MergeContext = {
  db: Db;
  store: RecordStore;
  repo: ImportsRepository;
  report: ReportBuilder;
  write: WriteOptions;
  kind: PacerKind;
  courtId: string;
  /** The day the file shows the docket as of; compared with earlier imports of the same kind. */
  reportDate: string | null;
  group: CaseGroup;
  /** Publish the cases this file creates; otherwise they wait, staff-only, until staff publish them. */
  publish: boolean;
  /** Leave cases the tracker does not follow yet alone (court-wide RSS feeds). */
  trackedCasesOnly: boolean;
  /** Touch only cases staff watch (the RSS poll); the others are left silently. */
  watchedCasesOnly: boolean;
  fieldCitations: FieldCitation[];
  /** Citations marked inferred that a court record now settles, to be retired. */
  superseded: { type: EditableType; id: number | string; field: string }[];
};

/** Which import kind wrote an entry of a given source. */
export const KIND_OF_SOURCE: Record<EntrySource, PacerKind> = { pacer_docket: "docket", nef: "nef", rss: "rss" };

/** True unless an earlier import of the same kind, of a later day, already wrote this record. */
export function notOlderThanLast(ctx: MergeContext, type: EditableType, id: number, kind: PacerKind): boolean {
  const last = ctx.repo.lastImportDate(type, id, kind);
  if (last === null) return true;
  return ctx.reportDate !== null && ctx.reportDate >= last;
}

/** `base`, or `base-2`, `base-3`… whichever slug is free. */
export function uniqueSlug(ctx: MergeContext, table: "case" | "judge" | "attorney" | "organization", base: string): string {
  if (!ctx.repo.slugExists(table, base)) return base;
  for (let n = 2; ; n++) if (!ctx.repo.slugExists(table, `${base}-${n}`)) return `${base}-${n}`;
}
