import type { Db } from "../../db/client";
import type { PublicRecord } from "../privacy/projection";
import { refKey, type Citation, type ConflictRef } from "../sources/repository";
import type { SubpoenaStatus } from "../status/subpoena-status";
import { issuerName, loadSubpoenaBundles, statusCitations } from "./bundles";
import { createSubpoenasRepository } from "./repository";

export type SubpoenaSummary = {
  subpoena: PublicRecord<"subpoena">;
  issuer: PublicRecord<"organization"> | null;
  issuerParent: PublicRecord<"organization"> | null;
  /** "ICE (DHS)"; null while the issuer is unknown. */
  issuerName: string | null;
  recipient: PublicRecord<"organization"> | null;
  /** The cases challenging it. */
  challenges: PublicRecord<"case">[];
  /** How many accounts it names on the record, and how many the sources say it covered. */
  namedAccountCount: number;
  status: SubpoenaStatus;
  /** The sources behind the status line (withdrawal event, orders, motions…). */
  statusCitations: Citation[];
  /** The subpoena's own sources and open conflicts. */
  citations: Citation[];
  conflicts: ConflictRef[];
};

/**
 * Every subpoena and summons in the cluster with its derived status and the sources behind
 * it, in a fixed number of queries. Pages and the JSON API both read this.
 */
export function loadSubpoenaSummaries(db: Db): SubpoenaSummary[] {
  const rows = createSubpoenasRepository(db).list();
  const { bundles, citations, conflicts } = loadSubpoenaBundles(db, rows);
  return bundles.map((b) => ({
    subpoena: b.subpoena,
    issuer: b.issuer,
    issuerParent: b.issuerParent,
    issuerName: issuerName(b.issuer, b.issuerParent),
    recipient: b.recipient,
    challenges: b.challenges,
    namedAccountCount: b.namedAccounts.length,
    status: b.status,
    statusCitations: statusCitations(b.status, citations),
    citations: citations.get(refKey("subpoena", b.subpoena.id)) ?? [],
    conflicts: conflicts.get(refKey("subpoena", b.subpoena.id)) ?? [],
  }));
}
