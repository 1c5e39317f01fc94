import { load } from "cheerio";
import type { AnyNode, Document, Element } from "domhandler";

/**
 * XML (the court RSS feeds): parsed by cheerio's XML mode (htmlparser2), without any HTML rules,
 * into domhandler nodes, and the few helpers the feed parser reads them with. HTML entity
 * decoding for the feeds' entity-encoded descriptions lives here too.
 */

/** Parses XML (RSS) without any HTML rules. */
export function parseXml(xml: string): Document {
  return load(xml, { xml: true }).root().get(0) as Document;
}

const SIMPLE_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
const SIMPLE_REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));/g;

/**
 * Decodes HTML character references in a piece of text (`&amp;`, `&#039;`, `&nbsp;`…) the
 * way a browser does, without treating `<` as markup. The references PACER uses are decoded
 * directly; anything rarer (other named references, a missing ";", code points HTML remaps)
 * goes through the HTML parser, which knows the whole table.
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  if (/&[#a-zA-Z]/.test(text.replace(SIMPLE_REFERENCE, ""))) return decodeWithParser(text);
  let unusual = false;
  const decoded = text.replace(SIMPLE_REFERENCE, (_m, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return SIMPLE_ENTITIES[name]!;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
    if (code === 0 || (code >= 0x80 && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) {
      unusual = true;
      return "";
    }
    return String.fromCodePoint(code);
  });
  return unusual ? decodeWithParser(text) : decoded;
}

function decodeWithParser(text: string): string {
  return load(text.replaceAll("<", "&lt;"), null, false).root().text();
}

/** XPath's string-value: all descendant text (CDATA included), comments excluded. */
export function textOf(node: AnyNode): string {
  if (node.type === "text") return node.data;
  if (!("children" in node)) return "";
  let out = "";
  for (const child of node.children) out += textOf(child);
  return out;
}

/**
 * Element children named `name`, whatever the case of their name: the reference's feed parser
 * (feedparser) lower-cases element names, so `<PUBDATE>` or `<pubdate>` is its `pubDate`.
 */
export function childElements(node: AnyNode, name: string): Element[] {
  if (!("children" in node)) return [];
  const wanted = name.toLowerCase();
  const out: Element[] = [];
  for (const child of node.children) {
    const element = child.type === "tag" || child.type === "script" || child.type === "style";
    if (element && (child.name === name || child.name.toLowerCase() === wanted)) out.push(child);
  }
  return out;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * An element's content as HTML source. A description is normally escaped HTML, whose text is
 * the markup (`textOf`); written as child elements instead, it is turned back into markup, as
 * the reference's feed parser (feedparser) does with "inline" content: tags and double-quoted
 * attributes, text escaped.
 */
export function contentMarkup(node: Element): string {
  if (!node.children.some((child) => child.type === "tag")) return textOf(node);
  let out = "";
  for (const child of node.children) {
    if (child.type === "text") out += escapeText(child.data);
    else if (child.type === "cdata") out += textOf(child);
    else if (child.type === "tag") {
      const attrs = Object.entries(child.attribs).map(
        ([name, value]) => ` ${name.toLowerCase()}="${escapeText(value).replace(/"/g, "&quot;")}"`,
      );
      out += `<${child.name.toLowerCase()}${attrs.join("")}>${contentMarkup(child)}</${child.name.toLowerCase()}>`;
    }
  }
  return out;
}
