import type { FastifyInstance } from "fastify";
import { SUBPOENA_KINDS } from "../../db/schema";
import { paths } from "../paths";
import { SUBPOENA_KIND_LABELS } from "../shared/labels";
import { DATE_PRECISION_CHOICES, recordName } from "./choices";
import { registerRecordForms } from "./record-routes";
import type { RecordFormConfig } from "./record-form";
import { dateField, enumChoices, type FieldSpec } from "./spec";
import { dayText, fuzzyText, str, withDate } from "./words";

// Subpoenas and summonses, the accounts they target, and the platforms' notices to users.

const slugField = (hint: string): FieldSpec => ({ name: "slug", label: "Address in URLs", control: "text", hint });

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
        { name: "title", label: "Title", control: "text", required: true, hint: "A short label a journalist would use: “DHS subpoena to Meta of 3 Sep 2025”." },
        { name: "kind", label: "Kind", control: "select", required: true, choices: enumChoices(SUBPOENA_KINDS, SUBPOENA_KIND_LABELS), initial: "administrative_subpoena" },
        { name: "issuerId", label: "Issued by", control: "select", choices: deps.choices.organizations(), blank: "unknown" },
        { name: "issuingComponent", label: "Issuing component or office", control: "text", hint: "HSI, the U.S. Attorney's Office for D.C.…" },
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
        { name: "demands", label: "Data demanded", control: "lines", extra: 3, hint: "One item per line, in the demand's order. Empty lines are ignored." },
        { name: "accountIds", label: "Accounts named", control: "checkboxes", choices: deps.choices.accounts(), hint: "Public handles only." },
        { name: "accountsCovered", label: "Number of accounts covered", control: "number", hint: "When the sources give a count larger than the accounts named." },
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

export const accountForm: RecordFormConfig = {
  type: "account",
  segment: "accounts",
  underCase: false,
  noun: "account",
  removal: "delete",
  groups: ({ deps }) => [
    {
      legend: "The account",
      hint: "A targeted account, by its public handle only: never a person's real name.",
      fields: [
        { name: "handle", label: "Handle", control: "text", hint: "As the account shows it: @LBProtest. Needed unless there is a display name." },
        { name: "displayName", label: "Display name", control: "text" },
        { name: "platformId", label: "Platform", control: "select", choices: deps.choices.organizations(), blank: "unknown" },
        { name: "description", label: "Description", control: "textarea" },
      ],
    },
    { legend: "Address", collapsed: true, fields: [slugField("Made from the handle when left empty.")] },
  ],
  showHref: (record) => paths.staffRecordEdit("accounts", record.id),
  describe: (record) => recordName("account", record),
};

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
        { name: "subpoenaId", label: "Subpoena", control: "select", required: true, choices: deps.choices.subpoenas(), blank: "choose the subpoena" },
        { name: "accountId", label: "Account notified", control: "select", choices: deps.choices.accounts(), blank: "not named" },
        { name: "platformId", label: "Platform that sent it", control: "select", choices: deps.choices.organizations(), blank: "unknown" },
        dateField("dateNotified", "Date notified"),
        { name: "dateNotifiedPrecision", label: "How exact the date is", control: "select", choices: DATE_PRECISION_CHOICES, blank: "not stated (the day)" },
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

export async function subpoenaFormsRoutes(app: FastifyInstance) {
  registerRecordForms(app, subpoenaForm);
  registerRecordForms(app, accountForm);
  registerRecordForms(app, noticeForm);
}
