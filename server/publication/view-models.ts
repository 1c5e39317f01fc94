import { PUBLIC_CASE_GROUPS } from "../../db/schema";
import type { NotPublicCause } from "../privacy/visibility";
import type { RecordRow } from "../records/tables";
import { paths } from "../paths";
import { formatDay } from "../shared/dates";
import { GROUP_LABELS, label } from "../shared/labels";
import type { CaseHoldings } from "./repository";

/** Pure functions from the publication repository's rows to what the staff pages print. */

type CaseRow = RecordRow<"case">;
type Arrival = { importId: number; kind: string; at: string; actor: string; fileName: string | null };
type Creation = { actor: string; at: string };

const KIND_WORDS: Record<string, string> = { docket: "docket report", rss: "RSS feed", nef: "notice of electronic filing" };

const day = (instant: string) => ({ text: formatDay(instant.slice(0, 10)), datetime: instant });

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "12 entries, 3 parties, 2 counsel" — what publishing would put in front of the public. */
export function holdingsText(h: CaseHoldings): string {
  const parts = [
    plural(h.entries, "docket entry", "docket entries"),
    plural(h.parties, "party", "parties"),
    `${h.counsel} counsel`,
    ...(h.motions ? [plural(h.motions, "motion")] : []),
    ...(h.orders ? [plural(h.orders, "order")] : []),
    ...(h.hearings ? [plural(h.hearings, "hearing")] : []),
    ...(h.deadlines ? [plural(h.deadlines, "deadline")] : []),
  ];
  return parts.join(", ");
}

/** How the case came in: the import that created it (file, kind), else who typed it in. */
function arrivalText(arrivals: Arrival[], creation: Creation | undefined): string {
  const first = arrivals[0];
  if (first) {
    const more = arrivals.length > 1 ? `; ${plural(arrivals.length - 1, "later import")}` : "";
    return `import #${first.importId} of ${first.fileName ?? "a file"} (${KIND_WORDS[first.kind] ?? first.kind}), ${formatDay(first.at.slice(0, 10))}, by ${first.actor}${more}`;
  }
  return creation ? `entered by ${creation.actor}, ${formatDay(creation.at.slice(0, 10))}` : "origin not recorded";
}

function caseName(row: CaseRow): string {
  return row.caption ?? row.label;
}

export function toUnpublishedListView(input: {
  cases: CaseRow[];
  courts: Map<string, { shortName: string }>;
  holdings: Map<number, CaseHoldings>;
  arrivals: Map<number, Arrival[]>;
  creations: Map<number, Creation>;
  canPublish: boolean;
}) {
  return {
    title: "Unpublished cases",
    cases: input.cases.map((row) => ({
      id: `case-${row.slug}`,
      name: caseName(row),
      docketNumber: row.docketNumber,
      court: (row.courtId && input.courts.get(row.courtId)?.shortName) || null,
      group: label(GROUP_LABELS, row.group),
      unsorted: row.group === "unsorted",
      holdings: holdingsText(
        input.holdings.get(row.id) ?? { entries: 0, parties: 0, counsel: 0, motions: 0, orders: 0, hearings: 0, deadlines: 0 },
      ),
      arrival: arrivalText(input.arrivals.get(row.id) ?? [], input.creations.get(row.id)),
      reviewHref: paths.staffCasePublication(row.slug),
      staffHref: paths.staffCase(row.slug),
      previewHref: paths.case(row.slug),
    })),
    canPublish: input.canPublish,
    importHref: paths.staffImport(),
  };
}

/**
 * The banner a staff member sees on the public page of a case the public cannot see: what the
 * page would show once published, and where to decide.
 */
export function notPublicBanner(kase: { id: number; slug: string }, cause: NotPublicCause | null) {
  if (cause === null) return null;
  if (cause === "sealed") {
    return {
      text: "Sealed: only staff see this page. The public gets “not found” here and sees nothing of the case anywhere until it is unsealed.",
      href: paths.staffSeal("case", kase.id),
      label: "Seal decisions",
    };
  }
  return {
    text: "Not published: only staff see this page, as it would look once published. The public gets “not found” here and sees nothing of the case anywhere.",
    href: paths.staffCasePublication(kase.slug),
    label: "Review and publish",
  };
}

export type PublicationFormInput = { reason: string; group: string };

export function toCasePublicationView(input: {
  kase: CaseRow;
  court: { shortName: string } | null;
  holdings: CaseHoldings;
  arrivals: Arrival[];
  creation: Creation | undefined;
  decisions: { id: number; actor: string; at: string; reason: string | null }[];
  canPublish: boolean;
  form?: PublicationFormInput;
  errors?: Record<string, string>;
}) {
  const { kase } = input;
  const errors = input.errors ?? {};
  const chosenGroup = input.form?.group || (kase.group === "unsorted" ? "" : kase.group);
  const hasErrors = Object.keys(errors).length > 0;
  return {
    title: `Publication: ${caseName(kase)}`,
    name: caseName(kase),
    docketNumber: kase.docketNumber,
    court: input.court?.shortName ?? null,
    published: kase.published,
    group: label(GROUP_LABELS, kase.group),
    holdings: holdingsText(input.holdings),
    arrival: arrivalText(input.arrivals, input.creation),
    canDecide: input.canPublish && !kase.deletedAt,
    deleted: Boolean(kase.deletedAt),
    action: kase.published ? paths.staffCaseUnpublish(kase.slug) : paths.staffCasePublish(kase.slug),
    version: kase.version,
    reason: input.form?.reason ?? "",
    groups: [
      {
        value: "",
        label: kase.group === "unsorted" ? "choose a group" : `keep ${label(GROUP_LABELS, kase.group)}`,
        selected: chosenGroup === "",
      },
      ...PUBLIC_CASE_GROUPS.map((g) => ({ value: g, label: label(GROUP_LABELS, g), selected: g === chosenGroup })),
    ],
    errors,
    errorSummary: hasErrors
      ? {
          heading: "Nothing was changed. Check the fields marked below.",
          items: Object.entries(errors).map(([field, message]) => ({
            text: `${field === "group" ? "Group" : "Reason"} ${message}`,
            href: `#publication-${field}`,
          })),
        }
      : null,
    decisions: input.decisions.map((d) => ({ actor: d.actor, day: day(d.at), reason: d.reason })),
    links: [
      {
        href: paths.case(kase.slug),
        label: kase.published ? "Public docket page" : "The docket page as it would be published (staff only)",
      },
      { href: paths.staffCase(kase.slug), label: "Staff page of this case" },
      { href: paths.staffSeal("case", kase.id), label: kase.sealed ? "Sealed: unseal the case" : "Seal the whole case" },
      { href: paths.staffHistory("case", kase.id), label: "History" },
      { href: paths.staffUnpublished(), label: "All unpublished cases" },
    ],
  };
}
