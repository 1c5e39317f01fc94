import { recordName } from "../../../forms/choices";
import type { RecordFormConfig } from "../../../forms/record-form";
import { slugField } from "../../../forms/spec";
import { paths } from "../../../paths";

// Accounts a subpoena targets, by public handle only.
// The staff form (server/forms/README.md).

export const accountForm: RecordFormConfig = {
  type: "account",
  segment: "accounts",
  underCase: false,
  noun: "account",
  removal: "delete",
  groups: ({ deps }) => [
    {
      legend: "The account",
      hint: "A targeted account, by its public handle only: never a person's real name.",
      fields: [
        {
          name: "handle",
          label: "Handle",
          control: "text",
          hint: "As the account shows it: @LBProtest. Needed unless there is a display name.",
        },
        { name: "displayName", label: "Display name", control: "text" },
        { name: "platformId", label: "Platform", control: "select", choices: deps.choices.organizations(), blank: "unknown" },
        { name: "description", label: "Description", control: "textarea" },
      ],
    },
    { legend: "Address", collapsed: true, fields: [slugField("Made from the handle when left empty.")] },
  ],
  showHref: (record) => paths.staffRecordEdit("accounts", record.id),
  describe: (record) => recordName("account", record),
};
