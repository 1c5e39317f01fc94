import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { toPublic, toPublicEntry } from "../privacy/projection";
import { paths } from "../paths";
import { publicFormOfRecord } from "../records/public-scope";
import { formatDay, viewDate } from "../shared/dates";
import { currentStatuses } from "./current-statuses";

/*
 * What a message says about an event, read when it is sent and only through the public
 * projection: an entry sealed, a case unpublished or a record held after its event was
 * queued yields no content, so nothing the public may not see is ever mailed or posted.
 */

export type AlertContent = {
  kind: s.AlertEventKind;
  /** One line: "New entry in Doe v. DHS (ECF No. 12)". */
  subject: string;
  /** The entry's text, the order's summary, the hearing's date and place, the status line. */
  text: string;
  /** Absolute link to the record on the public site. */
  url: string;
  case: { slug: string; caption: string; url: string } | null;
  subpoena: { slug: string; title: string; url: string } | null;
  /** The record's own date as the docket gives it ("September 19, 2025"), when it has one. */
  dateText: string | null;
  record: { type: string; id: number };
  status?: { from: { key: string; label: string; line: string } | null; to: { key: string; label: string; line: string } };
};

/** `send`: the content; `later`: not public yet (held for review, an unpublished case), try again; `drop`: never to be sent. */
export type ContentDecision =
  { action: "send"; content: AlertContent } | { action: "later"; reason: string } | { action: "drop"; reason: string };

type EventRow = typeof s.alertEvents.$inferSelect;

export function contentOf(db: Db, event: EventRow, publicUrl: string): ContentDecision {
  const abs = (path: string) => `${publicUrl}${path}`;
  const type = event.recordType as "entry" | "order" | "hearing" | "deadline" | "case" | "subpoena";
  // The projection's own decision (records/public-scope.ts): deleted or sealed is never sent; a
  // sealed entry's placeholder is no news; unpublished or held may still become public.
  const { form, cause } = publicFormOfRecord(db, type, event.recordId);
  if (form === "placeholder" || cause === "deleted" || cause === "sealed")
    return { action: "drop", reason: `the ${type} is no longer public (${cause})` };
  if (form === "hidden") return { action: "later", reason: `the ${type} is not public yet (${cause})` };

  const caseOf = (caseId: number | null) => {
    if (caseId === null) return null;
    const row = db.select().from(s.cases).where(eq(s.cases.id, caseId)).get();
    if (!row) return null;
    const kase = toPublic("case", row);
    return { slug: kase.slug, caption: kase.caption ?? kase.label, url: abs(paths.case(kase.slug)) };
  };
  const base = { kind: event.kind, record: { type, id: event.recordId }, subpoena: null };

  switch (event.kind) {
    case "entry": {
      const row = db.select().from(s.docketEntries).where(eq(s.docketEntries.id, event.recordId)).get();
      if (!row) return { action: "drop", reason: "the entry is gone" };
      if (row.sealed) return { action: "drop", reason: "the entry is sealed" };
      const entry = toPublicEntry(row);
      const kase = caseOf(entry.caseId);
      if (!kase) return { action: "drop", reason: "the entry's case is gone" };
      const number = entry.number !== null ? ` (ECF No. ${entry.number})` : "";
      return {
        action: "send",
        content: {
          ...base,
          subject: `New entry in ${kase.caption}${number}`,
          text: entry.description,
          url: abs(paths.entryPermalink(kase.slug, entry.id)),
          case: kase,
          dateText: entry.dateFiled ? formatDay(entry.dateFiled) : null,
        },
      };
    }
    case "order": {
      const row = db.select().from(s.orders).where(eq(s.orders.id, event.recordId)).get();
      if (!row) return { action: "drop", reason: "the order is gone" };
      const order = toPublic("order", row);
      const kase = caseOf(order.caseId);
      const date = viewDate({
        date: order.dateSigned,
        latest: order.dateSignedLatest,
        precision: order.dateSignedPrecision,
        label: order.dateSignedLabel,
      });
      return {
        action: "send",
        content: {
          ...base,
          subject: `New order${kase ? ` in ${kase.caption}` : ""}: ${order.title}`,
          text: [order.title, order.summary].filter(Boolean).join(" — "),
          url: abs(paths.order(order.slug)),
          case: kase,
          dateText: date.known ? date.text : null,
        },
      };
    }
    case "hearing": {
      const row = db.select().from(s.hearings).where(eq(s.hearings.id, event.recordId)).get();
      if (!row) return { action: "drop", reason: "the hearing is gone" };
      const hearing = toPublic("hearing", row);
      const kase = caseOf(hearing.caseId);
      const date = viewDate({ date: hearing.date, latest: hearing.dateLatest, precision: hearing.datePrecision, label: hearing.dateLabel });
      const when = [date.known ? date.text : "date not yet known", hearing.time, hearing.place].filter(Boolean).join(", ");
      return {
        action: "send",
        content: {
          ...base,
          subject: `Hearing set${kase ? ` in ${kase.caption}` : ""}: ${hearing.title}`,
          text: `${hearing.title} — ${when}`,
          url: abs(kase ? paths.case(kase.slug) : paths.calendar()),
          case: kase,
          dateText: date.known ? date.text : null,
        },
      };
    }
    case "deadline": {
      const row = db.select().from(s.deadlines).where(eq(s.deadlines.id, event.recordId)).get();
      if (!row) return { action: "drop", reason: "the deadline is gone" };
      const deadline = toPublic("deadline", row);
      const kase = caseOf(deadline.caseId);
      return {
        action: "send",
        content: {
          ...base,
          subject: `Deadline${kase ? ` in ${kase.caption}` : ""}: ${deadline.label}`,
          text: `${deadline.label} — due ${formatDay(deadline.dateDue)}${deadline.ruleCitation ? ` (${deadline.ruleCitation})` : ""}`,
          url: abs(kase ? paths.deadline(kase.slug, deadline.id) : paths.calendar()),
          case: kase,
          dateText: formatDay(deadline.dateDue),
        },
      };
    }
    case "status":
      return statusContent(db, event, abs);
  }
}

function statusContent(db: Db, event: EventRow, abs: (path: string) => string): ContentDecision {
  const detail = JSON.parse(event.detail ?? "{}") as AlertContent["status"];
  if (!detail?.to) return { action: "drop", reason: "the status change has no detail" };
  // The change must still be what the public record shows: a status that rested on a record
  // sealed or held since has changed again, and the line it rested on is not sent.
  const now = currentStatuses(db).find((l) => l.subject === event.recordType && l.subjectId === event.recordId);
  if (!now) return { action: "drop", reason: "the record is no longer public" };
  if (now.line !== detail.to.line && !laterStatusEvent(db, event))
    return { action: "drop", reason: "the status it announced is no longer on the public record" };
  let subject: string;
  let url: string;
  let kase: AlertContent["case"] = null;
  let subpoena: AlertContent["subpoena"] = null;
  if (event.recordType === "subpoena") {
    const row = db.select().from(s.subpoenas).where(eq(s.subpoenas.id, event.recordId)).get()!;
    const sp = toPublic("subpoena", row);
    url = abs(paths.subpoena(sp.slug));
    subpoena = { slug: sp.slug, title: sp.title, url };
    subject = `Status changed: ${sp.title} — ${detail.to.label}`;
  } else {
    const row = db.select().from(s.cases).where(eq(s.cases.id, event.recordId)).get()!;
    const c = toPublic("case", row);
    url = abs(paths.case(c.slug));
    kase = { slug: c.slug, caption: c.caption ?? c.label, url };
    subject = `Status changed: ${kase.caption} — ${detail.to.label}`;
  }
  const text = detail.from ? `${detail.to.line} (was: ${detail.from.line})` : detail.to.line;
  return {
    action: "send",
    content: {
      kind: "status",
      subject,
      text,
      url,
      case: kase,
      subpoena,
      dateText: null,
      record: { type: event.recordType, id: event.recordId },
      status: detail,
    },
  };
}

function laterStatusEvent(db: Db, event: EventRow): boolean {
  const later = db
    .select({ id: s.alertEvents.id, recordType: s.alertEvents.recordType, recordId: s.alertEvents.recordId })
    .from(s.alertEvents)
    .where(eq(s.alertEvents.kind, "status"))
    .all();
  return later.some((e) => e.id > event.id && e.recordType === event.recordType && e.recordId === event.recordId);
}
