import { MOTION_KINDS, MOTION_STATUSES } from "../../../../db/schema";
import { recordName } from "../../../forms/choices";
import { ofThisCase, type RecordFormConfig } from "../../../forms/record-form";
import { enumChoices } from "../../../forms/spec";
import { fuzzyText, str, withDate } from "../../../forms/words";
import { paths } from "../../../paths";
import { label, MOTION_KIND_LABELS, MOTION_STATUS_LABELS } from "../../../shared/labels";
import { MOTION_TRACKS } from "./schema";
import { REACHED_LABELS } from "../arguments/form";

// Motions: who brought them, what they ask.
// The staff form (server/forms/README.md).

const TRACK_LABELS: Record<string, string> = {
  noticed: "Noticed motion (N.D. Cal. L.R. 7-2: opposition in 14 days, reply 7 days later)",
  administrative: "Administrative motion (L.R. 7-11: opposition in 4 days)",
  other: "Other (no rule deadlines)",
};

export const motionForm: RecordFormConfig = {
  type: "motion",
  segment: "motions",
  underCase: true,
  noun: "motion",
  removal: "delete",
  groups: ({ deps, scope, record }) => [
    {
      legend: "The motion",
      hint: record
        ? undefined
        : "Saving a motion sets its rule deadlines running (opposition, reply), computed from the filing date and the track.",
      fields: [
        { name: "title", label: "Title", control: "text", required: true, hint: "As filed: “Motion to Quash Administrative Subpoena”." },
        {
          name: "kind",
          label: "Kind",
          control: "select",
          required: true,
          choices: enumChoices(MOTION_KINDS, MOTION_KIND_LABELS),
          initial: "motion_to_quash",
        },
        {
          name: "entryId",
          label: "Docket entry that filed it",
          control: "select",
          choices: deps.choices.entries(scope!.caseId),
          blank: "not linked to an entry",
        },
        {
          name: "movantPartyIds",
          label: "Movants",
          control: "checkboxes",
          choices: deps.choices.parties(scope!.caseId),
          hint: "Parties of this case who brought it.",
        },
        { name: "reliefSought", label: "Relief sought", control: "textarea", size: 3 },
        { name: "dateFiled", label: "Date filed", control: "fuzzy-date" },
        {
          name: "track",
          label: "Track",
          control: "select",
          choices: enumChoices(MOTION_TRACKS, TRACK_LABELS),
          initial: "noticed",
          hint: "Decides which deadlines apply.",
        },
      ],
    },
    {
      legend: "Status",
      hint: "An order that records a disposition of this motion sets its status for you.",
      fields: [
        {
          name: "status",
          label: "Status",
          control: "select",
          choices: enumChoices(MOTION_STATUSES, MOTION_STATUS_LABELS),
          initial: "pending",
        },
        { name: "statusNote", label: "Why", control: "textarea", size: 2, hint: "When no order decided it: “subpoena withdrawn”." },
      ],
    },
  ],
  check: (input, scope, deps) => ofThisCase(deps, scope, "entry", "entryId", input.entryId, "a docket entry"),
  showHref: (_record, scope) => `${paths.case(scope!.caseSlug)}#motions-heading`,
  describe: (record) => withDate(str(record.title), "filed", fuzzyText(record, "dateFiled")),
  related: (record, scope, deps) => [
    {
      heading: "Arguments it makes",
      items: deps.repo
        .argumentsOfCase(scope!.caseId)
        .filter((a) => a.motionId === record.id)
        .map((a) => ({
          text: recordName("argument", a),
          href: paths.staffRecordEdit("arguments", a.id, scope!.caseSlug),
          note: label(REACHED_LABELS, a.reached),
        })),
      empty: "No arguments recorded for this motion.",
      add: { href: `${paths.staffRecordNew("arguments", scope!.caseSlug)}?motionId=${record.id}`, label: "Add an argument" },
    },
    {
      heading: "Its deadlines",
      items: deps.repo
        .rows("deadline", { caseId: scope!.caseId })
        .filter((d) => d.motionId === record.id)
        .map((d) => ({
          text: recordName("deadline", d),
          href: paths.staffRecordEdit("deadlines", str(d.id), scope!.caseSlug),
          note: `${str(d.origin).replace(/_/g, " ")}, ${str(d.status)}`,
        })),
      empty: "No deadlines for this motion.",
      add: { href: `${paths.staffRecordNew("deadlines", scope!.caseSlug)}?motionId=${record.id}`, label: "Add a court-ordered deadline" },
    },
  ],
};
