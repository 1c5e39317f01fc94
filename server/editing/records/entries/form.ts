import { ENTRY_KINDS, ENTRY_SOURCES } from "../../../../db/schema";
import { entryOnDocketHref } from "../../../records/docket-position";
import { recordName } from "../../../forms/choices";
import type { FormContext, RecordFormConfig } from "../../../forms/record-form";
import { dateField, enumChoices, type FieldGroup } from "../../../forms/spec";
import { dayText, str } from "../../../forms/words";
import { entryKindFromText } from "../../../imports/text";
import { paths } from "../../../paths";
import { sealRelatedList } from "../../../forms/seal-links";
import { ENTRY_KIND_LABELS, ENTRY_SOURCE_LABELS, label } from "../../../shared/labels";
import type { Row } from "../../definition";

// Docket entries. They are never deleted: courts strike entries, and so does the write service.
// The staff form (server/forms/README.md).
// A new entry takes a few keystrokes: number, date filed, text, Enter.

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/**
 * The fields a clerk types for every entry, in docket order. On a new entry the text is one
 * line, so Enter in any field saves; the kind may stay on "guess", and is then read from the
 * text's first words (ORDER…, MOTION…), as the PACER importer reads them.
 */
export function quickEntryGroup(ctx: Pick<FormContext, "record" | "input">, autofocus: boolean): FieldGroup {
  const isNew = ctx.record === null;
  const typed = text(ctx.input.description);
  const guess = isNew && typed && !text(ctx.input.kind) ? label(ENTRY_KIND_LABELS, entryKindFromText(typed)) : null;
  return {
    legend: "Docket entry",
    fields: [
      { name: "number", label: "ECF number", control: "number", autofocus, hint: "Leave empty for an unnumbered entry." },
      dateField("dateFiled", "Date filed", { required: true, hint: "Date as on the docket, YYYY-MM-DD." }),
      {
        name: "description",
        label: "Docket text",
        control: isNew ? "text" : "textarea",
        size: 6,
        required: true,
        hint: "The full text as the docket prints it.",
      },
      {
        name: "kind",
        label: "Kind",
        control: "select",
        choices: enumChoices(ENTRY_KINDS, ENTRY_KIND_LABELS),
        ...(isNew ? { blank: "guess from the text" } : {}),
        hint: guess
          ? `Will be saved as “${guess}”, read from the text; choose another kind to change it.`
          : isNew
            ? "“Guess” reads it from the text's first words: ORDER…, MOTION…"
            : undefined,
      },
    ],
  };
}

export const entryForm: RecordFormConfig = {
  type: "entry",
  segment: "entries",
  underCase: true,
  noun: "docket entry",
  removal: "strike",
  newTitle: "Add docket entries",
  createLabel: "Save and add another",
  groups: (ctx) => [
    quickEntryGroup(ctx, ctx.record === null),
    {
      legend: ctx.record ? "More about the entry" : "More fields (optional)",
      collapsed: ctx.record === null,
      fields: [
        dateField("dateEntered", "Date entered", { hint: "YYYY-MM-DD: when the clerk entered it, if the docket says." }),
        { name: "shortDescription", label: "Short text", control: "text", hint: "The RSS or NEF short description (“Motion to Quash”)." },
        { name: "filedBy", label: "Filed by", control: "text", hint: "As the docket names the filer." },
        // An entry filed under seal is marked when entered; later, sealing is a decision with the court's order (the Seal link below).
        ...(ctx.record === null
          ? [{ name: "sealed", label: "Sealed: the public sees only the number, the dates and “SEALED”", control: "checkbox" as const }]
          : []),
        {
          name: "source",
          label: "Where the text comes from",
          control: "select",
          choices: enumChoices(ENTRY_SOURCES, ENTRY_SOURCE_LABELS),
          initial: "manual",
        },
        { name: "pacerDocId", label: "PACER document id", control: "text" },
        { name: "pacerSeqNo", label: "PACER sequence number", control: "text" },
        {
          name: "sequence",
          label: "Position on the docket",
          control: "number",
          hint: "Orders the entries; 4.5 puts an unnumbered entry between 4 and 5. Left empty, a new entry goes last.",
        },
      ],
    },
  ],
  prepareInput(input: Row, mode) {
    if (mode === "create" && input.kind === undefined && typeof input.description === "string") {
      return { ...input, kind: entryKindFromText(input.description) };
    }
    return input;
  },
  // "Save and add another": the quick form comes back empty, with the confirmation and the entries just typed.
  afterCreate: (_record, scope) => paths.staffRecordNew("entries", scope!.caseSlug),
  showHref: (record, scope, deps) =>
    entryOnDocketHref(deps.db, scope!.caseSlug, { id: record.id, caseId: Number(record.caseId), sequence: Number(record.sequence) }),
  describe: (record) => {
    const number = record.number === null || record.number === undefined ? "unnumbered entry" : `ECF No. ${str(record.number)}`;
    const day = dayText(record.dateFiled);
    return `${number}${day ? `, filed ${day}` : ""} (${label(ENTRY_KIND_LABELS, str(record.kind))})`;
  },
  // Filed documents are attached on the entry's documents page (server/documents).
  related: (record, scope, deps) => [
    sealRelatedList("entry", record),
    {
      heading: "Documents",
      items: deps.repo.documentsOfEntry(record.id).map((d) => ({
        text: `${d.attachmentNumber === 0 ? "Main document" : `Attachment ${str(d.attachmentNumber)}`}${d.description ? `: ${str(d.description)}` : ""}`,
        href: null,
        note:
          [d.pageCount ? `${str(d.pageCount)} pages` : null, d.fileSha256 ? null : "no file yet", d.sealed ? "sealed" : null]
            .filter(Boolean)
            .join(", ") || null,
      })),
      empty: "No document is attached to this entry.",
      add: { href: paths.staffEntryDocuments(scope!.caseSlug, record.id), label: "Attach or replace a document (PDF)" },
    },
  ],
  newRelated: (scope, deps) => [
    {
      heading: "Latest entries of this case",
      items: deps.repo.latestEntries(scope!.caseId, 8).map((e) => ({
        text: recordName("entry", e),
        href: paths.staffRecordEdit("entries", e.id, scope!.caseSlug),
        note: e.stricken ? "stricken" : null,
      })),
      empty: "No entries yet: this will be the first.",
      add: { href: paths.case(scope!.caseSlug), label: "See the docket" },
    },
  ],
};
