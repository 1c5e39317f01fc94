import { RELIABILITY_LEVELS } from "../../../../db/schema";
import { DATE_PRECISION_CHOICES, recordName } from "../../../forms/choices";
import type { RecordFormConfig } from "../../../forms/record-form";
import { dateField, enumChoices } from "../../../forms/spec";
import { str } from "../../../forms/words";
import { paths } from "../../../paths";
import { RELIABILITY_LABELS } from "../../../sources/markers";

// The source register: where facts come from.
// The staff form (server/forms/README.md).

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
        {
          name: "datePublishedPrecision",
          label: "How exact the date is",
          control: "select",
          choices: DATE_PRECISION_CHOICES,
          blank: "not stated (the day)",
        },
        { name: "description", label: "What it is", control: "textarea", size: 2, hint: "Original article, mirror, PACER docket report…" },
      ],
    },
    {
      legend: "How far it can be trusted",
      fields: [
        {
          name: "reliability",
          label: "Reliability",
          control: "select",
          required: true,
          choices: enumChoices(RELIABILITY_LEVELS, RELIABILITY_LABELS),
          blank: "choose",
        },
        { name: "reliabilityNote", label: "Caveat", control: "textarea", size: 2, hint: "“Mirror; quotes the Kang order.”" },
        { name: "tag", label: "Tag in the register", control: "text", hint: "“S01”. Made up (STAFF-1…) when empty." },
      ],
    },
  ],
  showHref: (record) => paths.source(str(record.tag)),
  describe: (record) => recordName("source", record),
};
