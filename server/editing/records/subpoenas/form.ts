import { SUBPOENA_KINDS } from "../../../../db/schema";
import { recordName } from "../../../forms/choices";
import type { RecordFormConfig } from "../../../forms/record-form";
import { dateField, enumChoices, slugField } from "../../../forms/spec";
import { fuzzyText, str, withDate } from "../../../forms/words";
import { paths } from "../../../paths";
import { SUBPOENA_KIND_LABELS } from "../../../shared/labels";

// Subpoenas and summonses.
// The staff form (server/forms/README.md).

export const subpoenaForm: RecordFormConfig = {
  type: "subpoena",
  segment: "subpoenas",
  underCase: false,
  noun: "subpoena",
  removal: "delete",
  groups: ({ deps }) => [
    {
      legend: "The demand",
      fields: [
        {
          name: "title",
          label: "Title",
          control: "text",
          required: true,
          hint: "A short label a journalist would use: “DHS subpoena to Meta of 3 Sep 2025”.",
        },
        {
          name: "kind",
          label: "Kind",
          control: "select",
          required: true,
          choices: enumChoices(SUBPOENA_KINDS, SUBPOENA_KIND_LABELS),
          initial: "administrative_subpoena",
        },
        { name: "issuerId", label: "Issued by", control: "select", choices: deps.choices.organizations(), blank: "unknown" },
        {
          name: "issuingComponent",
          label: "Issuing component or office",
          control: "text",
          hint: "HSI, the U.S. Attorney's Office for D.C.…",
        },
        { name: "recipientId", label: "Sent to", control: "select", choices: deps.choices.organizations(), blank: "unknown" },
        { name: "authorityCited", label: "Authority cited", control: "text", hint: "The statute the demand relies on: 19 U.S.C. § 1509." },
      ],
    },
    {
      legend: "Dates",
      fields: [
        { name: "dateIssued", label: "Date issued", control: "fuzzy-date" },
        dateField("dateReturn", "Return date", { hint: "YYYY-MM-DD: the compliance date the demand states." }),
      ],
    },
    {
      legend: "What it demands, and of whom",
      fields: [
        {
          name: "demands",
          label: "Data demanded",
          control: "lines",
          extra: 3,
          hint: "One item per line, in the demand's order. Empty lines are ignored.",
        },
        {
          name: "accountIds",
          label: "Accounts named",
          control: "checkboxes",
          choices: deps.choices.accounts(),
          hint: "Public handles only.",
        },
        {
          name: "accountsCovered",
          label: "Number of accounts covered",
          control: "number",
          hint: "When the sources give a count larger than the accounts named.",
        },
      ],
    },
    {
      legend: "Background",
      fields: [
        { name: "statedPurpose", label: "Stated purpose", control: "textarea" },
        { name: "howKnown", label: "How it became known", control: "textarea", hint: "User notice, court filing, press report…" },
        { name: "summary", label: "Summary", control: "textarea", size: 6 },
      ],
    },
    { legend: "Address", collapsed: true, fields: [slugField("Made from the title when left empty.")] },
  ],
  showHref: (record) => paths.subpoena(str(record.slug)),
  describe: (record) => withDate(str(record.title), "issued", fuzzyText(record, "dateIssued")),
  related: (record, _scope, deps) => [
    {
      heading: "Platform notices",
      items: deps.repo
        .rows("notice")
        .filter((n) => n.subpoenaId === record.id)
        .map((n) => ({ text: recordName("notice", n), href: paths.staffRecordEdit("notices", str(n.id)), note: null })),
      empty: "No notice to a user is recorded for this subpoena.",
      add: { href: `${paths.staffRecordNew("notices")}?subpoenaId=${record.id}`, label: "Add a platform notice" },
    },
  ],
};
