import { HEARING_STATUSES } from "../../../../db/schema";
import { ofThisCase, type RecordFormConfig } from "../../../forms/record-form";
import { enumChoices } from "../../../forms/spec";
import { fuzzyText, str, withDate } from "../../../forms/words";
import { paths } from "../../../paths";
import { HEARING_STATUS_LABELS } from "../../../shared/labels";

// Hearings of a case.
// The staff form (server/forms/README.md).

export const hearingForm: RecordFormConfig = {
  type: "hearing",
  segment: "hearings",
  underCase: true,
  noun: "hearing",
  removal: "delete",
  groups: ({ deps, scope }) => [
    {
      legend: "The hearing",
      fields: [
        { name: "title", label: "Title", control: "text", required: true, hint: "“Hearing on the motion to quash”." },
        { name: "motionId", label: "Motion heard", control: "select", choices: deps.choices.motions(scope!.caseId), blank: "none" },
        { name: "judgeId", label: "Judge", control: "select", choices: deps.choices.judges(), blank: "unknown" },
        { name: "date", label: "Date", control: "fuzzy-date" },
        { name: "time", label: "Time", control: "time", hint: "Local time at the court, 24-hour: 09:30." },
        { name: "place", label: "Place", control: "text", hint: "“Courtroom E, 15th Floor, San Francisco” or “by Zoom”." },
        {
          name: "status",
          label: "Status",
          control: "select",
          choices: enumChoices(HEARING_STATUSES, HEARING_STATUS_LABELS),
          initial: "scheduled",
        },
        { name: "notes", label: "Notes", control: "textarea", size: 3 },
      ],
    },
  ],
  check: (input, scope, deps) => ofThisCase(deps, scope, "motion", "motionId", input.motionId, "a motion"),
  showHref: (record, scope) => `${paths.case(scope!.caseSlug)}#hearing-${record.id}`,
  describe: (record) => withDate(str(record.title), "on", fuzzyText(record, "date")),
};
