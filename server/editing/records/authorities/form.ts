import { AUTHORITY_KINDS } from "../../../../db/schema";
import { AUTHORITY_KIND_LABELS } from "../../../shared/labels";
import { recordName } from "../../../forms/choices";
import type { RecordFormConfig } from "../../../forms/record-form";
import { enumChoices } from "../../../forms/spec";
import { str } from "../../../forms/words";
import { paths } from "../../../paths";

// The cases, statutes and rules the filings cite.
// The staff form (server/forms/README.md).

export const authorityForm: RecordFormConfig = {
  type: "authority",
  segment: "authorities",
  underCase: false,
  noun: "authority",
  removal: "delete",
  groups: ({ record }) => [
    {
      legend: "The authority",
      hint: record
        ? undefined
        : "A citation found in a filing that names this authority links to it once it is saved (still proposed, for staff to confirm).",
      fields: [
        {
          name: "citation",
          label: "Full citation",
          control: "text",
          required: true,
          hint: "As a brief cites it: “Talley v. California, 362 U.S. 60 (1960)”, “19 U.S.C. § 1509”.",
        },
        { name: "shortName", label: "Short name", control: "text", required: true, hint: "How it is named on second reference: “Talley”." },
        {
          name: "kind",
          label: "Kind",
          control: "select",
          required: true,
          choices: enumChoices(AUTHORITY_KINDS, AUTHORITY_KIND_LABELS),
          initial: "case",
        },
        {
          name: "court",
          label: "Court",
          control: "text",
          hint: "For a case: “U.S. Supreme Court”, “U.S. Court of Appeals for the Ninth Circuit”, “N.D. Cal.”.",
        },
        { name: "year", label: "Year", control: "number" },
      ],
    },
    {
      legend: "For students",
      fields: [
        {
          name: "holding",
          label: "Holding, in one line",
          control: "textarea",
          size: 2,
          hint: "In your own words; link the source you checked it against below.",
        },
        {
          name: "doctrineTags",
          label: "Doctrine tags",
          control: "text",
          hint: "Comma-separated: anonymous-speech, associational-privacy, unmasking, administrative-subpoena, statutory-authority…",
        },
        { name: "url", label: "Where its text is", control: "url", hint: "https://… — the opinion or statute it was checked against." },
        { name: "slug", label: "Address", control: "text", hint: "Its part of /authorities/… — made from the short name when empty." },
      ],
    },
  ],
  showHref: (record) => paths.authority(str(record.slug)),
  describe: (record) => recordName("authority", record),
};
