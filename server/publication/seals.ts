import type { Db } from "../../db/client";
import { NotFoundError, ValidationError, VersionConflictError, fieldErrors } from "../errors";
import type { RecordStore } from "../records/store";
import type { RecordRow } from "../records/tables";
import { SealBody, type SealKind } from "./schemas";
import type { DecisionOptions } from "./service";

/** The record types behind each kind of seal, and the flag each one sets. */
const TARGETS = {
  entry: { type: "entry", flag: "sealed", words: "docket entry" },
  document: { type: "document", flag: "sealed", words: "document" },
  party: { type: "party", flag: "nameSealed", words: "party's name" },
  case: { type: "case", flag: "sealed", words: "case" },
} as const satisfies Record<SealKind, { type: string; flag: string; words: string }>;

export type SealedRow = RecordRow<"entry"> | RecordRow<"document"> | RecordRow<"party"> | RecordRow<"case">;

/** The record a seal decision is about, with whether it is sealed now. */
export function sealState(kind: SealKind, row: SealedRow): { sealed: boolean; reason: string | null; orderReference: string | null } {
  const flag = TARGETS[kind].flag as keyof SealedRow;
  return { sealed: Boolean(row[flag]), reason: row.sealReason, orderReference: row.sealOrder };
}

/** "Sealed (order: ECF No. 45): the movant's declaration" — the reason a seal's revision carries. */
export const sealRevisionReason = (action: "Sealed" | "Unsealed", input: { reason: string; orderReference: string }) =>
  `${action} (order: ${input.orderReference}): ${input.reason}`;

/**
 * Sealing after the fact, and unsealing: a record-store update of the record's seal flag (an
 * entry's or document's `sealed`, a party's `nameSealed`, a case's `sealed`) with the reason and
 * the court's order kept beside it, in one transaction with its revision and the change event,
 * so every public surface (and the page cache) drops it in the same request. Nothing is
 * erased: staff still see the record and its history, and unsealing puts it back.
 */
export function createSealService({ db, store }: { db: Db; store: RecordStore }) {
  function load(kind: SealKind, id: number, options: DecisionOptions): SealedRow {
    const row = store.find(TARGETS[kind].type, id) as SealedRow | undefined;
    if (!row) throw new NotFoundError(`No ${TARGETS[kind].words.replace("'s name", "")} has id ${id}.`);
    if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) {
      throw new VersionConflictError(TARGETS[kind].type, id, options.expectedVersion, row.version);
    }
    return row;
  }

  function parse(input: unknown, what: string) {
    const parsed = SealBody.safeParse(input ?? {});
    if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error), `The ${what} was not changed: say why and cite the order.`);
    return parsed.data;
  }

  function decide(
    kind: SealKind,
    id: number,
    input: unknown,
    options: DecisionOptions,
    seal: boolean,
  ): { row: SealedRow; changed: boolean } {
    const target = TARGETS[kind];
    const body = parse(input, target.words);
    return db.transaction(() => {
      const row = load(kind, id, options);
      const state = sealState(kind, row);
      if (!seal && !state.sealed) return { row, changed: false };
      // Sealing again only records a newer reason or order (an entry PACER marked sealed gets its order cited).
      const kept = seal ? { sealReason: body.reason, sealOrder: body.orderReference } : { sealReason: null, sealOrder: null };
      const write = { actor: options.actor, reason: sealRevisionReason(seal ? "Sealed" : "Unsealed", body), expectedVersion: row.version };
      const result =
        target.type === "party"
          ? store.update("party", id, { nameSealed: seal, ...kept }, write)
          : store.update(target.type, id, { sealed: seal, ...kept }, write);
      return { row: result.row as SealedRow, changed: result.changed };
    });
  }

  return {
    seal: (kind: SealKind, id: number, input: unknown, options: DecisionOptions) => decide(kind, id, input, options, true),
    unseal: (kind: SealKind, id: number, input: unknown, options: DecisionOptions) => decide(kind, id, input, options, false),
    find: (kind: SealKind, id: number) => store.find(TARGETS[kind].type, id) as SealedRow | undefined,
    words: (kind: SealKind) => TARGETS[kind].words,
  };
}

export type SealService = ReturnType<typeof createSealService>;
