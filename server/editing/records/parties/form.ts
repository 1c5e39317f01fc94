import type { RecordFormConfig } from "../../../forms/record-form";
import { dateField } from "../../../forms/spec";
import { str } from "../../../forms/words";
import { sealRelatedList } from "../../../forms/seal-links";
import { paths } from "../../../paths";

// Parties of a case, as the docket names them.
// The staff form (server/forms/README.md).

export const partyForm: RecordFormConfig = {
  type: "party",
  segment: "parties",
  underCase: true,
  noun: "party",
  removal: "delete",
  groups: ({ deps }) => [
    {
      legend: "The party, as the docket names it",
      hint: "Never record the true name of a pseudonymous party: only the name on the docket.",
      fields: [
        { name: "name", label: "Name", control: "text", required: true, hint: "Exactly as on the docket: “J. Doe”." },
        {
          name: "role",
          label: "Role",
          control: "text",
          required: true,
          hint: "As on the docket: Movant, Respondent, Plaintiff, Defendant, Interested Party…",
        },
        { name: "pseudonymous", label: "Pseudonymous (the docket name is not the person's name)", control: "checkbox" },
        { name: "description", label: "Description", control: "textarea", size: 2 },
        { name: "organizationId", label: "Organization", control: "select", choices: deps.choices.organizations(), blank: "none" },
        {
          name: "accountIds",
          label: "Accounts the party operates",
          control: "checkboxes",
          choices: deps.choices.accounts(),
          hint: "Public handles only.",
        },
        dateField("dateTerminated", "Date terminated"),
      ],
    },
    {
      legend: "Staff-only and ordering",
      collapsed: true,
      fields: [
        {
          name: "extraInfo",
          label: "What PACER prints under the name",
          control: "textarea",
          size: 3,
          hint: "Staff-only; never shown publicly (it may hold addresses).",
        },
        { name: "position", label: "Position in the list", control: "number" },
      ],
    },
  ],
  showHref: (_record, scope) => `${paths.case(scope!.caseSlug)}#parties-heading`,
  describe: (record) => `${str(record.name)} (${str(record.role)})`,
  // The name is sealed after the fact as a decision with the court's order, never as a field edit.
  related: (record) => [sealRelatedList("party", record)],
};
