import { html as HTML, type Token, type TreeAdapter, type TreeAdapterTypeMap } from "parse5";
import { parseDocument } from "./html5-tokenizer";

/**
 * Parsing PACER HTML into a tree the parsers can walk.
 *
 * parse5 does the WHATWG (HTML5) parse, so tables always gain their `<tbody>` whatever the
 * CM/ECF version wrote, and implied end tags, foster parenting and misnested formatting are
 * resolved as a browser (and the reference's fragment parse) resolves them. parse5 builds the
 * tree through a small adapter (below) straight into the lean node classes the parsers read: no
 * general-purpose DOM library in between, which was most of the parse time. Its tokenizer runs
 * with fast paths for runs of text (`html5-tokenizer.ts`), which build the very same tree.
 *
 * The reference parser then sanitises the tree before reading it (nh3/ammonia): scripts and
 * styles go with their content, and any tag outside ammonia's allow-list (plus `font`, `form`,
 * `input`) is unwrapped, its children kept in its place. Doing the same here keeps parent/sibling
 * relations (`parent::p`, `following-sibling::td`) and text node boundaries identical to the
 * reference's, which its field rules depend on.
 *
 * A docket is read with thousands of small look-ups ("the cells of this row", "the text of that
 * cell"), so the page is indexed once after parsing: elements by tag name in document order, all
 * text nodes in document order, and for each element the span of both it covers (kept on the
 * element itself). Look-ups are then slices instead of tree walks.
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

// --- The tree -------------------------------------------------------------------------------

/** A run of text. Adjacent runs are always merged, as in a browser's DOM. */
export class Text {
  readonly type = "text";
  parent: ParentNode | null = null;
  prev: ChildNode | null = null;
  next: ChildNode | null = null;
  constructor(public data: string) {}
}

/** A comment: no text of its own, but it separates the text nodes around it. */
export class Comment {
  readonly type = "comment";
  parent: ParentNode | null = null;
  prev: ChildNode | null = null;
  next: ChildNode | null = null;
  constructor(readonly data: string) {}
}

/** Where an element sits in the page index; -1 until the page is indexed. */
abstract class Indexed {
  /** Position among the page's elements in document order (-1 for the root). */
  order = -1;
  /** `order` of its last descendant element. */
  last = -1;
  /** Its descendant text nodes are `page.texts[textStart..textEnd)`. */
  textStart = 0;
  textEnd = 0;
  /** Its string-value, once asked for. */
  text: string | undefined = undefined;
  indexed = false;
  children: ChildNode[] = [];
}

export class Element extends Indexed {
  readonly type = "tag";
  parent: ParentNode | null = null;
  prev: ChildNode | null = null;
  next: ChildNode | null = null;
  /** Template contents: kept out of the tree (the sanitiser drops them with the template). */
  content: Document | null = null;
  constructor(
    /** Lower-case tag name (as parse5 gives it; SVG/MathML names keep their case). */
    readonly name: string,
    readonly namespace: HTML.NS,
    public attrs: Token.Attribute[],
  ) {
    super();
  }

  /** The value of attribute `name` (the tokenizer keeps the first of duplicates), if any. */
  attr(name: string): string | undefined {
    for (const attr of this.attrs) if (attr.name === name) return attr.value;
    return undefined;
  }
}

/** The page (or a template's contents). */
export class Document extends Indexed {
  readonly type = "root";
  readonly parent = null;
  readonly prev = null;
  readonly next = null;
  readonly mode: HTML.DOCUMENT_MODE = HTML.DOCUMENT_MODE.NO_QUIRKS;
}

export type ParentNode = Element | Document;
export type ChildNode = Element | Text | Comment;
export type AnyNode = ParentNode | ChildNode;

export function isElement(node: AnyNode | null | undefined): node is Element {
  return node != null && node.type === "tag";
}

export function isText(node: AnyNode | null | undefined): node is Text {
  return node != null && node.type === "text";
}

type TreeMap = TreeAdapterTypeMap<AnyNode, ParentNode, ChildNode, Document, Document, Element, Comment, Text, Element, never>;

function appendChild(parent: ParentNode, node: ChildNode): void {
  parent.children.push(node);
  node.parent = parent;
}

function insertBefore(parent: ParentNode, node: ChildNode, reference: ChildNode): void {
  parent.children.splice(parent.children.indexOf(reference), 0, node);
  node.parent = parent;
}

/**
 * parse5's tree adapter for these nodes. Sibling links (`prev`/`next`) are left to the index walk,
 * once the tree builder has finished moving nodes about; the doctype is not kept (the sanitiser
 * would drop it) and neither are source locations (not asked for).
 */
const treeAdapter: TreeAdapter<TreeMap> = {
  createDocument: () => new Document(),
  createDocumentFragment: () => new Document(),
  createElement: (tagName, namespaceURI, attrs) => new Element(tagName, namespaceURI, attrs),
  createCommentNode: (data) => new Comment(data),
  createTextNode: (value) => new Text(value),
  appendChild,
  insertBefore,
  setTemplateContent(template, content) {
    template.content = content;
  },
  getTemplateContent: (template) => template.content!,
  setDocumentType() {},
  // Always no-quirks: see parseHtml.
  setDocumentMode() {},
  getDocumentMode: (document) => document.mode,
  detachNode(node) {
    const parent = node.parent;
    if (!parent) return;
    parent.children.splice(parent.children.indexOf(node), 1);
    node.parent = null;
  },
  insertText(parent, text) {
    const last = parent.children[parent.children.length - 1];
    if (last !== undefined && last.type === "text") last.data += text;
    else appendChild(parent, new Text(text));
  },
  insertTextBefore(parent, text, reference) {
    const before = parent.children[parent.children.indexOf(reference) - 1];
    if (before !== undefined && before.type === "text") before.data += text;
    else insertBefore(parent, new Text(text), reference);
  },
  adoptAttributes(recipient, attrs) {
    const names = new Set(recipient.attrs.map((attr) => attr.name));
    const added = attrs.filter((attr) => !names.has(attr.name));
    if (added.length > 0) recipient.attrs = [...recipient.attrs, ...added];
  },
  getFirstChild: (node) => node.children[0] ?? null,
  getChildNodes: (node) => node.children,
  getParentNode: (node) => (node.type === "root" ? null : node.parent),
  getAttrList: (element) => element.attrs,
  getTagName: (element) => element.name,
  getNamespaceURI: (element) => element.namespace,
  getTextNodeContent: (node) => node.data,
  getCommentNodeContent: (node) => node.data,
  getDocumentTypeNodeName: () => "",
  getDocumentTypeNodePublicId: () => "",
  getDocumentTypeNodeSystemId: () => "",
  isTextNode: (node): node is Text => node.type === "text",
  isCommentNode: (node): node is Comment => node.type === "comment",
  isDocumentTypeNode: (_node): _node is never => false,
  isElementNode: (node): node is Element => node.type === "tag",
  setNodeSourceCodeLocation() {},
  getNodeSourceCodeLocation: () => undefined,
  updateNodeSourceCodeLocation() {},
};

// --- Sanitising -----------------------------------------------------------------------------

/** Whether `parent`'s child list must change: something to drop or unwrap. */
function needsRebuild(parent: ParentNode): boolean {
  for (const child of parent.children) if (child.type === "tag" && !KEPT_TAGS.has(child.name)) return true;
  return false;
}

/** Appends `node` to `out`, merging it into a preceding text node as a re-parse would. */
function pushMerged(out: ChildNode[], node: ChildNode): void {
  const last = out[out.length - 1];
  if (node.type === "text" && last !== undefined && last.type === "text") last.data += node.data;
  else out.push(node);
}

/**
 * `parent`'s children with scripts and styles dropped and unknown tags replaced by their content
 * (unknown tags can be nested as deep as a page likes).
 */
function flattenChildren(parent: ParentNode): ChildNode[] {
  const out: ChildNode[] = [];
  walkDescendants(parent, (child) => {
    if (child.type !== "tag") pushMerged(out, child);
    else if (KEPT_TAGS.has(child.name)) out.push(child);
    else return !DROPPED_WITH_CONTENT.has(child.name);
    return false;
  });
  return out;
}

/**
 * Applies the reference's sanitising to `parent`'s children (its subtree is handled as the index
 * walks down), and links siblings. Most pages need few changes, so a child list is only rebuilt
 * when it must be.
 */
function sanitizeChildren(parent: ParentNode): void {
  if (needsRebuild(parent)) parent.children = flattenChildren(parent);
  const children = parent.children;
  let prev: ChildNode | null = null;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    node.parent = parent;
    node.prev = prev;
    if (prev) prev.next = node;
    prev = node;
  }
  if (prev) prev.next = null;
}

// --- The index ------------------------------------------------------------------------------

type NameList = { elements: Element[]; orders: number[] };

/** The first index in the sorted `orders` whose value is greater than `value`. */
function upperBound(orders: number[], value: number, lo = 0): number {
  let hi = orders.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (orders[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A parsed, sanitised HTML page and its index. */
export class HtmlPage {
  /** Every text node, in document order. */
  readonly texts: Text[] = [];
  private readonly byName = new Map<string, NameList>();
  private readonly phraseHits = new Map<string, number[]>();
  private starts: Int32Array | null = null;
  private count = 0;

  constructor(readonly root: Document) {
    root.order = -1;
    root.last = Number.MAX_SAFE_INTEGER;
    root.textStart = 0;
    root.indexed = true;
    this.visit(root);
    root.textEnd = this.texts.length;
  }

  /**
   * Sanitises and indexes `root`'s subtree in one depth-first walk, with a stack of its own
   * rather than recursion: a page can nest elements deeper than the call stack goes.
   */
  private visit(root: ParentNode): void {
    sanitizeChildren(root);
    const parents: ParentNode[] = [root];
    const positions: number[] = [0];
    while (parents.length > 0) {
      const top = parents.length - 1;
      const parent = parents[top]!;
      const i = positions[top]!;
      if (i === parent.children.length) {
        parents.pop();
        positions.pop();
        if (parent.type === "tag") {
          parent.last = this.count - 1;
          parent.textEnd = this.texts.length;
        }
        continue;
      }
      positions[top] = i + 1;
      const child = parent.children[i]!;
      if (child.type === "text") {
        this.texts.push(child);
      } else if (child.type === "tag") {
        child.order = this.count++;
        child.textStart = this.texts.length;
        child.indexed = true;
        let list = this.byName.get(child.name);
        if (!list) this.byName.set(child.name, (list = { elements: [], orders: [] }));
        list.elements.push(child);
        list.orders.push(child.order);
        sanitizeChildren(child);
        parents.push(child);
        positions.push(0);
      }
    }
  }

  private checked(node: ParentNode): ParentNode {
    if (!node.indexed) throw new Error("node is not part of this page");
    return node;
  }

  /** Descendant elements named `name` (of the whole page when `node` is the root), in order. */
  within(node: AnyNode, name: string): Element[] {
    const list = this.byName.get(name);
    if (!list || node.type === "text" || node.type === "comment") return [];
    if (node === this.root) return list.elements;
    const { order, last } = this.checked(node);
    const start = upperBound(list.orders, order);
    const end = upperBound(list.orders, last, start);
    return list.elements.slice(start, end);
  }

  /** The first descendant named `name` (that passes `test`, if given). */
  find(node: AnyNode, name: string, test?: (el: Element) => boolean): Element | undefined {
    const list = this.byName.get(name);
    if (!list || node.type === "text" || node.type === "comment") return undefined;
    const { order, last } = this.checked(node);
    const { elements, orders } = list;
    for (let i = upperBound(orders, order); i < orders.length && orders[i]! <= last; i++) {
      if (!test || test(elements[i]!)) return elements[i];
    }
    return undefined;
  }

  /** Descendant text nodes of `node`, in order. */
  textNodes(node: AnyNode): Text[] {
    if (node.type === "text") return [node];
    if (node.type === "comment") return [];
    const { textStart, textEnd } = this.checked(node);
    return this.texts.slice(textStart, textEnd);
  }

  /** XPath's string-value of `node`: all its descendant text. */
  textOf(node: AnyNode): string {
    if (node.type === "text" || node.type === "comment") return node.data;
    let text = this.checked(node).text;
    if (text === undefined) {
      text = "";
      for (let i = node.textStart; i < node.textEnd; i++) text += this.texts[i]!.data;
      node.text = text;
    }
    return text;
  }

  /** Whether one descendant text node (not text spread over several) contains `phrase`. */
  hasTextNodeWith(node: AnyNode, phrase: string): boolean {
    if (node.type === "text") return node.data.includes(phrase);
    if (node.type === "comment") return false;
    // The text nodes holding `phrase` are found once; a node's test is then a range check.
    let hits = this.phraseHits.get(phrase);
    if (!hits) this.phraseHits.set(phrase, (hits = this.textNodesWith(phrase)));
    const { textStart, textEnd } = this.checked(node);
    const lo = upperBound(hits, textStart - 1);
    return lo < hits.length && hits[lo]! < textEnd;
  }

  /**
   * The indexes (in `texts`) of the text nodes that contain `phrase`, found by searching the
   * page's whole text (which the parsers ask for anyway) rather than each node in turn: most
   * phrases occur a few times or not at all, and one native search finds that out at once. A hit
   * that runs from one node into the next is no node's.
   */
  private textNodesWith(phrase: string): number[] {
    const hits: number[] = [];
    if (phrase === "") {
      for (let i = 0; i < this.texts.length; i++) hits.push(i);
      return hits;
    }
    const text = this.textOf(this.root);
    const starts = this.textStarts();
    let node = 0;
    for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
      while (starts[node + 1]! <= at) node++;
      if (at + phrase.length <= starts[node + 1]! && hits[hits.length - 1] !== node) hits.push(node);
    }
    return hits;
  }

  /** Where each text node begins in the page's whole text (and, last, that text's length). */
  private textStarts(): Int32Array {
    if (!this.starts) {
      const starts = new Int32Array(this.texts.length + 1);
      for (let i = 0; i < this.texts.length; i++) starts[i + 1] = starts[i]! + this.texts[i]!.data.length;
      this.starts = starts;
    }
    return this.starts;
  }

  /** XPath `.//outer/inner`: a descendant `inner` whose parent is an `outer`. */
  hasPair(node: AnyNode, outer: string, inner: string): boolean {
    return this.find(node, inner, (el) => isElement(el.parent) && el.parent.name === outer) !== undefined;
  }
}

/**
 * Parses an HTML document (or fragment) the way the reference sees it. The reference parses
 * every page as a fragment, which is never in quirks mode; a page without a doctype (or with an
 * old one) would put a document parse in quirks mode, where a `<table>` does not close an open
 * `<p>`. The tree adapter therefore keeps every document in no-quirks mode, whatever its
 * doctype says: the same tree as putting `<!DOCTYPE html>` in front of the page, without
 * copying the page to do so.
 */
export function parseHtml(html: string): HtmlPage {
  return new HtmlPage(parseDocument(html, { treeAdapter }));
}

// --- Index-free helpers --------------------------------------------------------------------

/**
 * Visits `root`'s descendants in document order, depth first, with a stack of its own rather than
 * recursion (a page can nest elements deeper than the call stack goes). `enter` sees each node and
 * answers whether to go into its children (an element's); `leave` is called on each element
 * entered, once its children are done.
 */
export function walkDescendants(root: ParentNode, enter: (node: ChildNode) => boolean, leave?: (element: Element) => void): void {
  const parents: ParentNode[] = [root];
  const positions: number[] = [0];
  while (parents.length > 0) {
    const top = parents.length - 1;
    const parent = parents[top]!;
    const i = positions[top]!;
    if (i === parent.children.length) {
      parents.pop();
      positions.pop();
      if (parents.length > 0 && leave) leave(parent as Element);
      continue;
    }
    positions[top] = i + 1;
    const child = parent.children[i]!;
    if (enter(child) && child.type === "tag") {
      parents.push(child);
      positions.push(0);
    }
  }
}

/** Element children, optionally only those named `name`. */
export function childElements(node: AnyNode, name?: string): Element[] {
  if (node.type === "text" || node.type === "comment") return [];
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

/** `node` and its descendants, document order (walking the links: no recursion, however deep). */
function* subtree(node: AnyNode): Generator<AnyNode> {
  let current: AnyNode = node;
  for (;;) {
    yield current;
    if ((current.type === "tag" || current.type === "root") && current.children.length > 0) {
      current = current.children[0]!;
      continue;
    }
    while (current !== node && current.next === null) current = current.parent!;
    if (current === node) return;
    current = current.next!;
  }
}
