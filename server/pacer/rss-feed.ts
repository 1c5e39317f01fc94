import type { Element } from "domhandler";
import { parseRssDateTime } from "./dates";
import { findDocketNumber, isAppellateCourt, isBankruptcyCourt, type CourtKind } from "./docket-number";
import { assertParsableText } from "./errors";
import { descriptionLinks, documentNumberOf, documentUrlOf } from "./rss-description";
import { caseIdFromNonceUrl, docIdFromDoc1Url, seqNoFromDoc1Url } from "./pacer-ids";
import { cleanCourtString, cleanString, harmonize, pyStrip } from "./strings";
import type { NotUsable, RssDocket, RssDocketEntry } from "./types";
import { childElements, contentMarkup, decodeHtmlEntities, parseXml, textOf } from "./xml";

/**
 * A court's RSS feed of recent docket entries, parsed as juriscraper's `PacerRssFeed` does:
 * one docket-like object per item, with a single entry. Items that are one filing entered
 * under several event types (same case, time and document) are merged, their short
 * descriptions sorted and joined with " AND ".
 *
 * Returns `{}` when the input is not an RSS feed. Throws `PacerInputError` for a `pubDate` in a
 * time zone outside the US list (its offset cannot be known) and for oversized input.
 */
export function parseRssFeed(xml: string, courtId: string): RssDocket[] | NotUsable {
  assertParsableText(xml, "the RSS feed");
  return readRssFeed(xml, courtId).result;
}

export type RssReading = { result: RssDocket[] | NotUsable; reason: string | null };

export function readRssFeed(xml: string, courtId: string): RssReading {
  const rss = childElements(parseXml(xml), "rss")[0];
  const channel = rss && childElements(rss, "channel")[0];
  if (!channel) {
    return { result: {}, reason: "it is not an RSS feed (no <rss><channel>)" };
  }
  // The XML parser closes what a cut-off download leaves open; its last items would be lost.
  // What may follow `</rss>` (a server's timing comment, stray bytes) does not matter.
  if (!/<\/rss\s*>/i.test(xml.slice(-4096))) {
    return { result: {}, reason: "the feed is truncated (it does not end with </rss>)" };
  }
  const kind: CourtKind = isAppellateCourt(courtId) ? "appellate" : isBankruptcyCourt(courtId) ? "bankruptcy" : "district";
  const dockets: RssDocket[] = [];
  const byFiling = new Map<string, RssDocket>();
  for (const item of childElements(channel, "item")) {
    const read = readItem(item, courtId, kind);
    if (read) appendOrMerge(dockets, byFiling, read);
  }
  return { result: dockets, reason: null };
}

type MergeableDocket = { docket: RssDocket; epochMs: number };

function field(item: Element, name: string): string | undefined {
  const el = childElements(item, name)[0];
  return el === undefined ? undefined : pyStrip(name === "description" ? contentMarkup(el) : textOf(el));
}

// The item description is entity-encoded HTML: `[Short description] (<a href="…/doc1/…">12</a>)`.
const SHORT_DESCRIPTION = /\[(.*?)\]/;
// "Type: bk Office: 1 Chapter: 11 Trustee: Doe, Jane [Objection] (…)"
const BANKRUPTCY_FIELDS = /^Type:(.*?)Office:(.*?)Chapter:(.*?)(Trustee:(.*?))?\[/;

function firstCapture(pattern: RegExp, text: string): string {
  return pattern.exec(text)?.[1] ?? "";
}

function readItem(item: Element, courtId: string, kind: CourtKind): MergeableDocket | null {
  const title = field(item, "title");
  const link = field(item, "link");
  const summary = field(item, "description");
  const published = field(item, "pubDate");
  // The reference skips items that lack any of these.
  if (title === undefined || link === undefined || summary === undefined || published === undefined) return null;

  let bankruptcyFields = { type: "", office: "", chapter: "", trustee_str: "" };
  if (kind === "bankruptcy") {
    const m = BANKRUPTCY_FIELDS.exec(summary);
    if (!m) return null;
    bankruptcyFields = { type: m[1]!, office: m[2]!, chapter: m[3]!, trustee_str: m[5] ?? "" };
  }
  const { docketNumber, parts } = findDocketNumber([title], kind);
  if (!docketNumber) return null;

  const date = parseRssDateTime(published);
  const links = descriptionLinks(summary);
  const entry: RssDocketEntry = {
    date_filed: date.iso,
    description: "",
    document_number: documentNumberOf(links),
    short_description: decodeHtmlEntities(firstCapture(SHORT_DESCRIPTION, summary)),
    pacer_doc_id: "",
    pacer_seq_no: null,
  };
  const doc1 = documentUrlOf(links, "doc1");
  const docs1 = documentUrlOf(links, "docs1");
  if (doc1) {
    entry.pacer_doc_id = docIdFromDoc1Url(doc1) ?? "";
    entry.pacer_seq_no = seqNoFromDoc1Url(doc1);
  } else if (docs1) {
    entry.pacer_doc_id = docIdFromDoc1Url(docs1) ?? "";
  }
  // Appellate entries often have no number: the document id stands in for it.
  if (kind === "appellate" && !entry.document_number && entry.pacer_doc_id) entry.document_number = entry.pacer_doc_id;

  const clean = cleanCourtString;
  const docket: RssDocket = {
    court_id: courtId,
    pacer_case_id: kind === "appellate" ? null : caseIdFromNonceUrl(link),
    docket_number: clean(docketNumber),
    case_name: clean(caseName(title)),
    date_filed: null,
    date_terminated: null,
    date_converted: null,
    date_discharged: null,
    assigned_to_str: "",
    referred_to_str: "",
    cause: "",
    nature_of_suit: "",
    jury_demand: "",
    demand: "",
    jurisdiction: "",
    trustee_str: clean(bankruptcyFields.trustee_str),
    type: clean(bankruptcyFields.type),
    office: clean(bankruptcyFields.office),
    chapter: clean(bankruptcyFields.chapter),
    ...parts,
    parties: null,
    docket_entries: [entry],
  };
  return { docket, epochMs: date.epochMs };
}

/** "1:18-cv-04423 Chau v. Gorg &amp; Smith et al" → "Chau v. Gorg & Smith". */
function caseName(title: string): string {
  const space = title.indexOf(" ");
  if (space === -1) return "Unknown Case Title";
  return cleanString(harmonize(decodeHtmlEntities(title.slice(space + 1))));
}

/**
 * One filing entered under several event types appears as several items (same docket, case id,
 * time and document): merge them into the first, joining the short descriptions in sorted order.
 */
function appendOrMerge(dockets: RssDocket[], byFiling: Map<string, RssDocket>, incoming: MergeableDocket): void {
  const { docket, epochMs } = incoming;
  const newEntry = docket.docket_entries[0];
  const key = JSON.stringify([docket.docket_number, docket.pacer_case_id, epochMs, newEntry.pacer_doc_id]);
  const known = byFiling.get(key);
  if (!known) {
    byFiling.set(key, docket);
    dockets.push(docket);
    return;
  }
  const entry = known.docket_entries[0];
  const descriptions = entry.short_description.split("AND").map(pyStrip);
  descriptions.push(newEntry.short_description);
  entry.short_description = descriptions.sort().join(" AND ");
}
