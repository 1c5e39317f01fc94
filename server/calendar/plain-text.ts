import { defaultTreeAdapter, parseFragment, type DefaultTreeAdapterMap } from "parse5";

type Node = DefaultTreeAdapterMap["node"];

// Elements whose content is code or data, never prose a reader should see.
const SILENT = new Set(["script", "style", "template", "noscript", "iframe", "object"]);

function textOf(node: Node, out: string[]): void {
  if (defaultTreeAdapter.isTextNode(node)) {
    out.push(node.value);
    return;
  }
  if (defaultTreeAdapter.isElementNode(node) && SILENT.has(node.tagName)) return;
  if (defaultTreeAdapter.isElementNode(node) && node.tagName === "br") out.push("\n");
  for (const child of defaultTreeAdapter.getChildNodes(node as DefaultTreeAdapterMap["parentNode"]) ?? []) textOf(child, out);
}

/**
 * Calendar text as plain words. Calendar apps (Google Calendar, Outlook) render an event's
 * description as HTML, so a tag typed into a title or a place would become a live link or
 * script in every subscriber's calendar: markup is read by an HTML parser and only its text
 * kept, as a reader of the page sees it. Control characters RFC 5545 does not allow in text
 * (all but tab and line feed) become spaces; CR LF and lone CRs become line feeds, which the
 * calendar library then escapes as `\n`.
 */
export function calendarText(text: string): string {
  const plain = /[<&]/.test(text) ? collect(text) : text;
  return plain.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
}

/** One line: a summary, a place, a calendar's name. Line breaks in them are typos or attacks. */
export function calendarLine(text: string): string {
  return calendarText(text).replace(/\s+/g, " ").trim();
}

function collect(html: string): string {
  const out: string[] = [];
  textOf(parseFragment(html), out);
  return out.join("");
}
