import { DATE_PRECISION_CHOICES, recordName } from "../../../forms/choices";
import type { RecordFormConfig } from "../../../forms/record-form";
import { dateField } from "../../../forms/spec";
import { dayText, str } from "../../../forms/words";
import { paths } from "../../../paths";

// Platforms' notices to users, with the response window exactly as stated.
// The staff form (server/forms/README.md).

export const noticeForm: RecordFormConfig = {
  type: "notice",
  segment: "notices",
  underCase: false,
  noun: "platform notice",
  removal: "delete",
  groups: ({ deps }) => [
    {
      legend: "The notice",
      fields: [
        {
          name: "subpoenaId",
          label: "Subpoena",
          control: "select",
          required: true,
          choices: deps.choices.subpoenas(),
          blank: "choose the subpoena",
        },
        { name: "accountId", label: "Account notified", control: "select", choices: deps.choices.accounts(), blank: "not named" },
        { name: "platformId", label: "Platform that sent it", control: "select", choices: deps.choices.organizations(), blank: "unknown" },
        dateField("dateNotified", "Date notified"),
        {
          name: "dateNotifiedPrecision",
          label: "How exact the date is",
          control: "select",
          choices: DATE_PRECISION_CHOICES,
          blank: "not stated (the day)",
        },
      ],
    },
    {
      legend: "Response window, exactly as the notice states it",
      hint: "Never computed: the notice's own words and numbers.",
      fields: [
        { name: "responseWindowStated", label: "Window as stated", control: "text", hint: "“10 days”, “by October 1”." },
        { name: "responseWindowDays", label: "Days stated", control: "number" },
        dateField("responseDateStated", "Response date stated", { hint: "YYYY-MM-DD, only when the notice itself states a date." }),
      ],
    },
  ],
  showHref: (record, _scope, deps) => {
    const subpoena = deps.editing.find("subpoena", record.subpoenaId as number);
    return subpoena && !subpoena.deletedAt ? paths.subpoena(str(subpoena.slug)) : paths.staffRecords("notices");
  },
  describe: (record, deps) => {
    const account = record.accountId ? deps.editing.find("account", record.accountId as number) : undefined;
    const to = account ? ` to ${recordName("account", account)}` : "";
    const day = dayText(record.dateNotified);
    return `notice${to}${day ? ` of ${day}` : ""}`;
  },
};
