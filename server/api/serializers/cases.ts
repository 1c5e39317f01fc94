import { accountsOfParty, counselOfParty, firmOf, type PublicDocketData, type CaseSummary } from "../../cases/loaders";
import { paths } from "../../paths";
import { MOTION_STATUS_LABELS, entrySourceKind, label } from "../../shared/labels";
import { caseCitation, entryCitation } from "../../shared/bluebook";
import { isInferred, refKey } from "../../sources/markers";
import { deriveCaseStatus } from "../../status/case-status";
import { deriveCaseHistory } from "../../status/history";
import {
  absolute,
  accountRef,
  caseRef,
  conflicts,
  courtRef,
  fuzzyDate,
  judgeRef,
  orderRef,
  organizationRef,
  sources,
  sourcesAndConflicts,
  statusHistory,
  subpoenaRef,
  type ApiContext,
} from "./common";
import { coverageFields, orderFields } from "./orders";

type CaseHead = Pick<CaseSummary, "case" | "court" | "assigned" | "referred" | "subpoenas" | "status" | "citations" | "conflicts">;

/** The fields a case carries both in the list and as a record. */
function caseBase(ctx: ApiContext, h: CaseHead) {
  const c = h.case;
  return {
    id: c.id,
    slug: c.slug,
    url: absolute(ctx, paths.api.case(c.slug)),
    htmlUrl: absolute(ctx, paths.case(c.slug)),
    docketNumber: c.docketNumber,
    docketNumberCore: c.docketNumberCore,
    caption: c.caption,
    label: c.label,
    group: c.group,
    court: courtRef(h.court),
    assignedJudge: judgeRef(ctx, h.assigned),
    referredJudge: judgeRef(ctx, h.referred),
    dateFiled: fuzzyDate({ date: c.dateFiled, latest: c.dateFiledLatest, precision: c.dateFiledPrecision, label: c.dateFiledLabel }),
    dateTerminated: c.dateTerminated,
    citation: caseCitation(c, h.court).text,
    nature: c.nature,
    summary: c.summary,
    status: h.status,
    subpoenas: h.subpoenas.map((sp) => subpoenaRef(ctx, sp)),
    sources: sources(h.citations),
    conflicts: conflicts(ctx, h.conflicts),
  };
}

export function toCaseListItem(ctx: ApiContext, summary: CaseSummary) {
  return caseBase(ctx, summary);
}

/** What an entry's JSON is made from: a docket page's entries with their documents and sources. */
type EntriesOnPage = Pick<PublicDocketData, "case" | "court" | "entries" | "documents" | "citations" | "conflicts">;

/** Docket entries in the API's form, for a case's record and its entries list alike. */
export function toEntryItems(ctx: ApiContext, d: EntriesOnPage) {
  return d.entries.map((e) => {
    // The projection already emptied a sealed entry; the API shows the placeholder and nothing else.
    if (e.sealed) {
      return {
        number: e.number,
        dateFiled: e.dateFiled,
        dateEntered: e.dateEntered,
        sealed: true as const,
        description: "SEALED" as const,
      };
    }
    return {
      id: e.id,
      number: e.number,
      sequence: e.sequence,
      dateFiled: e.dateFiled,
      dateEntered: e.dateEntered,
      description: e.description,
      shortDescription: e.shortDescription,
      kind: e.kind,
      filedBy: e.filedBy,
      stricken: e.stricken,
      textSource: e.source,
      source: entrySourceKind(e.source),
      ecf: e.number === null ? null : `ECF No. ${e.number}`,
      dateFiledInferred: isInferred(d.citations.get(refKey("entry", e.id)), "dateFiled"),
      sealed: false as const,
      htmlUrl: absolute(ctx, paths.entryPermalink(d.case.slug, e.id)),
      citation: entryCitation(d.case, d.court, e).text,
      documents: d.documents
        .filter((doc) => doc.entryId === e.id)
        .map((doc) => ({
          attachmentNumber: doc.attachmentNumber,
          description: doc.description,
          pageCount: doc.pageCount,
          fileSizeText: doc.fileSizeText,
          sealed: doc.sealed,
        })),
      ...sourcesAndConflicts(ctx, d, "entry", e.id),
    };
  });
}

function parties(ctx: ApiContext, d: PublicDocketData) {
  return d.parties.map((p) => ({
    id: p.id,
    name: p.name,
    nameSealed: p.nameSealed,
    role: p.role,
    pseudonymous: p.pseudonymous,
    description: p.description,
    dateTerminated: p.dateTerminated,
    accounts: accountsOfParty(d, p.id).map((account) => accountRef(account)),
    counsel: counselOfParty(d, p.id).map((c) => ({
      id: c.representation.id,
      attorney: c.attorney ? { slug: c.attorney.slug, name: c.attorney.name } : null,
      organization: organizationRef(firmOf(d, c)),
      roles: c.representation.roles,
      standing: c.representation.standing,
      ...sourcesAndConflicts(ctx, d, "representation", c.representation.id),
    })),
    ...sourcesAndConflicts(ctx, d, "party", p.id),
  }));
}

function motions(ctx: ApiContext, d: PublicDocketData) {
  return d.motions.map((m) => {
    const order = d.orders.find((o) => o.id === m.decidedByOrderId);
    return {
      id: m.id,
      kind: m.kind,
      title: m.title,
      reliefSought: m.reliefSought,
      dateFiled: fuzzyDate({ date: m.dateFiled, latest: m.dateFiledLatest, precision: m.dateFiledPrecision, label: m.dateFiledLabel }),
      track: m.track,
      status: m.status,
      statusLabel: label(MOTION_STATUS_LABELS, m.status),
      statusNote: m.statusNote,
      entryId: m.entryId,
      movants: d.movants
        .filter((mv) => mv.motionId === m.id)
        .flatMap((mv) => {
          const party = d.parties.find((p) => p.id === mv.partyId);
          return party ? [{ partyId: party.id, name: party.name }] : [];
        }),
      decidedBy: order ? orderRef(ctx, order) : null,
      ...sourcesAndConflicts(ctx, d, "motion", m.id),
    };
  });
}

function orders(ctx: ApiContext, d: PublicDocketData) {
  return d.orders.map((o) => {
    const coverage = d.coverage.filter((c) => c.coverage.orderId === o.id);
    return {
      ...orderFields(
        ctx,
        o,
        d.orderJudges.find((j) => j.id === o.judgeId),
      ),
      entryId: o.entryId,
      inForce: coverage.some((c) => c.coverage.status === "in_force"),
      dispositions: d.dispositions.filter((x) => x.orderId === o.id).map((x) => ({ motionId: x.motionId, disposition: x.disposition })),
      coverage: coverage.map((c) => ({ ...coverageFields(ctx, c), ...sourcesAndConflicts(ctx, d, "coverage", c.coverage.id) })),
      ...sourcesAndConflicts(ctx, d, "order", o.id),
    };
  });
}

/** One case with everything its docket page shows, already through the public projection. */
export function toCaseRecord(ctx: ApiContext, d: PublicDocketData) {
  const c = d.case;
  const head: CaseHead = {
    case: c,
    court: d.court,
    assigned: d.judges.find((j) => j.id === c.assignedJudgeId) ?? null,
    referred: d.judges.find((j) => j.id === c.referredJudgeId) ?? null,
    subpoenas: d.subpoenas,
    status: deriveCaseStatus(c, d.motions),
    citations: d.citations.get(refKey("case", c.id)) ?? [],
    conflicts: d.conflicts.get(refKey("case", c.id)) ?? [],
  };
  return {
    ...caseBase(ctx, head),
    docketNumberParts: { office: c.dnOffice, year: c.dnYear, type: c.dnType, serial: c.dnSerial, judgeInitials: c.dnJudgeInitials },
    cause: c.cause,
    jurisdiction: c.jurisdiction,
    updatedAt: c.updatedAt,
    parties: parties(ctx, d),
    entries: toEntryItems(ctx, d),
    entriesCount: d.total,
    entriesUrl: absolute(ctx, paths.api.caseEntries(c.slug)),
    motions: motions(ctx, d),
    orders: orders(ctx, d),
    ordersCount: d.ordersTotal,
    ordersUrl: absolute(ctx, paths.api.caseOrders(c.slug)),
    hearings: d.hearings.map((h) => ({
      id: h.id,
      title: h.title,
      date: fuzzyDate({ date: h.date, latest: h.dateLatest, precision: h.datePrecision, label: h.dateLabel }),
      time: h.time,
      place: h.place,
      status: h.status,
      motionId: h.motionId,
      ...sourcesAndConflicts(ctx, d, "hearing", h.id),
    })),
    deadlines: d.deadlines.map((dl) => ({
      id: dl.id,
      label: dl.label,
      dateDue: dl.dateDue,
      ruleCode: dl.ruleCode,
      ruleCitation: dl.ruleCitation,
      origin: dl.origin,
      triggerDate: dl.triggerDate,
      status: dl.status,
      motionId: dl.motionId,
      orderId: dl.orderId,
      ...sourcesAndConflicts(ctx, d, "deadline", dl.id),
    })),
    relatedCases: d.related.map((r) => ({ relation: r.relation, case: caseRef(ctx, r.case) })),
    statusHistory: statusHistory(deriveCaseHistory({ kase: d.case, motions: d.motions, orders: d.orders }), d.citations),
  };
}
