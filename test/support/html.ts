import * as cheerio from "cheerio";

/** Parsed HTML for assertions on headings, rows and messages rather than whole-page snapshots. */
export function parseHtml(html: string) {
  return cheerio.load(html);
}

/** Text as a reader sees it: runs of spaces and line breaks from the markup become one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function textOf(html: string, selector: string): string {
  return collapseWhitespace(parseHtml(html)(selector).text());
}
