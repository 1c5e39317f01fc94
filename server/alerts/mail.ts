import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Handlebars from "handlebars";
import type { AlertContent } from "./content";

/*
 * The messages alerts send, each with a plain-text and an HTML part (Handlebars escapes the
 * HTML; the text part is the same words). Every alert carries RFC 8058 one-click unsubscribe
 * headers and links to see or cancel every alert of the address.
 */

const MAIL_VIEWS = resolve(import.meta.dirname, "../../views");
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function render(template: "alerts-mail/message.hbs" | "alerts-mail/confirm.hbs", data: object): string {
  let fn = compiled.get(template);
  if (!fn) compiled.set(template, (fn = Handlebars.compile(readFileSync(join(MAIL_VIEWS, template), "utf8"))));
  return fn(data);
}

export type OutgoingMail = { subject: string; text: string; html: string; headers: Record<string, string> };

export type AlertLinks = { manageUrl: string; unsubscribeUrl: string };

const FOOTER = "You get this because you asked Quash for alerts. Only what the public docket shows is ever sent.";

/** One alert (immediate) or the day's alerts of one subscription (digest). */
export function alertMail(
  items: AlertContent[],
  options: AlertLinks & { what: string; note: string | null; digest: boolean },
): OutgoingMail {
  const subject = options.digest
    ? `Daily digest: ${items.length} ${items.length === 1 ? "update" : "updates"} on ${options.what}`
    : items[0]!.subject;
  const intro = options.digest
    ? `${items.length} ${items.length === 1 ? "update" : "updates"} on ${options.what} since the last digest:`
    : null;
  const textItems = items.map((c) =>
    [c.subject, c.dateText, c.text, c.url, c.case && c.case.url !== c.url ? `Docket: ${c.case.caption} ${c.case.url}` : null]
      .filter(Boolean)
      .join("\n"),
  );
  const text = [
    ...(intro ? [intro, ""] : []),
    textItems.join("\n\n"),
    "",
    ...(options.note ? [`Your note: ${options.note}`, ""] : []),
    "-- ",
    FOOTER,
    `See or cancel your alerts: ${options.manageUrl}`,
    `Unsubscribe from this alert: ${options.unsubscribeUrl}`,
  ].join("\n");
  const html = render("alerts-mail/message.hbs", {
    subject,
    intro,
    note: options.note,
    footer: FOOTER,
    manageUrl: options.manageUrl,
    unsubscribeUrl: options.unsubscribeUrl,
    items: items.map((c) => ({
      subject: c.subject,
      dateText: c.dateText,
      text: c.text,
      url: c.url,
      caseUrl: c.case && c.case.url !== c.url ? c.case.url : null,
      caseCaption: c.case?.caption,
    })),
  });
  return {
    subject,
    text,
    html,
    headers: {
      // RFC 8058: a mail client may POST "List-Unsubscribe=One-Click" to the URL, no page to fill in.
      "List-Unsubscribe": `<${options.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Auto-Submitted": "auto-generated",
    },
  };
}

/** The double opt-in message: nothing is sent to the address until its link is followed. */
export function confirmMail(options: { what: string; frequency: string; confirmUrl: string }): OutgoingMail {
  const subject = `Confirm your Quash alert: ${options.what}`;
  const text = [
    `Someone (we hope you) asked Quash to send alerts to this address: ${options.what}, ${options.frequency}.`,
    "",
    `Confirm this alert: ${options.confirmUrl}`,
    "",
    "If you did not ask for it, ignore this message: nothing will be sent until the link is followed.",
  ].join("\n");
  return {
    subject,
    text,
    html: render("alerts-mail/confirm.hbs", { ...options, subject }),
    headers: { "Auto-Submitted": "auto-generated" },
  };
}
