/**
 * What the PACER parsers return. Key names, `null`s and optional keys follow juriscraper's
 * output exactly (snake_case, dates as `YYYY-MM-DD`, RSS times as ISO 8601 with an offset), so
 * that results can be compared with the reference's expected files and stored as received.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A date-time with a numeric offset, `2018-04-19T18:21:31+00:00`. */
export type IsoDateTime = string;

/** The pieces of a full federal docket number (`3:08-cv-00159-WHA-DMS-1`). */
export type DocketNumberParts = {
  federal_dn_office_code: string | null;
  federal_dn_case_type: string | null;
  federal_dn_judge_initials_assigned: string | null;
  federal_dn_judge_initials_referred: string | null;
  federal_defendant_number: string | null;
};

export type Attorney = {
  /** Whitespace collapsed. */
  name: string;
  /** Address, phone and e-mail lines, each followed by "\n"; "See above" resolved. */
  contact: string;
  /** The italic lines: "LEAD ATTORNEY", "TERMINATED: 06/07/2004"… */
  roles: string[];
};

export type CriminalCount = { name: string; disposition: string; status: "pending" | "terminated" };
export type CriminalComplaint = { name: string; disposition: string };

export type CriminalData = {
  highest_offense_level_opening: string;
  highest_offense_level_terminated: string;
  counts: CriminalCount[];
  complaints: CriminalComplaint[];
};

export type Party = {
  /** The bold name, trimmed only. */
  name: string;
  /** "Plaintiff", "Defendant", "Counter Claimant"…, or "Unknown". */
  type: string;
  /** Text of the name cell outside the name, one trimmed text node per line. */
  extra_info: string;
  date_terminated: IsoDate | null;
  /** Present only when the party row has a counsel cell. */
  attorneys?: Attorney[];
  /** Criminal defendants with count/complaint/offense data only. */
  criminal_data?: CriminalData;
};

export type DocketAttachment = {
  attachment_number: number;
  description: string;
  page_count: number | null;
  file_size_str: string;
  /** Omitted when unknown or 0. */
  file_size_bytes?: number;
  pacer_doc_id: string | null;
  pacer_seq_no: string | null;
};

export type DocketEntry = {
  /** The first column (the entry date even in reports ordered by date entered). */
  date_filed: IsoDate | null;
  /** The number shown; null for unnumbered entries. */
  document_number: string | null;
  /** The doc1 id with its fourth digit forced to 0. */
  pacer_doc_id: string | null;
  pacer_seq_no: string | null;
  description: string;
  /** From "(Entered: mm/dd/yyyy)" in the text. */
  date_entered: IsoDate | null;
  /** "View multiple documents" reports only. */
  page_count?: number | null;
  file_size_bytes?: number | null;
  file_size_str?: string;
  attachments?: DocketAttachment[];
};

export type DocketMetadata = DocketNumberParts & {
  court_id: string;
  docket_number: string | null;
  case_name: string;
  date_filed: IsoDate | null;
  date_terminated: IsoDate | null;
  date_converted: IsoDate | null;
  date_discharged: IsoDate | null;
  assigned_to_str: string;
  referred_to_str: string;
  cause: string;
  nature_of_suit: string;
  jury_demand: string;
  demand: string;
  jurisdiction: string;
  mdl_status: string;
  ordered_by: "date_filed" | "date_entered" | null;
};

/** A district or bankruptcy court docket report (DktRpt.pl). */
export type DocketReport = DocketMetadata & {
  parties: Party[];
  docket_entries: DocketEntry[];
};

export type RssDocketEntry = {
  date_filed: IsoDateTime;
  description: "";
  short_description: string;
  document_number: string | null;
  /** "" (not null) when the item has no document link. */
  pacer_doc_id: string;
  pacer_seq_no: string | null;
};

/** One (merged) item of a court RSS feed, shaped like a docket. */
export type RssDocket = DocketNumberParts & {
  court_id: string;
  pacer_case_id: string | null;
  docket_number: string;
  case_name: string;
  date_filed: null;
  date_terminated: null;
  date_converted: null;
  date_discharged: null;
  assigned_to_str: "";
  referred_to_str: "";
  cause: "";
  nature_of_suit: "";
  jury_demand: "";
  demand: "";
  jurisdiction: "";
  trustee_str: string;
  type: string;
  office: string;
  chapter: string;
  parties: null;
  docket_entries: [RssDocketEntry];
};

export type NefDocketEntry = {
  date_filed: IsoDate | null;
  description: string;
  short_description: string;
  document_number: string | null;
  /** The doc1 URL as written in the notice. */
  document_url: string | null;
  pacer_doc_id: string | null;
  pacer_case_id: string | null;
  pacer_seq_no: string | null;
  pacer_magic_num: string | null;
};

export type NefDocket = DocketNumberParts & {
  case_name: string;
  docket_number: string | null;
  date_filed: null;
  docket_entries: NefDocketEntry[];
};

export type EmailRecipient = { name: string; email_addresses: string[] };

/** A Notice of Electronic Filing (one or several cases). */
export type NefNotice = {
  court_id: string;
  appellate: boolean;
  acms: boolean;
  contains_attachments: boolean;
  dockets: NefDocket[];
  email_recipients: EmailRecipient[];
};

/** What a parser returns for input that is not a usable docket or notice. */
export type NotUsable = Record<string, never>;

export type PacerKind = "docket" | "rss" | "nef";
