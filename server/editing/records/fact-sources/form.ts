import { editHrefOf, type RecordFormConfig } from "../../../forms/record-form";
import { citableFields, factSourceFields } from "../../../forms/sources-section";
import { str } from "../../../forms/words";
import { paths } from "../../../paths";
import type { EditableType } from "../../../records/tables";
import { TYPE_LABELS } from "../../definition";
import { RECORD_TYPE_CHOICES } from "../events/form";

// Source links: which source backs which fact.
// The staff form (server/forms/README.md).

/** The record type a fact-source form is about: the stored link's, the form's, or the link's that opened it. */
function recordTypeOf(record: Record<string, unknown> | null, input: Record<string, unknown>): string {
  const sent = Array.isArray(input.recordType) ? input.recordType.at(-1) : input.recordType;
  return str(record?.recordType ?? sent);
}

export const factSourceForm: RecordFormConfig = {
  type: "fact_source",
  segment: "fact-sources",
  underCase: false,
  noun: "source link",
  removal: "delete",
  groups: ({ deps, record, input }) => {
    const type = recordTypeOf(record, input);
    return [
      {
        legend: "The record it backs",
        fields: [
          {
            name: "recordType",
            label: "Record type",
            control: "select",
            required: true,
            choices: RECORD_TYPE_CHOICES,
            blank: "choose a type",
          },
          { name: "recordId", label: "Record id", control: "text", required: true },
        ],
      },
      factSourceFields(deps.choices.sources(), type ? citableFields(type, deps) : null),
    ];
  },
  showHref: (record, _scope, deps) => {
    const edit = editHrefOf(str(record.recordType), Number(record.recordId), deps);
    return edit ? `${edit}#sources` : paths.sources();
  },
  describe: (record, deps) => {
    const source = deps.repo.find("source", record.sourceId as number);
    const type = str(record.recordType) as EditableType;
    return `${str(source?.tag)} for ${TYPE_LABELS[type] ?? type} ${str(record.recordId)}${record.field ? ` (${str(record.field)})` : ""}`;
  },
};
