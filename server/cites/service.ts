import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { NotFoundError, ValidationError } from "../errors";
import type { Actor, RecordStore } from "../records/store";
import type { RecordRow } from "../records/tables";
import { authorityFor, buildAuthorityIndex, type AuthorityIndex } from "./authority-index";
import type { CitationExtractor } from "./found";
import { isUnresolved, parseCiteKey } from "./keys";
import { draftCites, type CiteDraft } from "./propose";
import { createCitesRepository } from "./repository";

/** What the cites service needs: the database, the record store every write goes through, and the extractor. */
export type CitesContext = { db: Db; store: RecordStore; extract: CitationExtractor };

export type ExtractionResult = { found: number; created: number; updated: number; kept: number; lost: number };

/** Who makes a link no person made: the extraction, on behalf of whoever stored the text. */
const reasonOf = (what: string) => `citations extracted: ${what}`;

function authorityIndexOf(ctx: CitesContext): AuthorityIndex {
  return buildAuthorityIndex(createCitesRepository(ctx.db).authorities(), ctx.extract);
}

/** The columns of a draft a re-extraction refreshes on every link: where and how the citation is printed. */
function textFields(draft: CiteDraft) {
  return {
    kind: draft.kind,
    citedText: draft.citedText,
    pinCite: draft.pinCite,
    sentence: draft.sentence,
    spanStart: draft.spanStart,
    spanEnd: draft.spanEnd,
    found: true,
  };
}

/** The columns only an undecided link takes from a draft: which authority it names, or which it proposes. */
function matchFields(draft: CiteDraft) {
  return {
    authorityId: draft.authorityId,
    matchedBy: draft.matchedBy,
    proposedCitation: draft.proposed?.citation ?? null,
    proposedKind: draft.proposed?.kind ?? null,
    proposedShortName: draft.proposed?.shortName ?? null,
    proposedCourt: draft.proposed?.court ?? null,
    proposedYear: draft.proposed?.year ?? null,
  };
}

/**
 * Extracts the citations of one document's text and reconciles them with the links stored for
 * it, in one transaction, every write a revision:
 * - a citation with no stored link becomes a proposed link;
 * - a stored link found again keeps its decision: a confirmed or rejected link, or one staff
 *   matched by hand, only has where it is printed refreshed, so a rejected link stays rejected;
 *   an undecided one also takes the authority the record now names;
 * - a proposed link no longer found is hidden (it was never more than a guess); a decided one
 *   is kept and marked no longer found, since nothing a person decided is lost.
 * A sealed document is extracted like any other: its links never reach the public (the
 * repository's public reads leave them out) but staff keep them.
 */
export function extractDocumentCites(ctx: CitesContext, documentId: number, actor: Actor): ExtractionResult {
  return ctx.db.transaction(() => {
    const document = ctx.db.select().from(s.documents).where(eq(s.documents.id, documentId)).get();
    if (!document) throw new NotFoundError(`No document with id ${documentId}.`);
    const text = document.deletedAt ? "" : (document.extractedText ?? "");
    const drafts = text.trim() === "" ? [] : draftCites(text, ctx.extract(text), authorityIndexOf(ctx));
    const stored = createCitesRepository(ctx.db).ofDocument(documentId);
    const storedByKey = new Map(stored.map((row) => [`${row.citeKey}#${row.occurrence}`, row]));
    const result: ExtractionResult = { found: drafts.length, created: 0, updated: 0, kept: 0, lost: 0 };
    const options = (what: string) => ({ actor, reason: reasonOf(what) });

    for (const draft of drafts) {
      const key = `${draft.citeKey}#${draft.occurrence}`;
      const row = storedByKey.get(key);
      storedByKey.delete(key);
      if (!row) {
        ctx.store.insert(
          "cite",
          {
            documentId,
            citeKey: draft.citeKey,
            occurrence: draft.occurrence,
            ...textFields(draft),
            ...matchFields(draft),
            status: "proposed",
          },
          options("found in the text"),
        );
        result.created += 1;
        continue;
      }
      if (row.deletedAt) ctx.store.restore("cite", row.id, options("found in the text again"));
      const undecided = row.status === "proposed" && row.matchedBy !== "staff";
      const { changed } = ctx.store.update(
        "cite",
        row.id,
        { ...textFields(draft), ...(undecided ? matchFields(draft) : {}) },
        options("found again"),
      );
      if (changed || row.deletedAt) result.updated += 1;
      else result.kept += 1;
    }

    for (const row of storedByKey.values()) {
      if (row.deletedAt) continue;
      if (row.status === "proposed") ctx.store.remove("cite", row.id, options("no longer in the text"));
      else if (row.found) ctx.store.update("cite", row.id, { found: false }, options("no longer in the text"));
      else continue;
      result.lost += 1;
    }
    return result;
  });
}

/** Re-extracts every live document of a case that has text; for the staff button and the CLI. */
export function extractCaseCites(ctx: CitesContext, caseId: number, actor: Actor): ExtractionResult {
  const total: ExtractionResult = { found: 0, created: 0, updated: 0, kept: 0, lost: 0 };
  for (const doc of createCitesRepository(ctx.db).documentsOfCase(caseId)) {
    const one = extractDocumentCites(ctx, doc.id, actor);
    for (const k of Object.keys(total) as (keyof ExtractionResult)[]) total[k] += one[k];
  }
  return total;
}

/**
 * After an authority is added, changed, deleted or restored: every undecided link takes the
 * authority its citation now names, so a citation proposed as a new authority links to it once
 * staff add it (still proposed, for staff to confirm). Runs inside the authority's write.
 */
export function relinkUndecidedCites(db: Db, store: RecordStore, extract: CitationExtractor, actor: Actor): number {
  const index = buildAuthorityIndex(createCitesRepository(db).authorities(), extract);
  const undecided = db
    .select()
    .from(s.cites)
    .where(and(eq(s.cites.status, "proposed"), isNull(s.cites.deletedAt)))
    .all()
    .filter((row) => row.matchedBy !== "staff");
  let changed = 0;
  for (const row of undecided) {
    const { identity, pin } = parseCiteKey(row.citeKey);
    const authorityId = isUnresolved(identity) ? null : (authorityFor(index, identity, pin) ?? null);
    if (authorityId === row.authorityId) continue;
    const matchedBy =
      authorityId === null ? null : row.kind === "case" || row.kind === "law" || row.kind === "journal" ? "citation" : "antecedent";
    store.update(
      "cite",
      row.id,
      { authorityId, matchedBy },
      { actor, reason: "authorities changed: the link names the authority its citation now matches" },
    );
    changed += 1;
  }
  return changed;
}

export type CiteDecision = "confirm" | "reject" | "reopen";

/**
 * A person's decision on one link, with the version they saw. Confirming needs the authority
 * the citation names (the one proposed, or another they choose); rejecting keeps the link,
 * rejected, so a later extraction does not propose it again.
 */
export function decideCite(
  db: Db,
  store: RecordStore,
  id: number,
  decision: CiteDecision,
  input: { authorityId?: number | null; note?: string | null; expectedVersion: number },
  actor: Actor,
): RecordRow<"cite"> {
  return db.transaction(() => {
    const row = store.find("cite", id);
    if (!row || row.deletedAt) throw new NotFoundError(`No citation link with id ${id}.`);
    const note = input.note?.trim() || null;
    const options = { actor, expectedVersion: input.expectedVersion, reason: `${decision}${note ? `: ${note}` : ""}` };
    if (decision === "reject") return store.update("cite", id, { status: "rejected", decisionNote: note }, options).row;
    if (decision === "reopen") return store.update("cite", id, { status: "proposed", decisionNote: note }, options).row;
    const authorityId = input.authorityId ?? row.authorityId;
    if (authorityId === null || authorityId === undefined) {
      throw new ValidationError(
        [{ path: "authorityId", message: "must name the authority this citation cites: choose one, or add it as a new authority first" }],
        "The link was not confirmed.",
      );
    }
    const authority = store.find("authority", authorityId);
    if (!authority || authority.deletedAt)
      throw new ValidationError(
        [{ path: "authorityId", message: `names no authority (id ${authorityId})` }],
        "The link was not confirmed.",
      );
    const matchedBy = authorityId === row.authorityId ? row.matchedBy : "staff";
    return store.update("cite", id, { status: "confirmed", authorityId, matchedBy, decisionNote: note }, options).row;
  });
}
