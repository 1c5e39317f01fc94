import type { RecordRow } from "../records/tables";
import { paths } from "../paths";
import { formatDay } from "../shared/dates";
import type { SealKind } from "./schemas";
import type { SealRepository } from "./seal-repository";

/** Pure functions from the seal repository's rows to what the staff seal pages print. */

type Context = NonNullable<ReturnType<SealRepository["context"]>>;
type CaseRow = RecordRow<"case">;
type EntryRow = RecordRow<"entry">;

const caseName = (kase: CaseRow) => kase.caption ?? kase.label;
const entryName = (entry: EntryRow) => (entry.number !== null ? `ECF No. ${entry.number}` : `the entry of ${formatDay(entry.dateFiled)}`);
const attachment = (n: number) => (n === 0 ? "main document" : `attachment ${n}`);

/** What the seal hides, for staff: the record named in full, and what the public sees instead. */
function described(kind: SealKind, c: Context): { what: string; text: string | null; publicShape: string } {
  switch (kind) {
    case "case":
      return {
        what: `the case ${caseName(c.kase)}${c.kase.docketNumber ? `, No. ${c.kase.docketNumber}` : ""}`,
        text: null,
        publicShape:
          "The whole case leaves every public page, list, feed, calendar and API answer (as if it did not exist); staff still see it.",
      };
    case "party":
      return {
        what: `the name of ${c.party!.name} (${c.party!.role}) in ${caseName(c.kase)}`,
        text: c.party!.description,
        publicShape:
          "The docket keeps the party's place and role, named “Sealed party”; the name, description and organisation are shown to staff only.",
      };
    case "entry":
      return {
        what: `${entryName(c.entry!)} of ${caseName(c.kase)}, filed ${formatDay(c.entry!.dateFiled)}`,
        text: c.entry!.description,
        publicShape:
          "The entry keeps its number and dates on the docket and reads “SEALED”; its text, filer, documents and sources are shown to staff only.",
      };
    case "document":
      return {
        what: `the ${attachment(c.document!.attachmentNumber)} of ${entryName(c.entry!)} of ${caseName(c.kase)}`,
        text: c.document!.description,
        publicShape:
          "The document keeps its place under the entry and reads “SEALED”; its description and file are shown to staff only (the download answers 404).",
      };
  }
}

export type SealFormInput = { reason: string; orderReference: string };

export function toSealView(input: {
  kind: SealKind;
  id: number;
  context: Context;
  state: { sealed: boolean; reason: string | null; orderReference: string | null };
  version: number;
  decisions: { actor: string; at: string; reason: string | null }[];
  canDecide: boolean;
  form?: SealFormInput;
  errors?: Record<string, string>;
}) {
  const d = described(input.kind, input.context);
  const errors = input.errors ?? {};
  const labels: Record<string, string> = { reason: "Reason", orderReference: "Court's order" };
  const slug = input.context.kase.slug;
  return {
    title: `${input.state.sealed ? "Unseal" : "Seal"} ${d.what}`,
    what: d.what,
    text: d.text,
    sealed: input.state.sealed,
    sealReason: input.state.reason,
    sealOrder: input.state.orderReference,
    publicShape: d.publicShape,
    canDecide: input.canDecide,
    action: input.state.sealed ? paths.staffUnseal(input.kind, input.id) : paths.staffSeal(input.kind, input.id),
    version: input.version,
    reason: input.form?.reason ?? "",
    orderReference: input.form?.orderReference ?? "",
    errors,
    errorSummary: Object.keys(errors).length
      ? {
          heading: "Nothing was changed. Check the fields marked below.",
          items: Object.entries(errors).map(([f, m]) => ({ text: `${labels[f] ?? f} ${m}`, href: `#seal-${f}` })),
        }
      : null,
    decisions: input.decisions.map((x) => ({
      actor: x.actor,
      day: { text: formatDay(x.at.slice(0, 10)), datetime: x.at },
      reason: x.reason,
    })),
    links: [
      { href: paths.staffCase(slug), label: "Staff page of the case" },
      { href: paths.staffHistory(input.kind, input.id), label: "History of this record" },
      { href: paths.staffSealed(), label: "Everything sealed" },
    ],
  };
}

type Sealed = ReturnType<SealRepository["sealed"]>;

/** Everything sealed now, by kind, with the reason and order kept beside each. */
export function toSealedListView(sealed: Sealed) {
  const item = (kind: SealKind, id: number, what: string, row: { sealReason: string | null; sealOrder: string | null }, kase: CaseRow) => ({
    what,
    caseName: caseName(kase),
    caseHref: paths.staffCase(kase.slug),
    reason: row.sealReason,
    order: row.sealOrder,
    href: paths.staffSeal(kind, id),
  });
  const sections = [
    { id: "sealed-cases", heading: "Cases", items: sealed.cases.map((c) => item("case", c.id, caseName(c), c, c)) },
    {
      id: "sealed-parties",
      heading: "Party names",
      items: sealed.parties.map((p) => item("party", p.party.id, `${p.party.name} (${p.party.role})`, p.party, p.kase)),
    },
    {
      id: "sealed-entries",
      heading: "Docket entries",
      items: sealed.entries.map((e) => item("entry", e.entry.id, entryName(e.entry), e.entry, e.kase)),
    },
    {
      id: "sealed-documents",
      heading: "Documents",
      items: sealed.documents.map((d) =>
        item("document", d.document.id, `${attachment(d.document.attachmentNumber)} of ${entryName(d.entry)}`, d.document, d.kase),
      ),
    },
  ];
  return { title: "Sealed records", sections };
}
