import { EVENT_KINDS } from "../../../../db/schema";
import type { RecordFormConfig } from "../../../forms/record-form";
import { enumChoices } from "../../../forms/spec";
import { fuzzyText, str, withDate } from "../../../forms/words";
import { paths } from "../../../paths";
import { EVENT_KIND_LABELS } from "../../../shared/labels";
import { TYPE_LABELS } from "../../definition";
import { LINKABLE_TYPES } from "../../fields";

// Dated facts inside and outside the dockets: a withdrawal, a takedown, a letter, a statement.
// The staff form (server/forms/README.md).

export const RECORD_TYPE_CHOICES = LINKABLE_TYPES.map((type) => ({ value: type, label: TYPE_LABELS[type] }));

export const eventForm: RecordFormConfig = {
  type: "event",
  segment: "events",
  underCase: false,
  noun: "event",
  removal: "delete",
  groups: ({ deps }) => [
    {
      legend: "What happened, and when",
      fields: [
        { name: "title", label: "Title", control: "text", required: true, hint: "“DHS withdraws the summons to Meta”." },
        {
          name: "kind",
          label: "Kind",
          control: "select",
          required: true,
          choices: enumChoices(EVENT_KINDS, EVENT_KIND_LABELS),
          initial: "other",
        },
        {
          name: "date",
          label: "Date",
          control: "fuzzy-date",
          hint: "A day, a month, “a Tuesday in September”, or a range: as precise as the sources are.",
        },
        { name: "description", label: "Description", control: "textarea", size: 4 },
      ],
    },
    {
      legend: "What it concerns",
      fields: [
        { name: "caseId", label: "Case", control: "select", choices: deps.choices.cases(), blank: "none" },
        { name: "subpoenaId", label: "Subpoena", control: "select", choices: deps.choices.subpoenas(), blank: "none" },
        {
          name: "related",
          label: "Who acted, and what else it concerns",
          control: "rows",
          extra: 1,
          hint: "Any record, by type and id (the id is in the record's staff address).",
          columns: [
            { name: "recordType", label: "Record type", control: "select", choices: RECORD_TYPE_CHOICES, blank: "choose a type" },
            { name: "recordId", label: "Record id", control: "text" },
            {
              name: "role",
              label: "Role",
              control: "select",
              choices: [
                { value: "actor", label: "acted in it" },
                { value: "subject", label: "it concerns this" },
              ],
              initial: "actor",
            },
          ],
        },
      ],
    },
    {
      legend: "Address",
      collapsed: true,
      fields: [{ name: "slug", label: "Address in URLs", control: "text", hint: "Made from the title when empty." }],
    },
  ],
  showHref: (record) => paths.event(str(record.slug)),
  describe: (record) => withDate(str(record.title), "on", fuzzyText(record, "date")),
};
