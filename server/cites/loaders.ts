import type { Db } from "../../db/client";
import { toPublic, toPublicDocument, toPublicEntry, type PublicRecord } from "../privacy/projection";
import { createCitesRepository, type CiteFilter } from "./repository";

/** Entry kinds that are the court's own papers: a citation in one is the court citing. */
const COURT_ENTRY_KINDS = new Set(["order", "minute"]);

/** One filed document and the confirmed citations found in its text, in the order they appear. */
export type CitingFiling = {
  case: PublicRecord<"case">;
  entry: PublicRecord<"entry">;
  document: PublicRecord<"document">;
  /** The court's own paper (an order or minute entry): its sentences are how the court treated what it cites. */
  byCourt: boolean;
  cites: { cite: PublicRecord<"cite">; authority: PublicRecord<"authority"> }[];
};

/** The public "cites" links (see the repository for which), grouped by the document they were found in. */
export function loadCitingFilings(db: Db, filter: CiteFilter = {}): CitingFiling[] {
  const out: CitingFiling[] = [];
  const byDocument = new Map<number, CitingFiling>();
  for (const row of createCitesRepository(db).publicCites(filter)) {
    if (!row.authority) continue;
    let filing = byDocument.get(row.document.id);
    if (!filing) {
      filing = {
        case: toPublic("case", row.kase),
        entry: toPublicEntry(row.entry),
        document: toPublicDocument(row.document),
        byCourt: COURT_ENTRY_KINDS.has(row.entry.kind),
        cites: [],
      };
      byDocument.set(row.document.id, filing);
      out.push(filing);
    }
    filing.cites.push({ cite: toPublic("cite", row.cite), authority: toPublic("authority", row.authority) });
  }
  return out;
}

/** What the case's Authorities tab shows to the public, and the counts behind its honest empty states. */
export type CaseAuthorities = {
  /** Confirmed citations in the case's filings, grouped by document. */
  filings: CitingFiling[];
  /** Documents of the case whose text is on the record (public ones only: not sealed, not of a sealed or stricken entry). */
  documentsWithText: number;
  /** Citations found in those texts that wait for staff to confirm them. */
  awaitingReview: number;
};

export function loadCaseAuthorities(db: Db, caseId: number): CaseAuthorities {
  const repo = createCitesRepository(db);
  const open = repo.documentsOfCase(caseId).filter((doc) => !doc.sealed && !doc.entrySealed && !doc.stricken);
  const openIds = new Set(open.map((doc) => doc.id));
  return {
    filings: loadCitingFilings(db, { caseId }),
    documentsWithText: open.filter((doc) => doc.textLength > 0).length,
    awaitingReview: repo.ofCase(caseId).filter((row) => row.cite.status === "proposed" && row.cite.found && openIds.has(row.document.id))
      .length,
  };
}
