import * as s from "../../db/schema";
import { parseDocketNumber } from "../../server/citations/docket-number";
import { CASES } from "../data/cases";
import { PARTIES, partyKey } from "../data/parties";
import { fuzzyColumns } from "../dates";
import { findBy, type SeedContext } from "./context";

/** Cases with their subpoenas and related cases, then parties, their accounts and counsel. */
export function loadCases({ db, w }: SeedContext): void {
  for (const item of CASES) {
    const caseId = w.record(
      "case",
      item.slug,
      {
        slug: item.slug,
        courtId: item.court === null ? null : String(w.ref("court", item.court)),
        ...docketNumberColumns(item.docketNumber),
        caption: item.caption ?? null,
        label: item.label,
        group: item.group,
        position: item.position,
        ...fuzzyColumns("dateFiled", item.filed),
        assignedJudgeId: w.optionalNum("judge", item.assignedJudge),
        nature: item.nature ?? null,
        summary: item.summary,
        statusNote: item.statusNote ?? null,
        // The bundled record is the cluster the tracker exists to publish.
        published: true,
      },
      { cites: item.cites, naturalMatch: findBy(db, s.cases, s.cases.slug, item.slug) },
    ) as number;
    for (const subpoena of item.subpoenas) {
      w.link(["case", caseId], s.caseSubpoenas, { caseId, subpoenaId: w.num("subpoena", subpoena) }, ["caseId", "subpoenaId"]);
    }
  }

  // Related cases point both ways, so every case is loaded before any link.
  for (const item of CASES) {
    for (const related of item.related) {
      w.link(
        ["case", w.num("case", item.slug)],
        s.relatedCases,
        { caseId: w.num("case", item.slug), relatedCaseId: w.num("case", related.case), relation: related.relation },
        ["caseId", "relatedCaseId"],
      );
    }
  }

  for (const party of PARTIES) {
    const key = partyKey(party);
    const partyId = w.record(
      "party",
      key,
      {
        caseId: w.num("case", party.case),
        name: party.name,
        role: party.role,
        pseudonymous: party.pseudonymous,
        description: party.description,
        organizationId: w.optionalNum("organization", party.organization),
        position: party.position,
      },
      { cites: party.cites },
    ) as number;
    for (const account of party.accounts ?? []) {
      w.link(["party", partyId], s.partyAccounts, { partyId, accountId: w.num("account", account) }, ["partyId", "accountId"]);
    }
    for (const counsel of party.representations ?? []) {
      w.record(
        "representation",
        counsel.attorney ? `${key}/attorney:${counsel.attorney}` : `${key}/organization:${counsel.organization}`,
        {
          partyId,
          attorneyId: w.optionalNum("attorney", counsel.attorney),
          organizationId: w.optionalNum("organization", counsel.organization),
          standing: counsel.standing,
        },
        { cites: counsel.cites },
      );
    }
  }
}

/** The parsed parts of a docket number, or all-null while no source states one. */
function docketNumberColumns(docketNumber: string | undefined) {
  if (docketNumber === undefined) {
    return {
      docketNumber: null,
      dnOffice: null,
      dnYear: null,
      dnType: null,
      dnSerial: null,
      dnJudgeInitials: null,
      docketNumberCore: null,
    };
  }
  const parsed = parseDocketNumber(docketNumber);
  if (!parsed) throw new Error(`seed docket number "${docketNumber}" does not parse`);
  return {
    docketNumber: parsed.full,
    dnOffice: parsed.office,
    dnYear: parsed.year,
    dnType: parsed.type,
    dnSerial: parsed.serial,
    dnJudgeInitials: parsed.judgeInitials,
    docketNumberCore: parsed.core,
  };
}
