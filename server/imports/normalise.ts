import type { DocketReport, NefNotice, PacerKind, RssDocket } from "../pacer";
import { judgeTitleFrom } from "./text";

/**
 * The three PACER kinds brought to one shape before merging: a batch of cases, each with what
 * the file says about it. `null` always means "this file does not say", never "empty": an RSS
 * item says nothing about parties, so `parties` is null and the merge leaves them alone.
 */

/** Where an entry's text came from, best first (see README: source ranking). */
export type EntrySource = "pacer_docket" | "nef" | "rss";

export type IncomingDocument = {
  attachmentNumber: number;
  description: string | null;
  pageCount: number | null;
  fileSizeText: string | null;
  pacerDocId: string | null;
  /** NEF document links only; staff-only (carries a one-time magic number). */
  pacerUrl: string | null;
};

export type IncomingEntry = {
  source: EntrySource;
  number: number | null;
  pacerDocId: string | null;
  pacerSeqNo: string | null;
  /** The day the paper was filed; null when the file does not say (RSS). */
  dateFiled: string | null;
  /** The day the clerk entered it (docket "(Entered: …)", NEF "entered on", RSS pubDate). */
  dateEntered: string | null;
  /** Full docket text; null for RSS, which carries only a short description. */
  description: string | null;
  shortDescription: string | null;
  /** The text exactly as the parser read it from this file. */
  originalText: string;
  documents: IncomingDocument[];
};

export type IncomingAttorney = { name: string; contact: string; roles: string[] };

export type IncomingParty = {
  name: string;
  role: string;
  extraInfo: string;
  dateTerminated: string | null;
  attorneys: IncomingAttorney[];
};

export type IncomingJudge = { name: string; title: string; initials: string | null };

export type IncomingCase = {
  /** As the court prints it, judge initials included when the file gives them. */
  docketNumber: string;
  initialsAssigned: string | null;
  initialsReferred: string | null;
  caseName: string | null;
  pacerCaseId: string | null;
  dateFiled: string | null;
  dateTerminated: string | null;
  cause: string | null;
  jurisdiction: string | null;
  natureOfSuit: string | null;
  assignedTo: IncomingJudge | null;
  referredTo: IncomingJudge | null;
  /** Null when the file does not list parties (RSS, NEF). */
  parties: IncomingParty[] | null;
  entries: IncomingEntry[];
};

export type PacerBatch = {
  kind: PacerKind;
  /** The day the file shows the docket as of (report receipt, feed build date, notice date). */
  reportDate: string | null;
  /** How `reportDate` was found, for the source's title. */
  reportDateBasis: "receipt" | "latest-entry" | "feed" | "notice" | null;
  cases: IncomingCase[];
};

const blankToNull = (s: string | null | undefined): string | null => {
  const t = s?.trim();
  return t ? t : null;
};

/** Entry numbers are small integers; anything else (an appellate doc id standing in for one) is no number. */
function entryNumber(raw: string | null, docId: string | null): number | null {
  if (!raw || !/^\d{1,7}$/.test(raw) || raw === docId) return null;
  return Number(raw);
}

function fullNumber(short: string, assigned: string | null, referred: string | null): string {
  return [short, assigned, referred].filter(Boolean).join("-");
}

/** The case as every PACER file names it: the number with the judges' initials, and the title unless PACER's placeholder for none. */
function caseNamed(
  short: string,
  d: Pick<RssDocket, "federal_dn_judge_initials_assigned" | "federal_dn_judge_initials_referred" | "case_name">,
) {
  return {
    docketNumber: fullNumber(short, d.federal_dn_judge_initials_assigned, d.federal_dn_judge_initials_referred),
    initialsAssigned: d.federal_dn_judge_initials_assigned,
    initialsReferred: d.federal_dn_judge_initials_referred,
    caseName: d.case_name === "Unknown Case Title" ? null : blankToNull(d.case_name),
  };
}

/** What only a docket report says about a case: an RSS item or a notice leaves all of it unsaid, so the merge keeps what is stored. */
const SAID_ONLY_BY_DOCKET_REPORTS = {
  dateFiled: null,
  dateTerminated: null,
  cause: null,
  jurisdiction: null,
  natureOfSuit: null,
  assignedTo: null,
  referredTo: null,
  parties: null,
} as const satisfies Partial<IncomingCase>;

function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/[ \t]+/g, " ");
}

function usDate(raw: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  return m ? `${m[3]}-${m[1]!.padStart(2, "0")}-${m[2]!.padStart(2, "0")}` : null;
}

/** The calendar day of an instant in a zone ("2018-05-15T01:14:26+00:00" in New York → 2018-05-14). */
export function dayIn(instant: string, timeZone: string): string | null {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(ms));
}

function latest(dates: (string | null)[]): string | null {
  return (
    dates
      .filter((d): d is string => !!d)
      .sort()
      .at(-1) ?? null
  );
}

export function fromDocketReport(report: DocketReport, text: string): PacerBatch {
  const plain = plainText(text);
  const judge = (name: string, initials: string | null): IncomingJudge | null =>
    name.trim() ? { name: name.trim(), title: judgeTitleFrom(plain, name.trim()), initials } : null;
  const entries: IncomingEntry[] = report.docket_entries.map((e) => {
    const documents: IncomingDocument[] = [];
    if (e.page_count !== undefined || e.file_size_str !== undefined || e.attachments?.length) {
      documents.push({
        attachmentNumber: 0,
        description: null,
        pageCount: e.page_count ?? null,
        fileSizeText: blankToNull(e.file_size_str),
        pacerDocId: e.pacer_doc_id,
        pacerUrl: null,
      });
    }
    for (const a of e.attachments ?? []) {
      documents.push({
        attachmentNumber: a.attachment_number,
        description: blankToNull(a.description),
        pageCount: a.page_count,
        fileSizeText: blankToNull(a.file_size_str),
        pacerDocId: a.pacer_doc_id,
        pacerUrl: null,
      });
    }
    return {
      source: "pacer_docket",
      number: entryNumber(e.document_number, null),
      pacerDocId: e.pacer_doc_id,
      pacerSeqNo: e.pacer_seq_no,
      dateFiled: e.date_filed,
      dateEntered: e.date_entered,
      description: e.description,
      shortDescription: null,
      originalText: e.description,
      documents,
    };
  });
  const receipt = /Transaction\s+Receipt[\s\S]{0,200}?(\d{1,2}\/\d{1,2}\/\d{4})/i.exec(plain);
  const receiptDate = receipt ? usDate(receipt[1]!) : null;
  const fallback = latest(entries.flatMap((e) => [e.dateEntered, e.dateFiled]).concat(report.date_filed));
  const short = report.docket_number ?? "";
  return {
    kind: "docket",
    reportDate: receiptDate ?? fallback,
    reportDateBasis: receiptDate ? "receipt" : fallback ? "latest-entry" : null,
    cases: short
      ? [
          {
            ...caseNamed(short, report),
            pacerCaseId: null,
            dateFiled: report.date_filed,
            dateTerminated: report.date_terminated,
            cause: blankToNull(report.cause),
            jurisdiction: blankToNull(report.jurisdiction),
            natureOfSuit: blankToNull(report.nature_of_suit),
            assignedTo: judge(report.assigned_to_str, report.federal_dn_judge_initials_assigned),
            referredTo: judge(report.referred_to_str, report.federal_dn_judge_initials_referred),
            parties: report.parties.map((p) => ({
              name: p.name.trim(),
              role: p.type,
              extraInfo: p.extra_info,
              dateTerminated: p.date_terminated,
              attorneys: (p.attorneys ?? []).map((a) => ({ name: a.name.trim(), contact: a.contact, roles: a.roles })),
            })),
            entries,
          },
        ]
      : [],
  };
}

export function fromRssFeed(items: RssDocket[], text: string, timeZone: string): PacerBatch {
  const byNumber = new Map<string, IncomingCase>();
  for (const item of items) {
    const short = item.docket_number?.trim();
    if (!short) continue;
    let target = byNumber.get(short);
    if (!target) {
      target = { ...caseNamed(short, item), pacerCaseId: item.pacer_case_id, ...SAID_ONLY_BY_DOCKET_REPORTS, entries: [] };
      byNumber.set(short, target);
    }
    for (const e of item.docket_entries) {
      const docId = blankToNull(e.pacer_doc_id);
      target.entries.push({
        source: "rss",
        number: entryNumber(e.document_number, docId),
        pacerDocId: docId,
        pacerSeqNo: e.pacer_seq_no,
        // The feed's "date_filed" is the moment the clerk entered the filing, not the filing date.
        dateFiled: null,
        dateEntered: dayIn(e.date_filed, timeZone),
        description: null,
        shortDescription: blankToNull(e.short_description),
        originalText: e.short_description,
        documents: [],
      });
    }
  }
  const cases = [...byNumber.values()];
  // Feeds list the newest first; the docket reads oldest first.
  for (const c of cases) c.entries.reverse();
  const built = /<lastBuildDate>([^<]+)<\/lastBuildDate>/i.exec(text);
  const builtAt = built ? Date.parse(built[1]!.trim()) : Number.NaN;
  const builtDay = Number.isNaN(builtAt) ? null : dayIn(new Date(builtAt).toISOString(), timeZone);
  const feedDay = builtDay ?? latest(cases.flatMap((c) => c.entries.map((e) => e.dateEntered)));
  return { kind: "rss", reportDate: feedDay, reportDateBasis: feedDay ? "feed" : null, cases };
}

export function fromNef(notice: NefNotice, text: string): PacerBatch {
  const unwrapped = text.replace(/=\r?\n/g, "");
  const plain = plainText(unwrapped);
  // "The following transaction was entered [by Siddiqi, Omar] on 8/4/2022 at 4:06 PM EDT and filed on 8/4/2022"
  const entered = /\bentered\b[\s\S]{0,120}?\bon\s+(\d{1,2}\/\d{1,2}\/\d{4})/i.exec(plain);
  const enteredDay = entered ? usDate(entered[1]!) : null;
  const cases: IncomingCase[] = notice.dockets
    .filter((d) => d.docket_number)
    .map((d) => ({
      ...caseNamed(d.docket_number!, d),
      pacerCaseId: d.docket_entries.find((e) => e.pacer_case_id)?.pacer_case_id ?? null,
      ...SAID_ONLY_BY_DOCKET_REPORTS,
      entries: d.docket_entries.map((e) => ({
        source: "nef" as const,
        number: entryNumber(e.document_number, null),
        pacerDocId: e.pacer_doc_id,
        pacerSeqNo: e.pacer_seq_no,
        dateFiled: e.date_filed,
        dateEntered: enteredDay,
        description: blankToNull(e.description),
        shortDescription: blankToNull(e.short_description),
        originalText: e.description,
        documents: e.document_url
          ? [
              {
                attachmentNumber: 0,
                description: null,
                pageCount: null,
                fileSizeText: null,
                pacerDocId: e.pacer_doc_id,
                pacerUrl: e.document_url,
              },
            ]
          : [],
      })),
    }));
  const day = enteredDay ?? latest(cases.flatMap((c) => c.entries.map((e) => e.dateFiled)));
  return { kind: "nef", reportDate: day, reportDateBasis: day ? "notice" : null, cases };
}
