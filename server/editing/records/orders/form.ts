import { COVERAGE_STATUSES, MOTION_STATUSES, ORDER_KINDS } from "../../../../db/schema";
import { recordName } from "../../../forms/choices";
import { ofThisCase, type RecordFormConfig } from "../../../forms/record-form";
import { dateField, enumChoices } from "../../../forms/spec";
import { fuzzyText, str, withDate } from "../../../forms/words";
import { paths } from "../../../paths";
import { COVERAGE_STATUS_LABELS, MOTION_STATUS_LABELS, ORDER_KIND_LABELS } from "../../../shared/labels";

// Court orders: what they decide (the motions' dispositions) and what they protect (stay coverage).
// The staff form (server/forms/README.md).

const DECIDED = MOTION_STATUSES.filter((s) => s !== "pending" && s !== "unknown");

export const orderForm: RecordFormConfig = {
  type: "order",
  segment: "orders",
  underCase: true,
  noun: "order",
  removal: "delete",
  groups: ({ deps, scope }) => [
    {
      legend: "The order",
      fields: [
        { name: "title", label: "Title", control: "text", required: true, hint: "“Order granting non-production pending ruling”." },
        {
          name: "kind",
          label: "Kind",
          control: "select",
          required: true,
          choices: enumChoices(ORDER_KINDS, ORDER_KIND_LABELS),
          initial: "non_production",
        },
        {
          name: "entryId",
          label: "Docket entry of the order",
          control: "select",
          choices: deps.choices.entries(scope!.caseId),
          blank: "not linked to an entry",
        },
        { name: "judgeId", label: "Signed by", control: "select", choices: deps.choices.judges(), blank: "unknown" },
        { name: "dateSigned", label: "Date signed", control: "fuzzy-date" },
      ],
    },
    {
      legend: "Motions it decides",
      hint: "Each motion's status follows the order's disposition. Removing a row sets the motion back to pending, unless another order decides it.",
      fields: [
        {
          name: "dispositions",
          label: "Dispositions",
          control: "rows",
          extra: 2,
          columns: [
            {
              name: "motionId",
              label: "Motion",
              control: "select",
              choices: deps.choices.motions(scope!.caseId),
              blank: "choose a motion",
            },
            {
              name: "disposition",
              label: "Disposition",
              control: "select",
              choices: enumChoices(DECIDED, MOTION_STATUS_LABELS),
              initial: "granted",
            },
          ],
        },
      ],
    },
    {
      legend: "What it protects (stay or non-production coverage)",
      hint: "One row per subpoena and account. Leave the account empty when the order covers every account of the movant.",
      fields: [
        {
          name: "coverage",
          label: "Coverage",
          control: "rows",
          extra: 1,
          columns: [
            { name: "subpoenaId", label: "Subpoena", control: "select", choices: deps.choices.subpoenas(), blank: "choose a subpoena" },
            {
              name: "accountId",
              label: "Account",
              control: "select",
              choices: deps.choices.accounts(),
              blank: "every account of the movant",
            },
            {
              name: "addresseeId",
              label: "Told not to produce",
              control: "select",
              choices: deps.choices.organizations(),
              blank: "unknown",
            },
            { name: "endCondition", label: "Until", control: "text", hint: "“until further order of the Court”" },
            {
              name: "status",
              label: "Status",
              control: "select",
              choices: enumChoices(COVERAGE_STATUSES, COVERAGE_STATUS_LABELS),
              initial: "in_force",
            },
            { name: "statusReason", label: "Why the status changed", control: "text" },
            dateField("dateEnded", "Protection ended"),
          ],
        },
      ],
    },
    {
      legend: "What it says",
      fields: [
        { name: "summary", label: "Summary", control: "textarea", size: 4 },
        { name: "quotedText", label: "Quoted words", control: "textarea", size: 3, hint: "The order's words as a source quotes them." },
      ],
    },
    {
      legend: "Address",
      collapsed: true,
      fields: [{ name: "slug", label: "Address in URLs", control: "text", hint: "Made from the title when empty." }],
    },
  ],
  check: (input, scope, deps) => ofThisCase(deps, scope, "entry", "entryId", input.entryId, "a docket entry"),
  showHref: (record) => paths.order(str(record.slug)),
  describe: (record) => withDate(str(record.title), "signed", fuzzyText(record, "dateSigned")),
  related: (record, scope, deps) => [
    {
      heading: "Deadlines it set",
      items: deps.repo
        .rows("deadline", { caseId: scope!.caseId })
        .filter((d) => d.orderId === record.id)
        .map((d) => ({
          text: recordName("deadline", d),
          href: paths.staffRecordEdit("deadlines", str(d.id), scope!.caseSlug),
          note: str(d.status),
        })),
      empty: "No deadline set by this order is recorded.",
      add: { href: `${paths.staffRecordNew("deadlines", scope!.caseSlug)}?orderId=${record.id}`, label: "Add a deadline this order set" },
    },
  ],
};
