import { REACHED } from "../../../../db/schema";
import { recordName } from "../../../forms/choices";
import { ofThisCase, type RecordFormConfig } from "../../../forms/record-form";
import { enumChoices } from "../../../forms/spec";
import { str } from "../../../forms/words";
import { paths } from "../../../paths";

// Arguments a filing or a motion makes, with the authorities they cite.
// The staff form (server/forms/README.md).

export const REACHED_LABELS: Record<string, string> = {
  yes: "Yes, the court reached it",
  no: "No, the court did not reach it",
  unknown: "Not known yet",
};

export const argumentForm: RecordFormConfig = {
  type: "argument",
  segment: "arguments",
  underCase: true,
  noun: "argument",
  removal: "delete",
  groups: ({ deps, scope }) => [
    {
      legend: "Where it is made",
      hint: "A motion, a filing, or both; all of this case.",
      fields: [
        { name: "motionId", label: "Motion", control: "select", choices: deps.choices.motions(scope!.caseId), blank: "none" },
        { name: "entryId", label: "Filing (docket entry)", control: "select", choices: deps.choices.entries(scope!.caseId), blank: "none" },
        { name: "partyId", label: "Party making it", control: "select", choices: deps.choices.parties(scope!.caseId), blank: "not stated" },
      ],
    },
    {
      legend: "The argument",
      fields: [
        {
          name: "doctrineTag",
          label: "Doctrine tag",
          control: "text",
          required: true,
          hint: "Lowercase words joined by hyphens: anonymous-speech, statutory-authority.",
        },
        { name: "text", label: "The argument", control: "textarea", size: 5, required: true },
        { name: "authorityIds", label: "Authorities cited", control: "checkboxes", choices: deps.choices.authorities() },
        {
          name: "reached",
          label: "Did the court reach it?",
          control: "select",
          choices: enumChoices(REACHED, REACHED_LABELS),
          initial: "unknown",
        },
        { name: "treatment", label: "How the court treated it", control: "textarea", size: 3 },
      ],
    },
  ],
  caseIdOf: (record, deps) => {
    const of = (type: "motion" | "entry", id: unknown) => (id ? deps.editing.find(type, id as number)?.caseId : undefined);
    return of("motion", record.motionId) ?? of("entry", record.entryId) ?? null;
  },
  check: (input, scope, deps) => [
    ...ofThisCase(deps, scope, "motion", "motionId", input.motionId, "a motion"),
    ...ofThisCase(deps, scope, "entry", "entryId", input.entryId, "a docket entry"),
    ...ofThisCase(deps, scope, "party", "partyId", input.partyId, "a party"),
  ],
  showHref: (record, scope) =>
    record.motionId ? paths.staffRecordEdit("motions", str(record.motionId), scope!.caseSlug) : paths.staffCase(scope!.caseSlug),
  describe: (record) => recordName("argument", record),
};
