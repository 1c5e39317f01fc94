import { findDocketNumber, isBankruptcyCourt, NO_DOCKET_NUMBER_PARTS } from "./docket-number";
import { parseHtml, type Element, type HtmlPage } from "./dom";
import { parsePacerDate } from "./dates";
import {
  appellateCaseNumber,
  appellateDocketTextAfter,
  appellateFooterDescription,
  caseLinkOf,
  caseNumberTexts,
  caseTables,
  docketNumberOf,
  docketTextAfter,
  documentLinkOf,
  documentNumberOf,
  hasAttachmentList,
  rawCaseName,
  recipientsText,
} from "./nef-html";
import {
  plainCaseNames,
  plainCaseNumbers,
  plainCaseUrl,
  plainDocketText,
  plainDocumentNumber,
  plainDocumentUrl,
  plainHasAttachments,
  plainRecipients,
} from "./nef-plain";
import { recipientsFromText } from "./nef-recipients";
import { shortDescription, type SubjectContext } from "./nef-subject";
import { caseIdFromDoc1Url, caseIdFromNonceUrl, docIdFromDoc1Url, magicNumFromDoc1Url, seqNoFromDoc1Url } from "./pacer-ids";
import { cleanString, harmonize } from "./strings";
import type { NefDocket, NefDocketEntry, NefNotice, NotUsable } from "./types";
import { cleanHtml, findRejection, NEF_REJECTIONS } from "./validity";

/**
 * A Notice of Electronic Filing, parsed as juriscraper's `NotificationEmail` does, from its
 * body: HTML (the usual CM/ECF layout) or plain text. `nef-mime.ts` extracts the body and the
 * Subject from a whole e-mail; `index.ts` decides which of the two the caller handed us.
 */

export type NefBody = {
  text: string;
  contentType: "text/html" | "text/plain";
  /** The e-mail Subject; null for a bare HTML body (then every short description is ""). */
  subject: string | null;
  /** Mails carrying an image are not filing notices the reference accepts. */
  imageAttached: boolean;
};

export type NefReading = { result: NefNotice | NotUsable; reason: string | null };

/** Thrown inside the reader for a notice that lacks a part the output needs. */
class UnusableNotice extends Error {}

type Reader = {
  page: HtmlPage;
  appellate: boolean;
  subject: string | null;
  ctx: SubjectContext;
  dateFiled: string | null;
};

export function readNefBody(body: NefBody, courtId: string): NefReading {
  if (body.imageAttached) return { result: {}, reason: "the e-mail carries an image (not a filing notice the reference accepts)" };
  const text = cleanHtml(body.text);
  const rejection = findRejection(text, NEF_REJECTIONS);
  if (rejection) return { result: {}, reason: rejection };
  // Plain-text notices are also read through the HTML parser (they may hold <b> tags).
  const page = parseHtml(text);
  const fullText = page.textOf(page.root);
  if (!/filed\son\s/.test(cleanString(fullText)) && !fullText.includes("Case Name:")) {
    return { result: {}, reason: 'it is not a Notice of Electronic Filing (no "Case Name:" or "filed on")' };
  }
  const appellate = fullText.includes("Notice of Docket Activity");
  const tables = caseTables(page);
  const plain = body.contentType === "text/plain";
  const acms = tables.length === 0 && page.within(page.root, "strong").filter((s) => page.textOf(s).includes("Case Name:")).length === 1;
  // The reference reads neither of these (ACMS's div layout, several cases in one appellate
  // notice) into anything it has tests for; turning them down is safer than guessing.
  if (acms) return { result: {}, reason: "appellate ACMS notices are not supported" };
  if (appellate && (plain || tables.length > 1)) {
    return { result: {}, reason: "this layout of appellate notice (plain text, or several cases) is not supported" };
  }
  const reader: Reader = {
    page,
    appellate,
    subject: body.subject,
    ctx: {
      courtId,
      bankruptcy: isBankruptcyCourt(courtId),
      appellateFooter: appellate ? appellateFooterDescription(page) : null,
      caseNames: [],
      docketNumbers: [],
      rawDocketNumbers: new Set(),
    },
    dateFiled: dateFiledOf(fullText),
  };
  try {
    const dockets = plain ? [plainDocket(reader, fullText)] : tables.map((table) => htmlDocket(reader, table));
    if (dockets.length === 0) return { result: {}, reason: "it is not a Notice of Electronic Filing (no case table)" };
    if (dockets.length > 1) {
      // In multi-case notices the Subject describes the first case's entry; all get it.
      const description = shortDescription(reader.subject, reader.ctx);
      for (const docket of dockets) if (docket.docket_entries[0]) docket.docket_entries[0].short_description = description;
    }
    const notice: NefNotice = {
      court_id: courtId,
      appellate,
      acms: false,
      dockets,
      contains_attachments: plain ? plainHasAttachments(fullText) : hasAttachmentList(page),
      email_recipients: plain ? plainRecipients(fullText) : recipientsFromText(recipientsText(page, appellate), reader.ctx.docketNumbers),
    };
    return { result: notice, reason: null };
  } catch (error) {
    if (error instanceof UnusableNotice) return { result: {}, reason: error.message };
    throw error;
  }
}

/** "…and filed on 8/9/2021" in the notice's opening sentence. */
function dateFiledOf(text: string): string | null {
  const m = /filed\son\s([\d|/]*)/.exec(cleanString(text));
  return m ? parsePacerDate(m[1]!) : null;
}

function htmlDocket(reader: Reader, table: Element): NefDocket {
  const { ctx, page, appellate } = reader;
  const { docketNumber, parts } = appellate
    ? { docketNumber: appellateCaseNumber(page, table), parts: { ...NO_DOCKET_NUMBER_PARTS } }
    : docketNumberOf(caseNumberTexts(page, table), ctx.bankruptcy, ctx.rawDocketNumbers);
  ctx.docketNumbers.push(docketNumber);
  const caseName = noteCaseName(ctx, rawCaseName(page, table));
  const shortDesc = shortDescription(reader.subject, ctx);
  const description = appellate ? appellateDocketTextAfter(page, table) : docketTextAfter(page, table);
  if (description === null) throw new UnusableNotice('the notice has no readable "Docket Text:"');
  const entry = buildEntry(reader, {
    description,
    shortDesc,
    documentUrl: documentLinkOf(page, table, appellate),
    // Appellate notices have no document number.
    documentNumber: appellate ? null : (documentNumberOf(page, table) ?? null),
    caseUrl: caseLinkOf(page, table),
  });
  return { case_name: caseName, docket_number: docketNumber, date_filed: null, docket_entries: [entry], ...parts };
}

function plainDocket(reader: Reader, text: string): NefDocket {
  const { ctx } = reader;
  const numbers = plainCaseNumbers(text);
  for (const n of numbers) ctx.rawDocketNumbers.add(n);
  const { docketNumber, parts } = numbers.length
    ? findDocketNumber(numbers, ctx.bankruptcy ? "bankruptcy" : "district", true)
    : { docketNumber: null, parts: { ...NO_DOCKET_NUMBER_PARTS } };
  ctx.docketNumbers.push(docketNumber);
  const names = plainCaseNames(text);
  if (names.length > 1) throw new UnusableNotice("plain-text notices listing several cases are not supported");
  const caseName = noteCaseName(ctx, names[0] ?? "Unknown Case Title");
  const shortDesc = shortDescription(reader.subject, ctx);
  const description = plainDocketText(text);
  if (description === null) throw new UnusableNotice('the notice has no readable "Docket Text:"');
  const entry = buildEntry(reader, {
    description,
    shortDesc,
    documentUrl: plainDocumentUrl(text),
    documentNumber: plainDocumentNumber(text),
    caseUrl: plainCaseUrl(text),
  });
  return { case_name: caseName, docket_number: docketNumber, date_filed: null, docket_entries: [entry], ...parts };
}

/** Remembers the printed name (the Subject quotes it) and returns the harmonised one. */
function noteCaseName(ctx: SubjectContext, raw: string): string {
  ctx.caseNames.push(cleanString(raw));
  return cleanString(harmonize(raw));
}

type EntryParts = {
  description: string;
  shortDesc: string;
  documentUrl: string | null;
  documentNumber: string | null;
  caseUrl: string | null;
};

function buildEntry(reader: Reader, p: EntryParts): NefDocketEntry {
  const url = p.documentUrl === null ? null : absoluteLink(p.documentUrl, reader.ctx.courtId);
  const entry: NefDocketEntry = {
    date_filed: reader.dateFiled,
    description: p.description,
    short_description: p.shortDesc,
    document_url: url,
    // "doc" stands where a number should be on some entries; it is not one.
    document_number: p.documentNumber === "doc" ? null : p.documentNumber,
    pacer_doc_id: null,
    pacer_case_id: null,
    pacer_seq_no: null,
    pacer_magic_num: null,
  };
  if (url !== null) {
    entry.pacer_doc_id = docIdFromDoc1Url(url);
    entry.pacer_magic_num = magicNumFromDoc1Url(url, reader.appellate);
    if (!reader.appellate) {
      entry.pacer_case_id = caseIdFromDoc1Url(url);
      entry.pacer_seq_no = seqNoFromDoc1Url(url);
    }
  }
  if (!entry.pacer_case_id && p.caseUrl) {
    entry.pacer_case_id = reader.appellate ? (/caseId=(\d+)/.exec(p.caseUrl)?.[1] ?? null) : caseIdFromNonceUrl(p.caseUrl);
  }
  return entry;
}

/** Links are read as absolute URLs without a #fragment, relative ones against the court's site. */
function absoluteLink(href: string, courtId: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return href.split("#")[0]!;
  try {
    return new URL(href, `https://ecf.${courtId}.uscourts.gov/`).toString().split("#")[0]!;
  } catch {
    return href;
  }
}
