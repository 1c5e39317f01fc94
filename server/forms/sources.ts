import type { FastifyInstance } from "fastify";
import { RELIABILITY_LEVELS } from "../../db/schema";
import { TYPE_LABELS } from "../editing/definition";
import { paths } from "../paths";
import type { EditableType } from "../records/tables";
import { RELIABILITY_LABELS } from "../sources/markers";
import { DATE_PRECISION_CHOICES, recordName } from "./choices";
import { RECORD_TYPE_CHOICES } from "./events";
import { registerRecordForms } from "./record-routes";
import { editHrefOf, type RecordFormConfig } from "./record-form";
import { citableFields, factSourceFields } from "./sources-section";
import { dateField, enumChoices } from "./spec";
import { str } from "./words";

// The source register, and the links that say which source backs which fact.

export const sourceForm: RecordFormConfig = {
  type: "source",
  segment: "sources",
  underCase: false,
  noun: "source",
  removal: "delete",
  groups: () => [
    {
      legend: "The source",
      fields: [
        { name: "title", label: "Title", control: "text", required: true },
        { name: "url", label: "Address (URL)", control: "url", hint: "https://… — only web addresses." },
        { name: "publisher", label: "Publisher", control: "text" },
        dateField("datePublished", "Date published"),
        { name: "datePublishedPrecision", label: "How exact the date is", control: "select", choices: DATE_PRECISION_CHOICES, blank: "not stated (the day)" },
        { name: "description", label: "What it is", control: "textarea", size: 2, hint: "Original article, mirror, PACER docket report…" },
      ],
    },
    {
      legend: "How far it can be trusted",
      fields: [
        { name: "reliability", label: "Reliability", control: "select", required: true, choices: enumChoices(RELIABILITY_LEVELS, RELIABILITY_LABELS), blank: "choose" },
        { name: "reliabilityNote", label: "Caveat", control: "textarea", size: 2, hint: "“Mirror; quotes the Kang order.”" },
        { name: "tag", label: "Tag in the register", control: "text", hint: "“S01”. Made up (STAFF-1…) when empty." },
      ],
    },
  ],
  showHref: (record) => paths.source(str(record.tag)),
  describe: (record) => recordName("source", record),
};

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
          { name: "recordType", label: "Record type", control: "select", required: true, choices: RECORD_TYPE_CHOICES, blank: "choose a type" },
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

export async function sourceFormsRoutes(app: FastifyInstance) {
  registerRecordForms(app, sourceForm);
  registerRecordForms(app, factSourceForm);
}
