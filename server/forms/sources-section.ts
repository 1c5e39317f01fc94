import type { EditType } from "../editing/definition";
import { paths } from "../paths";
import type { EditableType } from "../records/tables";
import { RELIABILITY_LABELS } from "../sources/markers";
import type { Choices } from "./choices";
import { toFieldViews } from "./fields-view";
import { FORM_CONFIGS, type FormDeps } from "./record-form";
import { allFields, type Choice, type FieldGroup } from "./spec";
import { initialValues } from "./values";

/** The fields of a fact-source link besides the record it backs: which field, which source, what it says. */
export function factSourceFields(sources: Choice[], fields: Choice[] | null): FieldGroup {
  return {
    legend: "What backs which fact",
    fields: [
      fields
        ? { name: "field", label: "Field", control: "select", choices: fields, blank: "the record as a whole" }
        : { name: "field", label: "Field", control: "text", hint: "The field's name (camelCase), or empty for the record as a whole." },
      {
        name: "sourceId",
        label: "Source",
        control: "select",
        choices: sources,
        blank: "choose a source from the register",
        required: true,
      },
      { name: "quote", label: "Quote", control: "textarea", size: 3, hint: "The words in the source that support the fact." },
      { name: "verifiedAgainstDocket", label: "Checked against the docket", control: "checkbox" },
      { name: "inferred", label: "Inferred (the source implies it rather than says it)", control: "checkbox" },
      { name: "inferredReason", label: "Why it is inferred", control: "textarea", size: 2, hint: "Required when the fact is inferred." },
    ],
  };
}

/** The fields of a record type that a source can back, as its form labels them; null for types without a form. */
export function citableFields(type: string, deps: FormDeps): Choice[] | null {
  const config = FORM_CONFIGS.get(type as EditType);
  if (!config) return null;
  // Only the labels are wanted: no select needs its records.
  const noChoices = new Proxy({}, { get: () => () => [] }) as Choices;
  const scope = config.underCase ? { caseId: 0, caseSlug: "", caseLabel: "" } : null;
  const groups = config.groups({ scope, deps: { ...deps, choices: noChoices }, record: null, input: {} });
  return allFields(groups)
    .filter((f) => !["rows", "checkboxes", "lines"].includes(f.control))
    .map((f) => ({ value: f.name, label: f.label }));
}

/**
 * The "Sources" section of an edit page: each source that backs the record or one of its
 * fields, whether it was checked against the docket, and a short form to add another.
 */
export function toSourcesSection(deps: FormDeps, type: EditableType, id: number, readOnly: boolean) {
  const fields = citableFields(type, deps);
  const fieldLabel = new Map((fields ?? []).map((f) => [f.value, f.label]));
  const items = deps.repo.factSourcesOf(type, id).map(({ link, source }) => ({
    field: link.field ? (fieldLabel.get(link.field) ?? link.field) : "The record as a whole",
    source: { tag: source.tag, title: source.title, href: paths.source(source.tag), reliability: RELIABILITY_LABELS[source.reliability] },
    quote: link.quote,
    verified: link.verifiedAgainstDocket,
    inferred: link.inferred,
    inferredReason: link.inferredReason,
    editHref: paths.staffRecordEdit("fact-sources", link.id),
    deleteAction: paths.staffRecordAction("fact-sources", link.id, "delete"),
    version: String(link.version),
  }));
  const group = factSourceFields(deps.choices.sources(), fields);
  const form = toFieldViews([group], initialValues([group]), [], "src");
  return {
    items,
    readOnly,
    add: readOnly
      ? null
      : {
          action: paths.staffRecords("fact-sources"),
          hidden: [
            { name: "recordType", value: type },
            { name: "recordId", value: String(id) },
          ],
          fields: form.groups[0]!.fields,
        },
    registerHref: paths.sources(),
    newSourceHref: paths.staffRecordNew("sources"),
  };
}

export type SourcesSectionView = ReturnType<typeof toSourcesSection>;
