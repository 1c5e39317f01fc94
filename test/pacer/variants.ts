/**
 * Rewritings of a PACER document that other courts, other CM/ECF versions, browsers' "save page"
 * and mail systems produce, and that cannot change what the document says: the parse of the
 * rewritten document must equal the fixture's expected JSON. Each takes the document's text and
 * returns the rewritten text. They work on the markup with patterns, not with a parser, so that
 * a parser bug cannot hide itself by being in the rewriting too.
 */

export type Variant = { name: string; apply: (text: string) => string };

// A start or end tag, its attributes one by one (quoted either way, or bare).
const ATTRIBUTE = /([^\s"'>/=]+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)(\s*\/?)>/g;

/** Script, style and comment blocks are left as they are: their content is not markup. */
const OPAQUE = /<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->/gi;

/** Applies `rewrite` to the text outside scripts, styles and comments. */
function outsideOpaque(text: string, rewrite: (markup: string) => string): string {
  let out = "";
  let from = 0;
  for (const m of text.matchAll(OPAQUE)) {
    out += rewrite(text.slice(from, m.index)) + m[0];
    from = m.index + m[0].length;
  }
  return out + rewrite(text.slice(from));
}

type TagParts = { close: string; name: string; attrs: Array<{ name: string; eq: string; value: string | undefined }>; end: string };

function mapTags(text: string, rewrite: (tag: TagParts) => string): string {
  return outsideOpaque(text, (markup) =>
    markup.replace(TAG, (_m, close: string, name: string, rawAttrs: string, end: string) => {
      const attrs = [...rawAttrs.matchAll(ATTRIBUTE)].map((a) => ({ name: a[1]!, eq: a[2] ?? "", value: a[3] }));
      return rewrite({ close, name, attrs, end });
    }),
  );
}

function printTag(tag: TagParts): string {
  const attrs = tag.attrs.map((a) => (a.value === undefined ? ` ${a.name}` : ` ${a.name}${a.eq}${a.value}`)).join("");
  return `<${tag.close}${tag.name}${attrs}${tag.end}>`;
}

function unquote(value: string): string {
  return value.startsWith('"') || value.startsWith("'") ? value.slice(1, -1) : value;
}

/** HTML attribute values that may stand without quotes (WHATWG: no space, quote, =, <, >, `). */
const BARE_VALUE = /^[^\s"'=<>`]+$/;

export const upperCaseTags: Variant = {
  name: "upper-case tag and attribute names",
  apply: (text) =>
    mapTags(text, (tag) =>
      printTag({ ...tag, name: tag.name.toUpperCase(), attrs: tag.attrs.map((a) => ({ ...a, name: a.name.toUpperCase() })) }),
    ),
};

export const lowerCaseTags: Variant = {
  name: "lower-case tag and attribute names",
  apply: (text) =>
    mapTags(text, (tag) =>
      printTag({ ...tag, name: tag.name.toLowerCase(), attrs: tag.attrs.map((a) => ({ ...a, name: a.name.toLowerCase() })) }),
    ),
};

/**
 * Every tag with each attribute value rewritten by `requote` (given the value without its
 * quotes, and whether the tag ends in "/>"); `undefined` keeps the value as written.
 */
function mapAttributeValues(text: string, requote: (raw: string, selfClosing: boolean) => string | undefined): string {
  return mapTags(text, (tag) =>
    printTag({
      ...tag,
      attrs: tag.attrs.map((a) => {
        if (a.value === undefined) return a;
        const value = requote(unquote(a.value), tag.end.includes("/"));
        return value === undefined ? a : { ...a, eq: "=", value };
      }),
    }),
  );
}

export const quoteAttributes: Variant = {
  name: "every attribute value double-quoted",
  apply: (text) => mapAttributeValues(text, (raw) => (raw.includes('"') ? undefined : `"${raw}"`)),
};

export const unquoteAttributes: Variant = {
  name: "attribute values unquoted where HTML allows",
  // A bare value directly before "/>" would swallow the slash: keep those quoted.
  apply: (text) => mapAttributeValues(text, (raw, selfClosing) => (!selfClosing && BARE_VALUE.test(raw) ? raw : undefined)),
};

export const singleQuoteAttributes: Variant = {
  name: "attribute values in single quotes",
  apply: (text) => mapAttributeValues(text, (raw) => (raw.includes("'") ? undefined : `'${raw}'`)),
};

const TBODY_TAG = /<\/?tbody\b[^>]*>/gi;

export const withoutTbody: Variant = {
  name: "no <tbody> tags (the HTML parser implies them)",
  apply: (text) => outsideOpaque(text, (markup) => markup.replace(TBODY_TAG, "")),
};

/**
 * An explicit `<tbody>` around the rows of every table that has none: where the parser would
 * have implied it. Only tables whose first content is a row and that hold no nested table.
 */
export const explicitTbody: Variant = {
  name: "explicit <tbody> in tables without one",
  apply: (text) =>
    outsideOpaque(text, (markup) =>
      markup.replace(
        /(<table\b[^>]*>)(\s*)(<tr\b(?:(?!<\/?table\b|<\/?tbody\b|<\/?thead\b|<\/?tfoot\b)[\s\S])*)(<\/table\s*>)/gi,
        "$1$2<tbody>$3</tbody>$4",
      ),
    ),
};

export const crlf: Variant = {
  name: "CRLF line endings",
  apply: (text) => text.replace(/\r?\n/g, "\r\n"),
};

const TABLE_STRUCTURE = "(?:table|tbody|thead|tfoot|tr|td|th)";
const BETWEEN_STRUCTURE = new RegExp(`(<\\/?${TABLE_STRUCTURE}\\b[^>]*>)(?=<\\/?(?:table|tbody|thead|tfoot|tr)\\b)`, "gi");

/** Line breaks and indentation between table tags (not inside cells, where text is content). */
export const indentedTables: Variant = {
  name: "line breaks and indentation between table rows",
  apply: (text) => outsideOpaque(text, (markup) => markup.replace(BETWEEN_STRUCTURE, "$1\n    ")),
};

const BETWEEN_CELLS = /(<\/t[dh]\s*>|<tr\b[^>]*>)(?=<t[dh]\b)/gi;

/** A line break between a row's cells (outside them: text there belongs to no cell). */
export const indentedCells: Variant = {
  name: "line breaks and indentation between cells",
  apply: (text) => outsideOpaque(text, (markup) => markup.replace(BETWEEN_CELLS, "$1\n      ")),
};

/** `&nbsp;` written as the character itself (what a browser's "save page" often does). */
export const nbspAsCharacter: Variant = {
  name: "&nbsp; written as U+00A0",
  apply: (text) => outsideOpaque(text, (markup) => markup.replace(/&nbsp;|&#160;|&#xa0;/gi, "\u00a0")),
};

/** Each `&nbsp;` written as the character and each U+00A0 as `&nbsp;`: both spellings in one page. */
export const nbspSwapped: Variant = {
  name: "&nbsp; and U+00A0 swapped",
  apply: (text) => outsideOpaque(text, (markup) => markup.replace(/&nbsp;|\u00a0/g, (m) => (m === "&nbsp;" ? "\u00a0" : "&nbsp;"))),
};

/** `&nbsp;` as a numeric reference. */
export const nbspAsNumeric: Variant = {
  name: "&nbsp; written as &#160;",
  apply: (text) => outsideOpaque(text, (markup) => markup.replace(/&nbsp;|\u00a0/g, "&#160;")),
};

/**
 * Text outside tags: `$` as `&#036;`, `'` as `&#39;` (as older CM/ECF writes them), and every
 * non-ASCII character as a numeric reference (as pages saved in ASCII carry them).
 */
export const numericReferences: Variant = {
  name: "$, ' and non-ASCII text as numeric character references",
  apply: (text) =>
    outsideOpaque(text, (markup) =>
      markup.replace(
        /(^|>)([^<]*)/g,
        (_m, gt: string, body: string) =>
          gt +
          body
            .replace(/\$/g, "&#036;")
            .replace(/'/g, "&#39;")
            .replace(/[^\x00-\x7f]/gu, (c) => `&#${c.codePointAt(0)};`),
      ),
    ),
};

/** `<br>` written XHTML-style, and the other way round. */
export const xhtmlBreaks: Variant = {
  name: "<br> written as <br />",
  apply: (text) => outsideOpaque(text, (markup) => markup.replace(/<br\s*\/?>/gi, "<br />")),
};

export const htmlBreaks: Variant = {
  name: "<br /> written as <BR>",
  apply: (text) => outsideOpaque(text, (markup) => markup.replace(/<br\s*\/?>/gi, "<BR>")),
};

/** An old HTML 4 doctype in front (a full-document parse would go into quirks mode). */
export const oldDoctype: Variant = {
  name: "HTML 4.01 Transitional doctype",
  apply: (text) => `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n${text.replace(/^\s*<!doctype[^>]*>/i, "")}`,
};

export const html5Doctype: Variant = {
  name: "HTML5 doctype",
  apply: (text) => `<!DOCTYPE html>\n${text.replace(/^\s*<!doctype[^>]*>/i, "")}`,
};

export const HTML_VARIANTS: Variant[] = [
  upperCaseTags,
  lowerCaseTags,
  quoteAttributes,
  unquoteAttributes,
  singleQuoteAttributes,
  withoutTbody,
  explicitTbody,
  crlf,
  indentedTables,
  indentedCells,
  nbspAsCharacter,
  nbspSwapped,
  nbspAsNumeric,
  numericReferences,
  xhtmlBreaks,
  htmlBreaks,
  oldDoctype,
  html5Doctype,
];

/**
 * The entry table cut in two after its middle row: a long docket's rows spread over consecutive
 * tables, which the reference reads as one list.
 */
export const splitEntryTable: Variant = {
  name: "entry rows spread over two consecutive tables",
  apply: (text) => {
    const header = text.indexOf("Docket Text");
    if (header === -1) return text;
    const tags = /<(\/?)(table|tr)\b[^>]*>/gi;
    tags.lastIndex = header;
    const rowStarts: number[] = [];
    let depth = 0;
    for (let m = tags.exec(text); m; m = tags.exec(text)) {
      const closing = m[1] === "/";
      if (m[2]!.toLowerCase() === "table") depth += closing ? -1 : 1;
      else if (!closing && depth === 0) rowStarts.push(m.index);
      if (depth < 0) break;
    }
    if (rowStarts.length < 2) return text;
    const at = rowStarts[Math.floor(rowStarts.length / 2)]!;
    return `${text.slice(0, at)}</table>\n<table width="100%" border="1" cellspacing="0" cellpadding="5">${text.slice(at)}`;
  },
};

/**
 * A report saved without its closing `</body>` and `</html>` (some tools keep only the document's
 * content). Only pages that reach PACER's receipt after the last entry: without it, a page with no
 * closing tags cannot be told from a cut-off download.
 */
export const noClosingTags: Variant = {
  name: "no closing </body> and </html> (the receipt shows the page is whole)",
  apply: (text) => (text.includes("Transaction Receipt") ? text.replace(/<\/(?:body|html)\s*>/gi, "") : text),
};

/** Only the body's content, as tools that keep a page's `innerHTML` save it (receipt as above). */
export const bodyContentOnly: Variant = {
  name: "no <html>, <head> or <body> tags (the receipt shows the page is whole)",
  apply: (text) =>
    text.includes("Transaction Receipt")
      ? outsideOpaque(text, (markup) => markup.replace(/<\/?(?:html|head|body)\b[^>]*>|<!doctype[^>]*>/gi, ""))
      : text,
};

/**
 * Document links relative to the court's site, as CM/ECF writes them in some versions (pages
 * saved from the court carry the absolute form). Only the id at the end of the path is read.
 */
export const relativeDocumentLinks: Variant = {
  name: "doc1 links relative to the court's site",
  apply: (text) => text.replace(/(href\s*=\s*["']?)https?:\/\/ecf\.[a-z0-9]+\.uscourts\.gov(\/doc1\/)/gi, "$1$2"),
};

export const DOCKET_VARIANTS: Variant[] = [splitEntryTable, noClosingTags, bodyContentOnly, relativeDocumentLinks];
