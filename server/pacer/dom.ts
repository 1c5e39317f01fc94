import { load } from "cheerio";
import type { AnyNode, Document, Element, ParentNode, Text } from "domhandler";

/**
 * Parsing PACER HTML into a tree the parsers can walk.
 *
 * cheerio's `load` does a WHATWG (parse5) parse, so tables always gain their `<tbody>` whatever
 * the CM/ECF version wrote. The reference parser then sanitises the tree before reading it
 * (nh3/ammonia): scripts and styles go with their content, and any tag outside ammonia's
 * allow-list (plus `font`, `form`, `input`) is unwrapped, its children kept in its place. Doing
 * the same here keeps parent/sibling relations (`parent::p`, `following-sibling::td`) and text
 * node boundaries identical to the reference's, which its field rules depend on.
 *
 * A docket is read with thousands of small look-ups ("the cells of this row", "the text of that
 * cell"), so the page is indexed once after parsing: elements by tag name in document order, all
 * text nodes in document order, and for each element the span of both it covers. Look-ups are
 * then slices instead of tree walks.
 */

const KEPT_TAGS = new Set(
  (
    "a abbr acronym area article aside b bdi bdo blockquote br caption center cite code col colgroup " +
    "data dd del details dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr i " +
    "img ins kbd li map mark nav ol p pre q rp rt rtc ruby s samp small span strike strong sub summary " +
    "sup table tbody td th thead time tr tt u ul wbr font form input"
  ).split(" "),
);
const DROPPED_WITH_CONTENT = new Set(["script", "style"]);

export function isElement(node: AnyNode | null | undefined): node is Element {
  return node != null && (node.type === "tag" || node.type === "script" || node.type === "style");
}

export function isText(node: AnyNode | null | undefined): node is Text {
  return node != null && node.type === "text";
}

/** Whether `parent`'s child list must change: something to drop or unwrap. */
function needsRebuild(parent: ParentNode): boolean {
  for (const child of parent.children) {
    if (isElement(child) ? !KEPT_TAGS.has(child.name) : child.type !== "text" && child.type !== "comment") return true;
  }
  return false;
}

/** Appends `node` to `out`, merging it into a preceding text node as a re-parse would. */
function pushMerged(out: AnyNode[], node: AnyNode): void {
  const last = out[out.length - 1];
  if (isText(node) && isText(last)) last.data += node.data;
  else out.push(node);
}

/** `parent`'s children with scripts and styles dropped and unknown tags replaced by their content. */
function flattenChildren(parent: ParentNode, out: AnyNode[]): AnyNode[] {
  for (const child of parent.children) {
    if (isElement(child)) {
      if (KEPT_TAGS.has(child.name)) out.push(child);
      else if (!DROPPED_WITH_CONTENT.has(child.name)) flattenChildren(child, out);
    } else if (child.type === "text" || child.type === "comment") {
      pushMerged(out, child);
    }
  }
  return out;
}

/**
 * Applies the reference's sanitising to `parent`'s children (its subtree is handled as the index
 * walks down). Most pages need few changes, so a child list is only rebuilt when it must be.
 */
function sanitizeChildren(parent: ParentNode): void {
  if (!needsRebuild(parent)) return;
  const out = flattenChildren(parent, []);
  for (let i = 0; i < out.length; i++) {
    const node = out[i]!;
    node.parent = parent;
    node.prev = out[i - 1] ?? null;
    node.next = out[i + 1] ?? null;
  }
  parent.children = out;
}

type Span = { order: number; last: number; textStart: number; textEnd: number };

/** A parsed, sanitised HTML page and its index. */
export class HtmlPage {
  /** Every text node, in document order. */
  readonly texts: Text[] = [];
  private readonly byName = new Map<string, { elements: Element[]; orders: number[] }>();
  private readonly spans = new Map<AnyNode, Span>();
  private readonly textCache = new Map<AnyNode, string>();
  private readonly phraseHits = new Map<string, number[]>();
  private count = 0;

  constructor(readonly root: Document) {
    this.spans.set(root, { order: -1, last: Number.MAX_SAFE_INTEGER, textStart: 0, textEnd: 0 });
    this.visit(root);
    this.spans.get(root)!.textEnd = this.texts.length;
  }

  /** Sanitises and indexes `parent`'s subtree in one walk. */
  private visit(parent: ParentNode): void {
    sanitizeChildren(parent);
    for (const child of parent.children) {
      if (isText(child)) {
        this.texts.push(child);
      } else if (isElement(child)) {
        const span: Span = { order: this.count++, last: 0, textStart: this.texts.length, textEnd: 0 };
        this.spans.set(child, span);
        let list = this.byName.get(child.name);
        if (!list) this.byName.set(child.name, (list = { elements: [], orders: [] }));
        list.elements.push(child);
        list.orders.push(span.order);
        this.visit(child);
        span.last = this.count - 1;
        span.textEnd = this.texts.length;
      }
    }
  }

  private span(node: AnyNode): Span {
    const span = this.spans.get(node);
    if (!span) throw new Error("node is not part of this page");
    return span;
  }

  /** Descendant elements named `name` (of the whole page when `node` is the root), in order. */
  within(node: AnyNode, name: string): Element[] {
    const list = this.byName.get(name);
    if (!list) return [];
    if (node === this.root) return list.elements;
    const { order, last } = this.span(node);
    const { elements, orders } = list;
    let lo = 0;
    let hi = orders.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (orders[mid]! <= order) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < orders.length && orders[end]! <= last) end++;
    return elements.slice(lo, end);
  }

  /** The first descendant named `name` (that passes `test`, if given). */
  find(node: AnyNode, name: string, test?: (el: Element) => boolean): Element | undefined {
    const list = this.within(node, name);
    return test ? list.find(test) : list[0];
  }

  /** Descendant text nodes of `node`, in order. */
  textNodes(node: AnyNode): Text[] {
    if (isText(node)) return [node];
    const { textStart, textEnd } = this.span(node);
    return this.texts.slice(textStart, textEnd);
  }

  /** XPath's string-value of `node`: all its descendant text. */
  textOf(node: AnyNode): string {
    if (isText(node)) return node.data;
    let text = this.textCache.get(node);
    if (text === undefined) {
      const { textStart, textEnd } = this.span(node);
      text = "";
      for (let i = textStart; i < textEnd; i++) text += this.texts[i]!.data;
      this.textCache.set(node, text);
    }
    return text;
  }

  /** Whether one descendant text node (not text spread over several) contains `phrase`. */
  hasTextNodeWith(node: AnyNode, phrase: string): boolean {
    // The text nodes holding `phrase` are found once; a node's test is then a range check.
    let hits = this.phraseHits.get(phrase);
    if (!hits) {
      hits = [];
      for (let i = 0; i < this.texts.length; i++) if (this.texts[i]!.data.includes(phrase)) hits.push(i);
      this.phraseHits.set(phrase, hits);
    }
    const { textStart, textEnd } = this.span(node);
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid]! < textStart) lo = mid + 1;
      else hi = mid;
    }
    return lo < hits.length && hits[lo]! < textEnd;
  }

  /** XPath `.//outer/inner`: a descendant `inner` whose parent is an `outer`. */
  hasPair(node: AnyNode, outer: string, inner: string): boolean {
    return this.within(node, inner).some((el) => isElement(el.parent) && el.parent.name === outer);
  }
}

const LEADING_DOCTYPE = /^(\s*(<!--[\s\S]*?-->\s*)*)<!doctype[^>]*>/i;

/**
 * Parses an HTML document (or fragment) the way the reference sees it. The reference parses
 * every page as a fragment, which is never in quirks mode; a page without a doctype would put
 * a document parse in quirks mode, where a `<table>` does not close an open `<p>`. A standard
 * doctype in front keeps the two trees alike.
 */
export function parseHtml(html: string): HtmlPage {
  const noQuirks = `<!DOCTYPE html>${html.replace(LEADING_DOCTYPE, "$1")}`;
  return new HtmlPage(load(noQuirks).root().get(0) as Document);
}

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

// --- Index-free helpers, for small trees (RSS items, NEF fragments) -----------------------

/** XPath's string-value: all descendant text (CDATA included), comments excluded. */
export function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!("children" in node)) return "";
  let out = "";
  for (const child of node.children) out += textOf(child);
  return out;
}

/** Element children, optionally only those named `name`. */
export function childElements(node: AnyNode, name?: string): Element[] {
  if (!("children" in node)) return [];
  const out: Element[] = [];
  for (const child of node.children) {
    if (isElement(child) && (name === undefined || child.name === name)) out.push(child);
  }
  return out;
}

/**
 * Nodes after `node` in document order that are not its descendants (XPath `following::`),
 * as a lazy walk so callers can stop at the first hit.
 */
export function* following(node: AnyNode): Generator<AnyNode> {
  for (let current: AnyNode | null = node; current; current = current.parent) {
    for (let next = current.next; next; next = next.next) yield* subtree(next);
  }
}

/** `node` and its descendants, document order. */
function* subtree(node: AnyNode): Generator<AnyNode> {
  yield node;
  if ("children" in node) for (const child of node.children) yield* subtree(child);
}
