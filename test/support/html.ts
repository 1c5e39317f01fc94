import * as cheerio from "cheerio";

/** Parsed HTML for assertions on headings, rows and messages rather than whole-page snapshots. */
export function parseHtml(html: string) {
  return cheerio.load(html);
}

export function textOf(html: string, selector: string): string {
  return parseHtml(html)(selector).text().replace(/\s+/g, " ").trim();
}
