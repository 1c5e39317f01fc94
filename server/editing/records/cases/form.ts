import { CASE_GROUPS } from "../../../../db/schema";
import type { RecordFormConfig } from "../../../forms/record-form";
import { dateField, enumChoices } from "../../../forms/spec";
import { fuzzyText, str, withDate } from "../../../forms/words";
import { paths } from "../../../paths";
import { GROUP_LABELS } from "../../../shared/labels";

// Cases (the dockets).
// The staff form (server/forms/README.md).

export const caseForm: RecordFormConfig = {
  type: "case",
  segment: "cases",
  underCase: false,
  noun: "case",
  removal: "delete",
  groups: ({ deps, record }) => [
    {
      legend: "The docket",
      hint: "A case needs a caption, a docket number or a label.",
      fields: [
        { name: "courtId", label: "Court", control: "select", choices: deps.choices.courts(), blank: "unknown" },
        {
          name: "docketNumber",
          label: "Docket number",
          control: "text",
          hint: "As the court prints it: 5:26-mc-80026-TSH. Its parts are read from it.",
        },
        {
          name: "caption",
          label: "Caption",
          control: "text",
          hint: "As on the docket: In re DHS Administrative Subpoena to Meta Platforms, Inc.",
        },
        {
          name: "label",
          label: "Label",
          control: "text",
          hint: "What to call the case while the caption is unknown; made from the caption or the number when empty.",
        },
        { name: "group", label: "Group", control: "select", choices: enumChoices(CASE_GROUPS, GROUP_LABELS), initial: "unsorted" },
      ],
    },
    // Only a new case is published from its form; later, the Publish button on the case's staff page does it, with a reason.
    ...(record === null
      ? [
          {
            legend: "Publication",
            fields: [
              {
                name: "published",
                label: "Publish it now",
                control: "checkbox" as const,
                hint: "Left unticked, the public sees nothing of the case until someone publishes it from Unpublished cases. A published case needs a group other than Unsorted.",
              },
            ],
          },
        ]
      : []),
    {
      legend: "Dates and judges",
      fields: [
        { name: "dateFiled", label: "Date filed", control: "fuzzy-date" },
        dateField("dateTerminated", "Date terminated"),
        { name: "assignedJudgeId", label: "Assigned judge", control: "select", choices: deps.choices.judges(), blank: "unknown" },
        { name: "referredJudgeId", label: "Referred to", control: "select", choices: deps.choices.judges(), blank: "none" },
      ],
    },
    {
      legend: "What it is about",
      fields: [
        { name: "subpoenaIds", label: "Subpoenas it challenges", control: "checkboxes", choices: deps.choices.subpoenas() },
        { name: "nature", label: "Nature of suit", control: "text" },
        { name: "cause", label: "Cause", control: "text" },
        { name: "jurisdiction", label: "Jurisdiction", control: "text" },
        { name: "summary", label: "Summary", control: "textarea", size: 6 },
        {
          name: "statusNote",
          label: "Status note",
          control: "textarea",
          size: 2,
          hint: "Why the case stands where it does, when the records alone do not say.",
        },
      ],
    },
    {
      legend: "Address, order and PACER",
      collapsed: true,
      fields: [
        { name: "slug", label: "Address in URLs", control: "text", hint: "Made from the caption or number when empty." },
        { name: "position", label: "Position in lists", control: "number" },
        { name: "pacerCaseId", label: "PACER case id", control: "text" },
      ],
    },
  ],
  showHref: (record) => paths.case(str(record.slug)),
  listHref: (record) => paths.staffCase(str(record.slug)),
  describe: (record) => withDate(str(record.label), "filed", fuzzyText(record, "dateFiled")),
};
