import { z } from "zod";
import { PacerInputError, type DocketReport } from "../pacer";

/*
 * juriscraper's own JSON for a district docket (DocketReport.data, the shape `quash parse
 * docket` prints): what another tool that speaks juriscraper hands us instead of the PACER
 * page. It is checked field by field, then merged exactly as a parsed page is, so a case, an
 * entry or a party arrives the same whichever way it came.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date, YYYY-MM-DD");
const text = (max = 100_000) => z.string().max(max);

const Attorney = z.object({ name: text(500), contact: text(5000).default(""), roles: z.array(text(500)).default([]) });

const Party = z.object({
  name: text(2000),
  type: text(200).default("Unknown"),
  extra_info: text(20_000).default(""),
  date_terminated: isoDate.nullable().default(null),
  attorneys: z.array(Attorney).optional(),
});

const Attachment = z.object({
  attachment_number: z.number().int().min(0),
  description: text(5000).default(""),
  page_count: z.number().int().min(0).nullable().default(null),
  file_size_str: text(100).default(""),
  file_size_bytes: z.number().int().min(0).optional(),
  pacer_doc_id: text(100).nullable().default(null),
  pacer_seq_no: text(100).nullable().default(null),
});

const Entry = z.object({
  date_filed: isoDate.nullable(),
  document_number: z
    .union([text(50), z.number().int().transform(String)])
    .nullable()
    .default(null),
  pacer_doc_id: text(100).nullable().default(null),
  pacer_seq_no: text(100).nullable().default(null),
  description: text(),
  date_entered: isoDate.nullable().default(null),
  page_count: z.number().int().min(0).nullable().optional(),
  file_size_bytes: z.number().int().min(0).nullable().optional(),
  file_size_str: text(100).optional(),
  attachments: z.array(Attachment).optional(),
});

const optionalText = (max = 5000) => text(max).default("");
const optionalCode = text(100).nullable().default(null);

/** juriscraper's docket as we take it: the keys our merge reads, each checked; keys we do not read are left out. */
export const JuriscraperDocket = z.object({
  court_id: z
    .string()
    .regex(/^[a-z0-9]{2,8}$/, "must be a CM/ECF court id such as cand")
    .optional(),
  docket_number: text(200).min(1, "must be the case's docket number"),
  case_name: text(2000),
  date_filed: isoDate.nullable().default(null),
  date_terminated: isoDate.nullable().default(null),
  date_converted: isoDate.nullable().default(null),
  date_discharged: isoDate.nullable().default(null),
  assigned_to_str: optionalText(),
  referred_to_str: optionalText(),
  cause: optionalText(),
  nature_of_suit: optionalText(),
  jury_demand: optionalText(),
  demand: optionalText(),
  jurisdiction: optionalText(),
  mdl_status: optionalText(),
  ordered_by: z.enum(["date_filed", "date_entered"]).nullable().default(null),
  federal_dn_office_code: optionalCode,
  federal_dn_case_type: optionalCode,
  federal_dn_judge_initials_assigned: optionalCode,
  federal_dn_judge_initials_referred: optionalCode,
  federal_defendant_number: optionalCode,
  parties: z.array(Party).default([]),
  docket_entries: z.array(Entry),
});

/** True when the text is a JSON object (it could be juriscraper's output), not a page, feed or e-mail. */
export function looksLikeJson(text: string): boolean {
  return text.trimStart().startsWith("{");
}

/** The court a juriscraper docket names, if it names one. */
export function juriscraperCourt(text: string): string | null {
  try {
    const court = (JSON.parse(text) as { court_id?: unknown }).court_id;
    return typeof court === "string" ? court : null;
  } catch {
    return null;
  }
}

/** Reads juriscraper's docket JSON, or refuses it naming the first field that is wrong. */
export function readJuriscraperDocket(text: string): DocketReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PacerInputError(
      `not valid JSON (${error instanceof Error ? error.message : String(error)}): a juriscraper docket is one JSON object`,
    );
  }
  if (!value || typeof value !== "object" || Array.isArray(value) || !("docket_entries" in value)) {
    throw new PacerInputError(
      "a JSON file, but not juriscraper's docket: it has no docket_entries (give the JSON `quash parse docket` prints)",
    );
  }
  const parsed = JuriscraperDocket.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PacerInputError(`not a usable juriscraper docket: ${issue.path.join(".") || "the object"} ${issue.message}`);
  }
  const { court_id: _court, ...docket } = parsed.data;
  return docket as unknown as DocketReport;
}
