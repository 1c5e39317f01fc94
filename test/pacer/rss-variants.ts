import type { Variant } from "./variants";

/**
 * Rewritings of a court RSS feed that leave every item's content as it was: another layout of
 * whitespace between elements, CRLF, another way of escaping the item description (CDATA, named
 * or numeric references), another order of an item's children, an XML declaration in UTF-8 or
 * none. Written with patterns, not with an XML parser.
 */

const ITEM = /<item\b[^>]*>([\s\S]*?)<\/item\s*>/g;
const CHILD = /<([A-Za-z][\w:.-]*)\b[^>]*>[\s\S]*?<\/\1\s*>|<[A-Za-z][^>]*\/>|<!--[\s\S]*?-->/g;

function mapItems(xml: string, rewrite: (body: string) => string): string {
  return xml.replace(ITEM, (whole, body: string) => whole.replace(body, () => rewrite(body)));
}

/** XML character references and the five named ones, decoded. */
function decodeXml(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g, (_m, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[name as "amp"];
    return String.fromCodePoint(dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16));
  });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Rewrites each item's description as the HTML it stands for (`rewrite`), then writes it back
 * into the XML (`write`: escaped with named references unless told otherwise).
 */
function mapDescriptions(xml: string, rewrite: (html: string) => string, write: (html: string) => string = escapeXml): string {
  return mapItems(xml, (body) =>
    body.replace(
      /(<description\b[^>]*>)([\s\S]*?)(<\/description\s*>)/,
      (_m, open: string, inner: string, close: string) => open + write(rewrite(decodeXml(inner))) + close,
    ),
  );
}

export const compactItems: Variant = {
  name: "items written on one line",
  apply: (xml) => mapItems(xml, (body) => body.replace(/>\s+</g, "><").trim()).replace(/<\/item>\s+<item>/g, "</item><item>"),
};

export const indentedItems: Variant = {
  name: "item children on indented lines",
  apply: (xml) => mapItems(xml, (body) => `\n${(body.match(CHILD) ?? []).map((child) => `\t\t${child}`).join("\n")}\n\t`),
};

export const reorderedItems: Variant = {
  name: "item children in reverse order",
  apply: (xml) => mapItems(xml, (body) => `\n${(body.match(CHILD) ?? []).reverse().join("\n")}\n`),
};

/** The feed's element names in upper case (the reference's feed parser lower-cases them). */
export const upperCaseElements: Variant = {
  name: "element names in upper case",
  apply: (xml) => xml.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s>/])/g, (_m, slash: string, name: string) => `<${slash}${name.toUpperCase()}`),
};

export const crlfFeed: Variant = {
  name: "CRLF line endings",
  apply: (xml) => xml.replace(/\r?\n/g, "\r\n"),
};

export const cdataDescriptions: Variant = {
  name: "descriptions in CDATA sections",
  apply: (xml) =>
    mapDescriptions(
      xml,
      (html) => html,
      (html) => (html.includes("]]>") ? escapeXml(html) : `<![CDATA[${html}]]>`),
    ),
};

export const namedReferences: Variant = {
  name: "descriptions escaped with &lt; &gt; &amp; &quot;",
  apply: (xml) => mapDescriptions(xml, (html) => html),
};

export const numericReferences: Variant = {
  name: "descriptions escaped with hexadecimal references",
  apply: (xml) =>
    mapDescriptions(
      xml,
      (html) => html,
      (html) => html.replace(/[&<>"']/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`),
    ),
};

/**
 * The description's own markup written another way. The reference reads descriptions through
 * feedparser's sanitiser, which lower-cases tags and double-quotes attributes, so these reach its
 * patterns exactly as the original does.
 */
export const upperCaseDescriptionLinks: Variant = {
  name: "description links as <A HREF=…>…</A>",
  apply: (xml) =>
    mapDescriptions(xml, (html) =>
      html
        .replace(/<a\b/g, "<A")
        .replace(/\bhref=/g, "HREF=")
        .replace(/<\/a>/g, "</A>"),
    ),
};

export const unquotedDescriptionLinks: Variant = {
  name: "description links with unquoted href",
  apply: (xml) => mapDescriptions(xml, (html) => html.replace(/href=(["'])([^"'\s>]*)\1\s*>/g, "href=$2>")),
};

export const requotedDescriptionLinks: Variant = {
  name: "description links quoted the other way",
  apply: (xml) =>
    mapDescriptions(xml, (html) =>
      html.replace(/href=(["'])([^"']*)\1/g, (_m, quote: string, url: string) => (quote === '"' ? `href='${url}'` : `href="${url}"`)),
    ),
};

/**
 * The description's markup written as XML elements rather than escaped ("&" escaped once, as XML
 * needs). The reference's feed parser serialises such "inline" content back into HTML. Items whose
 * HTML holds a character reference ("O&#039;Toole") stay escaped: inline, the reference would read
 * the character itself, which is another answer.
 */
export const inlineDescriptionMarkup: Variant = {
  name: "description markup as inline XML elements",
  apply: (xml) =>
    mapDescriptions(
      xml,
      (html) => html,
      (html) => (/&#?\w+;/.test(html) ? escapeXml(html) : html.replace(/&/g, "&amp;")),
    ),
};

export const utf8Declaration: Variant = {
  name: "XML declaration in UTF-8 (the feeds are ASCII)",
  apply: (xml) => xml.replace(/^\s*<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="UTF-8"?>'),
};

export const noDeclaration: Variant = {
  name: "no XML declaration",
  apply: (xml) => xml.replace(/^\s*<\?xml[^>]*\?>\s*/, ""),
};

export const trailingComment: Variant = {
  name: "a comment after </rss>",
  apply: (xml) => `${xml.trimEnd()}\n<!-- page generated in 0.12 seconds -->\n`,
};

export const RSS_VARIANTS: Variant[] = [
  trailingComment,
  compactItems,
  indentedItems,
  reorderedItems,
  upperCaseElements,
  crlfFeed,
  cdataDescriptions,
  namedReferences,
  numericReferences,
  upperCaseDescriptionLinks,
  unquotedDescriptionLinks,
  requotedDescriptionLinks,
  inlineDescriptionMarkup,
  utf8Declaration,
  noDeclaration,
];
