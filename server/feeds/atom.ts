import { createHash } from "node:crypto";
import { Feed } from "feed";
import { paths } from "../paths";
import { formatDocketDate, viewDate } from "../shared/dates";
import { ENTRY_SOURCE_PHRASES, EVENT_KIND_LABELS, label } from "../shared/labels";
import { RELIABILITY_LABELS, type Citation } from "../sources/markers";
import type { FeedRecord, StatusFeedRecord } from "./loaders";
import { PRECISION_WORDS } from "../status/history-view";

export type FeedMeta = {
  title: string;
  description: string;
  selfPath: string;
  htmlPath: string;
  publicUrl: string;
  /** The feed's `updated` when it has no entries: when what it is about last changed. */
  emptyUpdated: string;
};

/**
 * Who writes the feed and its entries (RFC 4287 requires an author on every entry or its feed;
 * both carry one, since readers show entries away from their feed). The tracker's editors
 * write the words; the sources they rely on are listed in each entry.
 */
const author = (publicUrl: string) => ({ name: "Quash", link: publicUrl });

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * An entry title, which the feed library sends as `type="html"`: only what HTML needs escaped
 * in text (&, <, >) is, so a reader that shows the title without decoding it (many do) still
 * reads "operator's", never "operator&#39;s".
 */
const escapeTitle = (text: string) => text.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);

/** Sources in words, so a quoted feed item carries its provenance with it. */
function sourcesHtml(citations: Citation[], publicUrl: string): string {
  const seen = new Set<string>();
  const items = citations
    .filter((c) => !seen.has(c.source.tag) && seen.add(c.source.tag))
    .map((c) => {
      const href = `${publicUrl}${paths.source(c.source.tag)}`;
      const checked = c.verifiedAgainstDocket ? "checked against the docket" : "not checked against the docket";
      const inferred = c.inferred ? `; inferred: ${escapeHtml(c.inferredReason ?? "see source")}` : "";
      return `<li><a href="${href}">${escapeHtml(c.source.tag)}</a> ${escapeHtml(c.source.publisher ?? c.source.title)} (${RELIABILITY_LABELS[c.source.reliability]}; ${checked}${inferred})</li>`;
    });
  return items.length ? `<p>Sources:</p><ul>${items.join("")}</ul>` : "";
}

/**
 * An entry's instants are the record's own, not the fact's: `published` when it entered the
 * tracker, `updated` when it last changed (a correction moves it; readers show it as new). The
 * fact's date, often known only to the month ("November 2025"), stays in the entry's words
 * at the precision the record has; as an Atom date it would read as a precise day.
 */
function stamps(record: FeedRecord, publicUrl: string) {
  return { published: new Date(record.recordedAt), date: new Date(record.changedAt), author: [author(publicUrl)] };
}

/**
 * One feed entry. The feed library writes an entry's title as `type="html"`, so the title is
 * escaped like the content: a caption or event title holding markup must reach readers as text.
 */
function itemOf(record: FeedRecord, publicUrl: string) {
  if (record.kind === "status") return statusItemOf(record, publicUrl);
  const caseTitle = record.case ? (record.case.caption ?? record.case.label) : null;
  if (record.kind === "entry") {
    const e = record.entry;
    const link = `${publicUrl}${paths.case(record.case.slug)}/entries/${e.id}`;
    const heading = `${e.number ? `ECF No. ${e.number}` : "Docket entry"} (filed ${formatDocketDate(e.dateFiled)})`;
    return {
      id: link,
      link,
      title: escapeTitle(`${caseTitle}: ${e.sealed ? "SEALED" : heading}`),
      ...stamps(record, publicUrl),
      content: [
        `<p>${escapeHtml(e.sealed ? "SEALED" : e.description)}</p>`,
        `<p>${escapeHtml(heading)}; ${escapeHtml(label(ENTRY_SOURCE_PHRASES, e.source))}.</p>`,
        sourcesHtml(record.citations, publicUrl),
      ].join(""),
    };
  }
  const ev = record.event;
  const when = viewDate({ date: ev.date, latest: ev.dateLatest, precision: ev.datePrecision, label: ev.dateLabel });
  // The entry's id stays the address it was first published under (an Atom id never changes,
  // or readers show the entry again as new); its link is the event's own page.
  const id = `${publicUrl}${paths.timeline()}#event-${ev.slug}`;
  return {
    id,
    link: `${publicUrl}${paths.event(ev.slug)}`,
    title: escapeTitle(`${ev.title}${caseTitle ? ` (${caseTitle})` : ""}`),
    ...stamps(record, publicUrl),
    content: [
      ev.description ? `<p>${escapeHtml(ev.description)}</p>` : "",
      `<p>${escapeHtml(label(EVENT_KIND_LABELS, ev.kind))}, ${escapeHtml(when.text)}${when.exact ? "" : " (date not known to the day)"}.</p>`,
      sourcesHtml(record.citations, publicUrl),
    ].join(""),
  };
}

/** A step of a status history: "Status: Withdrawn (November 2025)", the line, the date's precision, its sources. */
function statusItemOf(record: StatusFeedRecord, publicUrl: string) {
  const { step, subject } = record;
  const page = subject.type === "subpoena" ? paths.subpoena(subject.slug) : paths.case(subject.slug);
  // Keyed by the step's words, so a step keeps its id when an earlier one is added.
  const id = `${publicUrl}${page}#status-${createHash("sha1").update(`${step.key}\n${step.line}`).digest("hex").slice(0, 12)}`;
  const when = step.date.known ? step.date.text : "date not on the record";
  return {
    id,
    link: `${publicUrl}${page}#status-history-heading`,
    title: escapeTitle(`${subject.title}: ${step.label} (${when})`),
    ...stamps(record, publicUrl),
    content: [
      `<p>${escapeHtml(step.line)}</p>`,
      step.date.known
        ? `<p>Status change, ${escapeHtml(when)} (${escapeHtml(PRECISION_WORDS[step.precision])}${step.inferred ? "; date inferred" : ""}).</p>`
        : "<p>Status change; its date is not on the record.</p>",
      sourcesHtml(record.citations, publicUrl),
    ].join(""),
  };
}

/** An Atom 1.0 document of the records, newest first. */
export function toAtom(records: FeedRecord[], meta: FeedMeta): string {
  const items = records.map((r) => itemOf(r, meta.publicUrl));
  const feed = new Feed({
    id: `${meta.publicUrl}${meta.selfPath}`,
    title: meta.title,
    description: meta.description,
    link: `${meta.publicUrl}${meta.htmlPath}`,
    feedLinks: { atom: `${meta.publicUrl}${meta.selfPath}` },
    language: "en",
    updated: new Date(Math.max(...items.map((i) => i.date.getTime()), items.length ? 0 : new Date(meta.emptyUpdated).getTime())),
    author: author(meta.publicUrl),
    generator: "Quash",
    copyright: "Public court records and cited press reports",
  });
  for (const item of items) feed.addItem(item);
  return feed.atom1();
}
