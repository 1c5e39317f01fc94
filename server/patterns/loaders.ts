import type { Db } from "../../db/client";
import type { Citation, ConflictRef } from "../sources/markers";
import { issuerName, loadSubpoenaBundles, type SubpoenaBundle } from "../subpoenas/loaders";
import { createSubpoenasRepository } from "../subpoenas/repository";
import { instrumentStages, type InstrumentStages } from "./stages";

/** One instrument (subpoena or summons) with the stages it went through, from public records only. */
export type InstrumentPath = SubpoenaBundle & { issuerName: string | null; stages: InstrumentStages };

export type InstrumentPaths = {
  instruments: InstrumentPath[];
  /** Citations of every record the stages rest on, keyed by refKey(type, id). */
  citations: Map<string, Citation[]>;
  conflicts: Map<string, ConflictRef[]>;
};

/**
 * Every instrument in the cluster with its stages, derived from the same bundles as its status
 * (server/subpoenas/loaders.ts): only public cases, orders and events shape them, so a sealed,
 * held or unpublished record never moves a date or a count.
 */
export function loadInstrumentPaths(db: Db): InstrumentPaths {
  const { bundles, citations, conflicts } = loadSubpoenaBundles(db, createSubpoenasRepository(db).list());
  return {
    instruments: bundles.map((b) => ({ ...b, issuerName: issuerName(b.issuer, b.issuerParent), stages: instrumentStages(b) })),
    citations,
    conflicts,
  };
}
