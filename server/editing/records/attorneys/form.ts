import type { RecordFormConfig } from "../../../forms/record-form";
import { str } from "../../../forms/words";
import { paths } from "../../../paths";

// Attorneys, whom counsel of record are drawn from.
// The staff form (server/forms/README.md).

export const attorneyForm: RecordFormConfig = {
  type: "attorney",
  segment: "attorneys",
  underCase: false,
  noun: "attorney",
  removal: "delete",
  groups: ({ deps }) => [
    {
      legend: "The attorney",
      fields: [
        { name: "name", label: "Name", control: "text", required: true },
        { name: "organizationId", label: "Firm or organization", control: "select", choices: deps.choices.organizations(), blank: "none" },
        { name: "position", label: "Position", control: "text", hint: "Staff Attorney, Partner…" },
        { name: "contact", label: "Contact lines", control: "textarea", size: 3, hint: "As on a PACER docket; staff-only, never public." },
      ],
    },
    {
      legend: "Address",
      collapsed: true,
      fields: [{ name: "slug", label: "Address in URLs", control: "text", hint: "Made from the name when empty." }],
    },
  ],
  showHref: (record) => paths.staffRecordEdit("attorneys", record.id),
  describe: (record) => str(record.name),
};
