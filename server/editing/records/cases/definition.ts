import { parseDocketNumber } from "../../../citations/docket-number";
import { dateOrderErrors, defineRecord, fuzzyDateErrors, idSetLink, type Columns, uniqueSlug } from "../../definition";
import { CaseCreate, CaseUpdate, UNSORTED_PUBLISHED } from "./schema";
import { slugify } from "../../../shared/slug";

// Cases (the dockets).
// What the write service checks, derives and updates for this record type.

/** The stored parts of a docket number; an unusual number is kept whole, with no parts. */
function docketNumberColumns(docketNumber: string | null): Columns<"case"> {
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
    const derived: Columns<"case"> = values.docketNumber !== undefined ? docketNumberColumns(values.docketNumber) : {};
    if (current === null) {
      // Nobody said where it belongs, or that the public may see it: staff decide later.
      if (!values.group) derived.group = "unsorted";
      if (values.published === undefined) derived.published = false;
      const name = values.label ?? values.caption ?? values.docketNumber;
      if (!values.label && name) derived.label = name.slice(0, 300);
      if (!values.slug && name)
        derived.slug = uniqueSlug(ctx, "case", slugify(values.caption ? name : String(values.docketNumber ?? name)), null);
    }
    return derived;
  },
  check(ctx, row, current) {
    const errors = [...fuzzyDateErrors(row, "dateFiled"), ...dateOrderErrors(row, "dateFiled", "dateTerminated")];
    if (!row.label) errors.push({ path: "label", message: "is required when there is no caption or docket number" });
    if (row.published && row.group === "unsorted") errors.push({ path: "group", message: UNSORTED_PUBLISHED });
    if (row.courtId && row.docketNumberCore) {
      const twin = ctx.repo.caseWithDocketNumber(row.courtId, row.docketNumberCore, current?.id ?? null);
      if (twin) errors.push({ path: "docketNumber", message: `is already the number of another case in this court (${twin.slug})` });
    }
    // The feed is matched by court and number: a case without them could never be found in it.
    if (row.watched && (!row.courtId || !row.docketNumber)) {
      errors.push({
        path: "watched",
        message: "needs the case's court and docket number on the record first: the court's feed is matched by them",
      });
    }
    return errors;
  },
});
