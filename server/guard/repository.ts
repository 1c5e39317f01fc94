import type { Statement } from "better-sqlite3";
import { prepareStatement, type Db } from "../../db/client";
import { randomSecret } from "../auth/secrets";
import type { GuardFinding } from "./findings";

export type HoldRow = {
  id: number;
  recordType: string;
  recordId: string;
  caseId: number | null;
  status: "held" | "released" | "redacted";
  findings: GuardFinding[];
  heldAt: string;
  heldBy: string;
  heldByUserId: number | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolvedByUserId: number | null;
  resolution: string | null;
};

export type TermRow = {
  id: number;
  caseId: number;
  digest: string;
  wordCount: number;
  note: string | null;
  createdAt: string;
  createdBy: string;
  removedAt: string | null;
  removedBy: string | null;
};

const HOLD_COLUMNS = `id, record_type AS recordType, record_id AS recordId, case_id AS caseId, status, findings, held_at AS heldAt,
  held_by AS heldBy, held_by_user_id AS heldByUserId, resolved_at AS resolvedAt, resolved_by AS resolvedBy,
  resolved_by_user_id AS resolvedByUserId, resolution`;
const TERM_COLUMNS = `id, case_id AS caseId, digest, word_count AS wordCount, note, created_at AS createdAt, created_by AS createdBy,
  removed_at AS removedAt, removed_by AS removedBy`;

const statements = new WeakMap<Db, Map<string, Statement>>();

/**
 * The guard's tables in plain prepared SQL: the check runs inside every record write (seeds
 * and imports write thousands), so its few statements are prepared once per connection.
 */
function prepared(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = prepareStatement(db, sql)));
  return statement;
}

const toHold = (raw: unknown): HoldRow => {
  const row = raw as Omit<HoldRow, "findings"> & { findings: string };
  return { ...row, findings: JSON.parse(row.findings) as GuardFinding[] };
};

export function createGuardRepository(db: Db) {
  return {
    /** The installation's salt, made on first use. */
    salt(now: string): string {
      const row = prepared(db, "SELECT salt FROM guard_salt WHERE id = 1").get() as { salt: string } | undefined;
      if (row) return row.salt;
      const salt = randomSecret(32);
      prepared(db, "INSERT INTO guard_salt (id, salt, created_at) VALUES (1, ?, ?)").run(salt, now);
      return salt;
    },

    activeTerms(): { digest: string; wordCount: number; caseId: number }[] {
      return prepared(
        db,
        "SELECT digest, word_count AS wordCount, case_id AS caseId FROM never_publish_terms WHERE removed_at IS NULL",
      ).all() as {
        digest: string;
        wordCount: number;
        caseId: number;
      }[];
    },

    termsOfCase(caseId: number): TermRow[] {
      return prepared(db, `SELECT ${TERM_COLUMNS} FROM never_publish_terms WHERE case_id = ? ORDER BY id`).all(caseId) as TermRow[];
    },

    term(id: number): TermRow | undefined {
      return prepared(db, `SELECT ${TERM_COLUMNS} FROM never_publish_terms WHERE id = ?`).get(id) as TermRow | undefined;
    },

    insertTerm(values: {
      caseId: number;
      digest: string;
      wordCount: number;
      note: string | null;
      createdAt: string;
      createdBy: string;
      createdByUserId: number | null;
    }): number {
      return Number(
        prepared(
          db,
          "INSERT INTO never_publish_terms (case_id, digest, word_count, note, created_at, created_by, created_by_user_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ).run(values.caseId, values.digest, values.wordCount, values.note, values.createdAt, values.createdBy, values.createdByUserId)
          .lastInsertRowid,
      );
    },

    setTermRemoved(id: number, removedAt: string | null, removedBy: string | null): void {
      prepared(db, "UPDATE never_publish_terms SET removed_at = ?, removed_by = ? WHERE id = ?").run(removedAt, removedBy, id);
    },

    openHold(recordType: string, recordId: string): HoldRow | undefined {
      const raw = prepared(
        db,
        `SELECT ${HOLD_COLUMNS} FROM publication_holds WHERE record_type = ? AND record_id = ? AND status = 'held'`,
      ).get(recordType, recordId);
      return raw ? toHold(raw) : undefined;
    },

    /** Fingerprints a person has already released or redacted for this record. */
    settledFingerprints(recordType: string, recordId: string): Set<string> {
      const rows = prepared(db, "SELECT findings FROM publication_holds WHERE record_type = ? AND record_id = ? AND status <> 'held'").all(
        recordType,
        recordId,
      ) as {
        findings: string;
      }[];
      return new Set(rows.flatMap((r) => (JSON.parse(r.findings) as GuardFinding[]).map((f) => f.fingerprint)));
    },

    insertHold(values: {
      recordType: string;
      recordId: string;
      caseId: number | null;
      findings: GuardFinding[];
      heldAt: string;
      heldBy: string;
      heldByUserId: number | null;
    }): number {
      return Number(
        prepared(
          db,
          "INSERT INTO publication_holds (record_type, record_id, case_id, status, findings, held_at, held_by, held_by_user_id) VALUES (?, ?, ?, 'held', ?, ?, ?, ?)",
        ).run(
          values.recordType,
          values.recordId,
          values.caseId,
          JSON.stringify(values.findings),
          values.heldAt,
          values.heldBy,
          values.heldByUserId,
        ).lastInsertRowid,
      );
    },

    updateFindings(id: number, findings: GuardFinding[]): void {
      prepared(db, "UPDATE publication_holds SET findings = ? WHERE id = ?").run(JSON.stringify(findings), id);
    },

    resolve(
      id: number,
      values: { status: "released" | "redacted"; at: string; by: string; byUserId: number | null; resolution: string },
    ): boolean {
      return (
        prepared(
          db,
          "UPDATE publication_holds SET status = ?, resolved_at = ?, resolved_by = ?, resolved_by_user_id = ?, resolution = ? WHERE id = ? AND status = 'held'",
        ).run(values.status, values.at, values.by, values.byUserId, values.resolution, id).changes === 1
      );
    },

    hold(id: number): HoldRow | undefined {
      const raw = prepared(db, `SELECT ${HOLD_COLUMNS} FROM publication_holds WHERE id = ?`).get(id);
      return raw ? toHold(raw) : undefined;
    },

    /** Open holds first (oldest first, the queue), then the latest settled ones. */
    holds(options: { status: "held" | "settled"; caseId?: number; limit?: number }): HoldRow[] {
      const where = options.status === "held" ? "status = 'held'" : "status <> 'held'";
      const order = options.status === "held" ? "held_at ASC, id ASC" : "resolved_at DESC, id DESC";
      const byCase = options.caseId === undefined ? "" : " AND case_id = ?";
      const params = options.caseId === undefined ? [] : [options.caseId];
      return (
        prepared(
          db,
          `SELECT ${HOLD_COLUMNS} FROM publication_holds WHERE ${where}${byCase} ORDER BY ${order} LIMIT ${options.limit ?? 500}`,
        ).all(...params) as unknown[]
      ).map(toHold);
    },

    /** What a stored PDF says about itself (server/documents/metadata.ts), or null. */
    pdfMetadataOf(sha256: string): Record<string, string | null> | null {
      const row = prepared(db, "SELECT pdf_metadata AS m FROM files WHERE sha256 = ?").get(sha256) as { m: string | null } | undefined;
      return row?.m ? (JSON.parse(row.m) as Record<string, string | null>) : null;
    },

    /** The newest hold's id (0 for none): what a batch writer (an import) compares with afterwards. */
    lastHoldId(): number {
      return (prepared(db, "SELECT coalesce(max(id), 0) AS n FROM publication_holds").get() as { n: number }).n;
    },

    /** Holds opened after the given id and still open, oldest first. */
    openHoldsAfter(id: number): HoldRow[] {
      return (
        prepared(db, `SELECT ${HOLD_COLUMNS} FROM publication_holds WHERE id > ? AND status = 'held' ORDER BY id`).all(id) as unknown[]
      ).map(toHold);
    },

    /** How many records are held right now (of one case, when given): the staff navigation's count. */
    openHoldCount(caseId?: number): number {
      const row = (
        caseId === undefined
          ? prepared(db, "SELECT count(*) AS n FROM publication_holds WHERE status = 'held'").get()
          : prepared(db, "SELECT count(*) AS n FROM publication_holds WHERE status = 'held' AND case_id = ?").get(caseId)
      ) as { n: number };
      return row.n;
    },

    /** Every record held right now, as "type:id" keys. */
    heldKeys(): Set<string> {
      const rows = prepared(db, "SELECT record_type AS t, record_id AS i FROM publication_holds WHERE status = 'held'").all() as {
        t: string;
        i: string;
      }[];
      return new Set(rows.map((r) => `${r.t}:${r.i}`));
    },
  };
}

export type GuardRepository = ReturnType<typeof createGuardRepository>;
