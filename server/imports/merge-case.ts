import { parseDocketNumber, type DocketNumber } from "../citations/docket-number";
import { paths } from "../paths";
import type { RecordInsert, RecordRow } from "../records/tables";
import { notOlderThanLast, uniqueSlug, type MergeContext } from "./context";
import { courtNameFromDocument, DEFAULT_TIME_ZONE, KNOWN_COURTS } from "./courts";
import type { IncomingAttorney, IncomingCase, IncomingJudge, IncomingParty } from "./normalise";
import { firmFromContact, isPseudonymousName, normaliseName, organizationKindOf } from "./text";
import { slugify } from "../shared/slug";

/**
 * Courts, cases, judges, parties, counsel and firms: matched to what the tracker has, created
 * when new, updated where the file is the better authority. Every write goes through the
 * record store (a revision per change).
 */

type CaseRow = RecordRow<"case">;
type JudgeRow = RecordRow<"judge">;

/** The court of the import; created from the known-courts table or the document when new. */
export function ensureCourt(ctx: MergeContext, text: string): RecordRow<"court"> {
  const existing = ctx.repo.court(ctx.courtId);
  if (existing) {
    ctx.report.add({ recordType: "court", recordId: existing.id, action: "unchanged", label: `court ${existing.shortName}` });
    return existing;
  }
  const known = KNOWN_COURTS[ctx.courtId];
  const fromDocument = known ? null : courtNameFromDocument(text, ctx.courtId);
  const name = known?.name ?? fromDocument ?? `U.S. court (CM/ECF id ${ctx.courtId})`;
  const row = ctx.store.insert(
    "court",
    { id: ctx.courtId, name, shortName: known?.shortName ?? ctx.courtId.toUpperCase(), timeZone: known?.timeZone ?? DEFAULT_TIME_ZONE },
    ctx.write,
  );
  if (!known) {
    ctx.report.note(
      `Court ${ctx.courtId} was new: named "${name}" ${fromDocument ? "from the document" : "for want of a name in the document"}; its time zone was set to ${DEFAULT_TIME_ZONE} and its short name to ${row.shortName} by default. Check both on the court record (the zone decides filing cut-offs).`,
    );
  }
  ctx.report.add({ recordType: "court", recordId: row.id, action: "created", label: `court ${row.id}`, details: [name] });
  return row;
}

/** The number's matching key: the parsed core ("3:08-cv-00159"), or the number as printed when it does not parse (bankruptcy, appellate). */
function coreOf(docketNumber: string): { core: string; parsed: DocketNumber | null } {
  const parsed = parseDocketNumber(docketNumber);
  return { core: parsed?.core ?? docketNumber.trim(), parsed };
}

/**
 * Whether a stored case is the one a file names: core number (the judge initials change on
 * reassignment); a stored number without its office code still matches on year, type and
 * serial. The RSS poll asks this too, to tell a watched case's items from the rest of the feed.
 */
export function caseMatchesNumber(
  c: Pick<CaseRow, "docketNumberCore" | "dnYear" | "dnType" | "dnSerial" | "dnOffice">,
  docketNumber: string,
): boolean {
  const { core, parsed } = coreOf(docketNumber);
  if (c.docketNumberCore === core) return true;
  return (
    parsed !== null &&
    c.dnYear === parsed.year &&
    c.dnType === parsed.type &&
    c.dnSerial !== null &&
    Number(c.dnSerial) === Number(parsed.serial) &&
    (c.dnOffice === null || parsed.office === null || c.dnOffice === parsed.office)
  );
}

/** Court + number (caseMatchesNumber), then CM/ECF's case id. */
function findCase(ctx: MergeContext, incoming: IncomingCase): CaseRow | undefined {
  const cases = ctx.repo.casesInCourt(ctx.courtId);
  const { core } = coreOf(incoming.docketNumber);
  return (
    cases.find((c) => c.docketNumberCore === core) ??
    cases.find((c) => caseMatchesNumber(c, incoming.docketNumber)) ??
    (incoming.pacerCaseId ? cases.find((c) => c.pacerCaseId === incoming.pacerCaseId) : undefined)
  );
}

function numberColumns(docketNumber: string) {
  const { core, parsed } = coreOf(docketNumber);
  return {
    docketNumber: parsed?.full ?? docketNumber.trim(),
    dnOffice: parsed?.office ?? null,
    dnYear: parsed?.year ?? null,
    dnType: parsed?.type ?? null,
    dnSerial: parsed?.serial ?? null,
    dnJudgeInitials: parsed?.judgeInitials ?? null,
    docketNumberCore: core,
  };
}

const caseLabel = (c: Pick<CaseRow, "docketNumber" | "label">) => `case ${c.docketNumber ?? c.label}`;

/**
 * Finds or creates the case. Returns null when the case is left alone: deleted by staff, or
 * not tracked while the import takes tracked cases only.
 */
export function mergeCase(ctx: MergeContext, incoming: IncomingCase): CaseRow | null {
  const existing = findCase(ctx, incoming);
  // The RSS poll: a court-wide feed touches watched cases only (it counts the rest itself).
  if (ctx.watchedCasesOnly && (!existing || !existing.watched || existing.deletedAt)) return null;
  if (!existing && ctx.trackedCasesOnly) {
    ctx.report.note(
      `Case ${incoming.docketNumber}${incoming.caseName ? ` (${incoming.caseName})` : ""} is not in the tracker; left alone (tracked cases only).`,
    );
    return null;
  }
  if (existing?.deletedAt) {
    ctx.report.note(`Case ${existing.docketNumber ?? existing.label} was deleted by staff; the file's records for it were left alone.`);
    ctx.report.add({
      recordType: "case",
      recordId: existing.id,
      action: "unchanged",
      label: caseLabel(existing),
      details: ["deleted by staff, left alone"],
    });
    return null;
  }
  const assigned = incoming.assignedTo ? resolveJudge(ctx, incoming.assignedTo) : judgeByInitials(ctx, incoming.initialsAssigned);
  const referred = incoming.referredTo ? resolveJudge(ctx, incoming.referredTo) : null;

  if (!existing) {
    const numbers = numberColumns(incoming.docketNumber);
    const values: RecordInsert<"case"> = {
      slug: uniqueSlug(ctx, "case", slugify(`${ctx.courtId}-${numbers.docketNumberCore}`)),
      courtId: ctx.courtId,
      ...numbers,
      pacerCaseId: incoming.pacerCaseId,
      caption: incoming.caseName,
      label: incoming.caseName ?? numbers.docketNumber,
      group: ctx.group,
      published: ctx.publish,
      dateFiled: incoming.dateFiled,
      dateFiledPrecision: incoming.dateFiled ? "day" : null,
      dateTerminated: incoming.dateTerminated,
      nature: incoming.natureOfSuit,
      cause: incoming.cause,
      jurisdiction: incoming.jurisdiction,
      assignedJudgeId: assigned?.id ?? null,
      referredJudgeId: referred?.id ?? null,
    };
    const row = ctx.store.insert("case", values, { ...ctx.write, reason: ctx.publish ? "published at import" : null });
    ctx.report.add({
      recordType: "case",
      recordId: row.id,
      action: "created",
      label: caseLabel(row),
      details: [row.label, row.published ? "published" : "not published: staff only until published"],
    });
    if (!row.published) {
      ctx.report.note(
        `Case ${row.docketNumber ?? row.label} is new and not published: the public sees nothing of it until staff publish it (${paths.staffUnpublished()}).`,
      );
    }
    return row;
  }

  const changes: Partial<RecordInsert<"case">> = {};
  const details: string[] = [];
  const numbers = numberColumns(incoming.docketNumber);
  const authoritative = ctx.kind === "docket" && notOlderThanLast(ctx, "case", existing.id, "docket");

  if (existing.docketNumber === null) {
    Object.assign(changes, numbers);
    details.push(`docket number ${numbers.docketNumber}`);
  } else if (incoming.initialsAssigned && numbers.dnJudgeInitials !== existing.dnJudgeInitials) {
    if (authoritative || existing.dnJudgeInitials === null) {
      Object.assign(changes, { docketNumber: numbers.docketNumber, dnJudgeInitials: numbers.dnJudgeInitials });
      details.push(
        `docket number ${existing.docketNumber} → ${numbers.docketNumber} (judge initials ${existing.dnJudgeInitials ?? "none"} → ${numbers.dnJudgeInitials})`,
      );
    } else {
      ctx.report.note(
        `The ${ctx.kind === "nef" ? "notice" : "feed"} gives ${incoming.docketNumber} for case ${existing.docketNumber}; the stored judge initials were kept (a docket report settles reassignments).`,
      );
    }
  }
  if (incoming.pacerCaseId && existing.pacerCaseId === null) {
    changes.pacerCaseId = incoming.pacerCaseId;
    details.push(`CM/ECF case id ${incoming.pacerCaseId}`);
  }
  if (incoming.caseName && existing.caption !== incoming.caseName && (existing.caption === null || authoritative)) {
    changes.caption = incoming.caseName;
    details.push(existing.caption === null ? `caption "${incoming.caseName}"` : `caption "${existing.caption}" → "${incoming.caseName}"`);
  }
  if (incoming.dateFiled && (existing.dateFiled !== incoming.dateFiled || existing.dateFiledPrecision !== "day")) {
    if (existing.dateFiled === null || authoritative) {
      Object.assign(changes, { dateFiled: incoming.dateFiled, dateFiledPrecision: "day", dateFiledLatest: null, dateFiledLabel: null });
      details.push(`date filed ${existing.dateFiled ?? "unknown"} → ${incoming.dateFiled}`);
    }
  }
  if (incoming.dateFiled && (changes.dateFiled || existing.dateFiled === incoming.dateFiled)) {
    ctx.superseded.push({ type: "case", id: existing.id, field: "dateFiled" });
  }
  if (
    incoming.dateTerminated &&
    existing.dateTerminated !== incoming.dateTerminated &&
    (existing.dateTerminated === null || authoritative)
  ) {
    changes.dateTerminated = incoming.dateTerminated;
    details.push(`terminated ${incoming.dateTerminated}`);
  }
  for (const [field, value, words] of [
    ["cause", incoming.cause, "cause"],
    ["jurisdiction", incoming.jurisdiction, "jurisdiction"],
  ] as const) {
    if (value && existing[field] !== value && (existing[field] === null || authoritative)) {
      changes[field] = value;
      details.push(`${words} "${value}"`);
    }
  }
  if (incoming.natureOfSuit && existing.nature === null) {
    changes.nature = incoming.natureOfSuit;
    details.push(`nature "${incoming.natureOfSuit}"`);
  }
  for (const [field, judge, words] of [
    ["assignedJudgeId", assigned, "assigned judge"],
    ["referredJudgeId", referred, "referred judge"],
  ] as const) {
    if (judge && existing[field] !== judge.id && (existing[field] === null || authoritative)) {
      changes[field] = judge.id;
      details.push(`${words} ${judge.name}`);
    }
  }

  const { row, changed } = ctx.store.update("case", existing.id, changes, { ...ctx.write, reason: details.join("; ") || null });
  ctx.report.add({
    recordType: "case",
    recordId: row.id,
    action: changed ? "updated" : "unchanged",
    label: caseLabel(row),
    details: changed ? details : [],
  });
  return row;
}

/** "Thomas S. Hixson" → ["thomas", "s", "hixson"]: first, middles, last. */
function nameParts(name: string): { first: string; middle: string[]; last: string } {
  const words = normaliseName(name)
    .split(" ")
    .filter((w) => w && !/^(?:jr|sr|ii|iii|iv)$/.test(w));
  return { first: words[0] ?? "", middle: words.slice(1, -1), last: words.at(-1) ?? "" };
}

/** Same first and last name, and middle names that do not contradict ("Thomas Hixson" ≈ "Thomas S. Hixson"). */
function sameJudgeName(a: string, b: string): boolean {
  if (normaliseName(a) === normaliseName(b)) return true;
  const x = nameParts(a);
  const y = nameParts(b);
  if (!x.last || x.first !== y.first || x.last !== y.last) return false;
  if (x.middle.length === 0 || y.middle.length === 0) return true;
  return x.middle[0]!.charAt(0) === y.middle[0]!.charAt(0);
}

function judgeByInitials(ctx: MergeContext, initials: string | null): JudgeRow | null {
  if (!initials) return null;
  return ctx.repo.judges().find((j) => j.initials === initials && j.courtId === ctx.courtId && !j.deletedAt) ?? null;
}

/** Matches a judge by name (in this court or with no court), then by initials; creates one when new. */
function resolveJudge(ctx: MergeContext, judge: IncomingJudge): JudgeRow {
  const judges = ctx.repo.judges();
  const here = (j: JudgeRow) => j.courtId === ctx.courtId || j.courtId === null;
  const match =
    judges.find((j) => here(j) && normaliseName(j.name) === normaliseName(judge.name)) ??
    judges.find((j) => here(j) && sameJudgeName(j.name, judge.name)) ??
    (judge.initials ? judges.find((j) => j.initials === judge.initials && j.courtId === ctx.courtId) : undefined);
  if (!match) {
    const row = ctx.store.insert(
      "judge",
      {
        slug: uniqueSlug(ctx, "judge", slugify(judge.name)),
        name: judge.name,
        title: judge.title,
        courtId: ctx.courtId,
        initials: judge.initials && !judges.some((j) => j.initials === judge.initials && j.courtId === ctx.courtId) ? judge.initials : null,
      },
      ctx.write,
    );
    ctx.report.add({ recordType: "judge", recordId: row.id, action: "created", label: `judge ${row.name}`, details: [row.title] });
    return row;
  }
  const changes: Partial<RecordInsert<"judge">> = {};
  const details: string[] = [];
  if (match.courtId === null) {
    changes.courtId = ctx.courtId;
    details.push(`court ${ctx.courtId}`);
  }
  if (judge.initials && match.initials === null && !judges.some((j) => j.initials === judge.initials && j.courtId === ctx.courtId)) {
    changes.initials = judge.initials;
    details.push(`initials ${judge.initials}`);
  }
  const { row, changed } = match.deletedAt
    ? { row: match, changed: false }
    : ctx.store.update("judge", match.id, changes, { ...ctx.write, reason: details.join("; ") || null });
  ctx.report.add({
    recordType: "judge",
    recordId: row.id,
    action: changed ? "updated" : "unchanged",
    label: `judge ${row.name}`,
    details: changed ? details : [],
  });
  return row;
}

/** Parties, their counsel and the counsel's firms, as the docket report lists them. */
export function mergeParties(ctx: MergeContext, caseRow: CaseRow, parties: IncomingParty[]): void {
  const existing = ctx.repo.partiesOfCase(caseRow.id);
  const claimed = new Set<number>();
  parties.forEach((incoming, index) => {
    const pseudonymous = isPseudonymousName(incoming.name);
    const match = existing.find(
      (p) =>
        !claimed.has(p.id) &&
        normaliseName(p.name) === normaliseName(incoming.name) &&
        normaliseName(p.role) === normaliseName(incoming.role),
    );
    const label = `party ${incoming.name} (${incoming.role})`;
    let party: RecordRow<"party">;
    if (!match) {
      party = ctx.store.insert(
        "party",
        {
          caseId: caseRow.id,
          name: incoming.name,
          role: incoming.role,
          pseudonymous,
          // Never more than the docket name for a party who litigates without one.
          extraInfo: pseudonymous ? null : incoming.extraInfo.trim() || null,
          dateTerminated: incoming.dateTerminated,
          position: index + 1,
        },
        ctx.write,
      );
      ctx.report.add({
        recordType: "party",
        recordId: party.id,
        action: "created",
        label,
        details: pseudonymous ? ["pseudonymous: only the docket name is kept"] : [],
      });
    } else {
      claimed.add(match.id);
      if (match.deletedAt) {
        ctx.report.add({ recordType: "party", recordId: match.id, action: "unchanged", label, details: ["deleted by staff, left alone"] });
        return;
      }
      const keepsNameOnly = pseudonymous || match.pseudonymous;
      const changes: Partial<RecordInsert<"party">> = {};
      const details: string[] = [];
      if (pseudonymous && !match.pseudonymous) {
        changes.pseudonymous = true;
        details.push("marked pseudonymous");
      }
      const extra = keepsNameOnly ? null : incoming.extraInfo.trim() || null;
      if (!keepsNameOnly && extra !== null && match.extraInfo !== extra) {
        changes.extraInfo = extra;
        details.push("docket details (staff-only) updated");
      }
      if (incoming.dateTerminated && match.dateTerminated !== incoming.dateTerminated) {
        changes.dateTerminated = incoming.dateTerminated;
        details.push(`terminated ${incoming.dateTerminated}`);
      }
      const result = ctx.store.update("party", match.id, changes, { ...ctx.write, reason: details.join("; ") || null });
      party = result.row;
      ctx.report.add({
        recordType: "party",
        recordId: party.id,
        action: result.changed ? "updated" : "unchanged",
        label,
        details: result.changed ? details : [],
      });
    }
    for (const attorney of incoming.attorneys) mergeCounsel(ctx, party, incoming, attorney);
  });
}

function mergeCounsel(ctx: MergeContext, party: RecordRow<"party">, incoming: IncomingParty, attorney: IncomingAttorney): void {
  const selfRepresented = /\bPRO SE\b/i.test(attorney.contact) || normaliseName(attorney.name) === normaliseName(incoming.name);
  if (party.pseudonymous && selfRepresented) {
    ctx.report.note(`The pro se details of pseudonymous party ${party.name} were not stored.`);
    return;
  }
  const counsel = resolveAttorney(ctx, attorney);
  const roles = attorney.roles.join("; ") || null;
  const match = ctx.repo.representationsOfParty(party.id).find((r) => r.attorneyId === counsel.id);
  const label = `counsel ${counsel.name} for ${party.name}`;
  if (!match) {
    const row = ctx.store.insert("representation", { partyId: party.id, attorneyId: counsel.id, roles, standing: "of_record" }, ctx.write);
    ctx.report.add({ recordType: "representation", recordId: row.id, action: "created", label, details: roles ? [roles] : [] });
    return;
  }
  if (match.deletedAt) {
    ctx.report.add({
      recordType: "representation",
      recordId: match.id,
      action: "unchanged",
      label,
      details: ["deleted by staff, left alone"],
    });
    return;
  }
  const changes: Partial<RecordInsert<"representation">> = {};
  if (roles !== null && match.roles !== roles) changes.roles = roles;
  if (match.standing !== "of_record") changes.standing = "of_record";
  const { changed } = ctx.store.update("representation", match.id, changes, ctx.write);
  ctx.report.add({
    recordType: "representation",
    recordId: match.id,
    action: changed ? "updated" : "unchanged",
    label,
    details: changed ? [changes.roles ? `roles ${changes.roles}` : "counsel of record per the docket"] : [],
  });
}

/** Counsel by name; the contact block is staff-only; the firm comes from its first line. */
function resolveAttorney(ctx: MergeContext, attorney: IncomingAttorney): RecordRow<"attorney"> {
  const firmName = firmFromContact(attorney.contact);
  const firm = firmName ? resolveOrganization(ctx, firmName) : null;
  const contact = attorney.contact.trim() ? attorney.contact : null;
  const match = ctx.repo.attorneys().find((a) => normaliseName(a.name) === normaliseName(attorney.name));
  if (!match) {
    const row = ctx.store.insert(
      "attorney",
      { slug: uniqueSlug(ctx, "attorney", slugify(attorney.name)), name: attorney.name, organizationId: firm?.id ?? null, contact },
      ctx.write,
    );
    ctx.report.add({
      recordType: "attorney",
      recordId: row.id,
      action: "created",
      label: `attorney ${row.name}`,
      details: firm ? [firm.name] : [],
    });
    return row;
  }
  if (match.deletedAt) {
    ctx.report.add({
      recordType: "attorney",
      recordId: match.id,
      action: "unchanged",
      label: `attorney ${match.name}`,
      details: ["deleted by staff, left alone"],
    });
    return match;
  }
  const changes: Partial<RecordInsert<"attorney">> = {};
  const details: string[] = [];
  if (contact !== null && match.contact !== contact) {
    changes.contact = contact;
    details.push("contact (staff-only) updated");
  }
  if (firm && match.organizationId === null) {
    changes.organizationId = firm.id;
    details.push(`firm ${firm.name}`);
  }
  const { row, changed } = ctx.store.update("attorney", match.id, changes, { ...ctx.write, reason: details.join("; ") || null });
  ctx.report.add({
    recordType: "attorney",
    recordId: row.id,
    action: changed ? "updated" : "unchanged",
    label: `attorney ${row.name}`,
    details: changed ? details : [],
  });
  return row;
}

function resolveOrganization(ctx: MergeContext, name: string): RecordRow<"organization"> {
  const match = ctx.repo
    .organizations()
    .find(
      (o) => normaliseName(o.name) === normaliseName(name) || (o.shortName !== null && normaliseName(o.shortName) === normaliseName(name)),
    );
  if (match) {
    ctx.report.add({ recordType: "organization", recordId: match.id, action: "unchanged", label: `firm ${match.name}` });
    return match;
  }
  const row = ctx.store.insert(
    "organization",
    { slug: uniqueSlug(ctx, "organization", slugify(name)), name, kind: organizationKindOf(name) },
    ctx.write,
  );
  ctx.report.add({ recordType: "organization", recordId: row.id, action: "created", label: `firm ${row.name}` });
  return row;
}
