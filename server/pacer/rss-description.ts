/**
 * The links inside an RSS item's description (`[Motion to Dismiss] (<a href="…/doc1/…">12</a>)`).
 *
 * The reference reads the description through feedparser, whose sanitiser re-writes the HTML
 * before the reference's patterns see it: tag and attribute names lower-cased, every attribute
 * value in double quotes. Its patterns (a quote, then `>12</a>`; `href=` and a quoted doc1 URL) therefore
 * never meet `<A HREF=…>` or an unquoted `href=…/doc1/…`, which older CM/ECF versions write. Reading
 * the anchors themselves, whatever their case and quoting, gives the answer the reference gives
 * for every way of writing the same link.
 */

export type DescriptionLink = { href: string | undefined; text: string };

const ANCHOR = /<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi;
const HREF = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/** The description's `<a>` elements, in order: each one's href (as written) and text. */
export function descriptionLinks(html: string): DescriptionLink[] {
  if (!/<a\b/i.test(html)) return [];
  const links: DescriptionLink[] = [];
  for (const m of html.matchAll(ANCHOR)) {
    const href = HREF.exec(m[1]!);
    links.push({ href: href ? (href[1] ?? href[2] ?? href[3]) : undefined, text: m[2]! });
  }
  return links;
}

/** The text of the first link that is only digits: the entry's document number. */
export function documentNumberOf(links: DescriptionLink[]): string | null {
  for (const link of links) if (/^\d+$/.test(link.text)) return link.text;
  return null;
}

/** The first link into `/doc1/` (district and bankruptcy) or `/docs1/` (appellate), as written. */
export function documentUrlOf(links: DescriptionLink[], folder: "doc1" | "docs1"): string | null {
  for (const link of links) if (link.href !== undefined && link.href.includes(`/${folder}/`)) return link.href;
  return null;
}
