import { COUNSEL_STANDINGS } from "../../../../db/schema";
import { ofThisCase, type RecordFormConfig } from "../../../forms/record-form";
import { enumChoices } from "../../../forms/spec";
import { str } from "../../../forms/words";
import { paths } from "../../../paths";
import { STANDING_LABELS } from "../../../shared/labels";

// Counsel of record: who represents a party (staff edit it at …/counsel).
// The staff form (server/forms/README.md).

export const representationForm: RecordFormConfig = {
  type: "representation",
  segment: "counsel",
  underCase: true,
  noun: "counsel",
  removal: "delete",
  groups: ({ deps, scope }) => [
    {
      legend: "Counsel of a party",
      hint: "An attorney, or a firm when no attorney is named. An attorney not in the list is added under Staff → Attorneys first.",
      fields: [
        {
          name: "partyId",
          label: "Party represented",
          control: "select",
          required: true,
          choices: deps.choices.parties(scope!.caseId),
          blank: "choose the party",
        },
        { name: "attorneyId", label: "Attorney", control: "select", choices: deps.choices.attorneys(), blank: "no attorney named" },
        { name: "organizationId", label: "Firm or organization", control: "select", choices: deps.choices.organizations(), blank: "none" },
        { name: "roles", label: "Roles on the docket", control: "text", hint: "LEAD ATTORNEY, ATTORNEY TO BE NOTICED, PRO HAC VICE…" },
        {
          name: "standing",
          label: "How we know",
          control: "select",
          choices: enumChoices(COUNSEL_STANDINGS, STANDING_LABELS),
          initial: "reported",
        },
      ],
    },
  ],
  caseIdOf: (record, deps) => deps.editing.find("party", record.partyId as number)?.caseId ?? null,
  check: (input, scope, deps) => ofThisCase(deps, scope, "party", "partyId", input.partyId, "a party"),
  showHref: (_record, scope) => `${paths.case(scope!.caseSlug)}#parties-heading`,
  describe: (record, deps) => {
    const attorney = record.attorneyId ? deps.editing.find("attorney", record.attorneyId as number) : undefined;
    const firm = record.organizationId ? deps.repo.find("organization", record.organizationId as number) : undefined;
    const party = deps.editing.find("party", record.partyId as number);
    return `${str(attorney?.name ?? firm?.name ?? "counsel")} for ${str(party?.name)}`;
  },
};
