import { DEADLINE_ORIGINS, DEADLINE_STATUSES } from "../../../../db/schema";
import { ofThisCase, type PageAction, type RecordFormConfig } from "../../../forms/record-form";
import { dateField, enumChoices } from "../../../forms/spec";
import { dayText, str, withDate } from "../../../forms/words";
import { paths } from "../../../paths";
import { DEADLINE_STATUS_LABELS } from "../../../shared/labels";
import type { Row } from "../../definition";

// Deadlines of a case: computed from a rule, set by an order, or stated by a party.
// The staff form (server/forms/README.md).
// A deadline is marked met or vacated, or opened again (server/schedule/routes.ts).

const ORIGIN_LABELS: Record<string, string> = {
  computed: "Computed from a rule",
  court_ordered: "Set by a court order (wins over a computed date)",
  stated: "Stated by a platform or a party",
};

export const deadlineForm: RecordFormConfig = {
  type: "deadline",
  segment: "deadlines",
  underCase: true,
  noun: "deadline",
  removal: "delete",
  groups: ({ deps, scope }) => [
    {
      legend: "The deadline",
      hint: "Rule deadlines are computed when a motion is saved. Enter here a date an order set or a party stated, or leave the due date empty and give the rule code and the date it counts from: the date is then computed as the calculator does, with its steps.",
      fields: [
        { name: "label", label: "What is due", control: "text", required: true, hint: "“Opposition due”." },
        dateField("dateDue", "Due date", { hint: "YYYY-MM-DD. Empty: computed from the rule code and “Counted from” below." }),
        { name: "motionId", label: "Motion", control: "select", choices: deps.choices.motions(scope!.caseId), blank: "none" },
        { name: "orderId", label: "Order that set it", control: "select", choices: deps.choices.orders(scope!.caseId), blank: "none" },
        {
          name: "origin",
          label: "Where the date comes from",
          control: "select",
          choices: enumChoices(DEADLINE_ORIGINS, ORIGIN_LABELS),
          initial: "court_ordered",
        },
        {
          name: "status",
          label: "Status",
          control: "select",
          choices: enumChoices(DEADLINE_STATUSES, DEADLINE_STATUS_LABELS),
          initial: "open",
        },
      ],
    },
    {
      legend: "Rule and notes",
      fields: [
        {
          name: "ruleCode",
          label: "Rule code",
          control: "text",
          hint: "The calculator's code (lr-7-3a), when a rule applies; the calculator page lists them.",
        },
        { name: "ruleCitation", label: "Rule as cited", control: "text", hint: "N.D. Cal. Civ. L.R. 7-3(a)" },
        dateField("triggerDate", "Counted from", { hint: "YYYY-MM-DD: the day the period starts from, if any." }),
        {
          name: "supersededById",
          label: "Replaced by",
          control: "select",
          choices: deps.choices.deadlines(scope!.caseId),
          blank: "not replaced",
        },
        { name: "notes", label: "Notes", control: "textarea", size: 3 },
      ],
    },
  ],
  check: (input, scope, deps) => ofThisCase(deps, scope, "motion", "motionId", input.motionId, "a motion"),
  actions: (record, scope) => deadlineActions(record, scope!.caseSlug),
  showHref: (record, scope) => paths.deadline(scope!.caseSlug, record.id),
  describe: (record) => withDate(str(record.label), "due", dayText(record.dateDue)),
};

/** Mark a deadline met or vacated, or open it again (server/schedule markDeadline). */
export function deadlineActions(deadline: Row, caseSlug: string): PageAction[] {
  const action = paths.staffRecordAction("deadlines", str(deadline.id), "mark", caseSlug);
  const button = (status: string, text: string): PageAction => ({
    label: text,
    action,
    fields: [
      { name: "status", value: status },
      { name: "version", value: str(deadline.version) },
    ],
  });
  if (deadline.deletedAt) return [];
  return deadline.status === "open" ? [button("met", "Mark met"), button("vacated", "Mark vacated")] : [button("open", "Reopen")];
}
