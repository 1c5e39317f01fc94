import { z } from "zod";
import { CASE_GROUPS, COUNSEL_STANDINGS } from "../../../db/schema";
import { parseDocketNumber } from "../../citations/docket-number";
import { dateOrderErrors, defineRecord, fuzzyDateErrors, idSetLink, slugify, uniqueSlug, type Row } from "../definition";
import {
  flag,
  fuzzyDate,
  idSet,
  integer,
  oneOf,
  optionalDate,
  optionalRecordId,
  optionalSlug,
  optionalText,
  recordId,
  requiredText,
} from "../fields";

// Cases, their parties, and counsel (attorneys and who they represent).

export const CaseCreate = z
  .strictObject({
    slug: optionalSlug(),
    courtId: optionalText(40).meta({ description: "The court's id (`cand`, `dcd`)." }),
    docketNumber: optionalText(100).meta({ description: "As the court prints it (`5:26-mc-80026-TSH`); its parts are derived." }),
    pacerCaseId: optionalText(40),
    caption: optionalText(1000),
    label: optionalText(300).meta({ description: "What to call the case while the caption is unknown; defaults to the caption or docket number." }),
    group: oneOf(CASE_GROUPS).optional(),
    position: integer(0, 10_000).nullable().optional(),
    ...fuzzyDate("dateFiled"),
    dateTerminated: optionalDate(),
    assignedJudgeId: optionalRecordId(),
    referredJudgeId: optionalRecordId(),
    nature: optionalText(300),
    cause: optionalText(300),
    jurisdiction: optionalText(300),
    summary: optionalText(20_000),
    statusNote: optionalText(2000),
    subpoenaIds: idSet().optional().meta({ description: "The subpoenas the case challenges (replaces the whole set)." }),
    published: flag()
      .optional()
      .meta({
        description:
          "Publish the case at once (false unless sent): an unpublished case and everything of it is seen by staff only. A published case needs a group other than `unsorted`. Later, POST …/publish and …/unpublish, with a reason.",
      }),
  })
  .meta({
    id: "CaseCreate",
    description: "A new court proceeding. Needs a caption, a docket number or a label. Lands in the group `unsorted`, unpublished, unless told otherwise.",
  });
// Publishing is an action with its own reason (POST …/publish), never a field edit.
export const CaseUpdate = CaseCreate.omit({ published: true }).partial().meta({ id: "CaseUpdate" });

/** Why a published case cannot be Unsorted: the public sees every case in its group. */
export const UNSORTED_PUBLISHED = "must be a group the public sees (not Unsorted) for a published case";

/** The stored parts of a docket number; an unusual number is kept whole, with no parts. */
function docketNumberColumns(docketNumber: string | null): Row {
  if (!docketNumber) {
    return { dnOffice: null, dnYear: null, dnType: null, dnSerial: null, dnJudgeInitials: null, docketNumberCore: null };
  }
  const parsed = parseDocketNumber(docketNumber);
  return {
    dnOffice: parsed?.office ?? null,
    dnYear: parsed?.year ?? null,
    dnType: parsed?.type ?? null,
    dnSerial: parsed?.serial ?? null,
    dnJudgeInitials: parsed?.judgeInitials ?? null,
    docketNumberCore: parsed?.core ?? docketNumber,
  };
}

export const kase = defineRecord({
  type: "case",
  plural: "cases",
  label: "case",
  tag: "cases",
  create: CaseCreate,
  update: CaseUpdate,
  refs: { courtId: { type: "court" }, assignedJudgeId: { type: "judge" }, referredJudgeId: { type: "judge" } },
  unique: ["slug"],
  links: idSetLink("subpoenaIds", "caseSubpoenas", { type: "subpoena", label: "subpoena" }),
  prepare(ctx, values, current) {
    const derived: Row = values.docketNumber !== undefined ? docketNumberColumns(values.docketNumber as string | null) : {};
    if (current === null) {
      // Nobody said where it belongs, or that the public may see it: staff decide later.
      if (!values.group) derived.group = "unsorted";
      if (values.published === undefined) derived.published = false;
      const name = (values.label ?? values.caption ?? values.docketNumber) as string | null | undefined;
      if (!values.label && name) derived.label = name.slice(0, 300);
      if (!values.slug && name) derived.slug = uniqueSlug(ctx, "case", slugify(values.caption ? name : String(values.docketNumber ?? name)), null);
    }
    return derived;
  },
  check(ctx, row, current) {
    const errors = [...fuzzyDateErrors(row, "dateFiled"), ...dateOrderErrors(row, "dateFiled", "dateTerminated")];
    if (!row.label) errors.push({ path: "label", message: "is required when there is no caption or docket number" });
    if (row.published && row.group === "unsorted") errors.push({ path: "group", message: UNSORTED_PUBLISHED });
    if (row.courtId && row.docketNumberCore) {
      const twin = ctx.repo.caseWithDocketNumber(String(row.courtId), String(row.docketNumberCore), (current?.id as number) ?? null);
      if (twin) errors.push({ path: "docketNumber", message: `is already the number of another case in this court (${twin.slug})` });
    }
    return errors;
  },
});

export const PartyCreate = z
  .strictObject({
    name: requiredText(300).meta({ description: "Exactly as on the docket (\"J. Doe\"). Never a pseudonymous party's true name." }),
    role: requiredText(100).meta({ description: "As on the docket: Movant, Respondent, Plaintiff, Defendant, Interested Party…" }),
    pseudonymous: flag().optional(),
    description: optionalText(1000),
    organizationId: optionalRecordId(),
    extraInfo: optionalText(4000).meta({ description: "What PACER prints under the name; staff-only." }),
    dateTerminated: optionalDate(),
    position: integer(0, 10_000).optional(),
    accountIds: idSet().optional().meta({ description: "The public accounts the party operates (replaces the whole set)." }),
  })
  .meta({ id: "PartyCreate", description: "A party to the case in the path." });
export const PartyUpdate = PartyCreate.partial().meta({ id: "PartyUpdate" });

export const party = defineRecord({
  type: "party",
  plural: "parties",
  label: "party",
  tag: "cases",
  parent: "case",
  create: PartyCreate,
  update: PartyUpdate,
  refs: { organizationId: { type: "organization" } },
  links: idSetLink("accountIds", "partyAccounts", { type: "account", label: "account" }),
});

export const AttorneyCreate = z
  .strictObject({
    slug: optionalSlug(),
    name: requiredText(300),
    organizationId: optionalRecordId(),
    position: optionalText(300),
    contact: optionalText(4000).meta({ description: "Address lines as on a PACER docket; staff-only, never public." }),
  })
  .meta({ id: "AttorneyCreate", description: "A lawyer, whether or not confirmed as counsel of record." });
export const AttorneyUpdate = AttorneyCreate.partial().meta({ id: "AttorneyUpdate" });

export const attorney = defineRecord({
  type: "attorney",
  plural: "attorneys",
  label: "attorney",
  tag: "counsel",
  create: AttorneyCreate,
  update: AttorneyUpdate,
  refs: { organizationId: { type: "organization" } },
  unique: ["slug"],
  prepare: (ctx, values, current) =>
    current === null && !values.slug ? { slug: uniqueSlug(ctx, "attorney", slugify(String(values.name)), null) } : {},
});

export const RepresentationCreate = z
  .strictObject({
    partyId: recordId(),
    attorneyId: optionalRecordId(),
    organizationId: optionalRecordId().meta({ description: "The firm, when no attorney is named." }),
    roles: optionalText(300).meta({ description: "PACER's lines: LEAD ATTORNEY, ATTORNEY TO BE NOTICED, PRO HAC VICE…" }),
    standing: oneOf(COUNSEL_STANDINGS).optional(),
  })
  .meta({ id: "RepresentationCreate", description: "Counsel for a party: an attorney, or a firm. Needs attorneyId or organizationId." });
export const RepresentationUpdate = RepresentationCreate.partial().meta({ id: "RepresentationUpdate" });

export const representation = defineRecord({
  type: "representation",
  plural: "representations",
  label: "representation",
  tag: "counsel",
  create: RepresentationCreate,
  update: RepresentationUpdate,
  refs: { partyId: { type: "party" }, attorneyId: { type: "attorney" }, organizationId: { type: "organization" } },
  check: (_ctx, row) =>
    !row.attorneyId && !row.organizationId ? [{ path: "attorneyId", message: "is required when there is no organizationId" }] : [],
});
