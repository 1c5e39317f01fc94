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
 * The helpers below walk domhandler nodes directly instead of going through cheerio selections:
 * a docket is read with a few thousand small look-ups and this keeps each one cheap.
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

/** Rebuilds `parent`'s children: drop scripts/styles, unwrap unknown tags, merge adjacent text. */
function sanitizeChildren(parent: ParentNode): void {
  const out: AnyNode[] = [];
  const push = (node: AnyNode): void => {
    const last = out[out.length - 1];
    if (isText(node) && isText(last)) {
      last.data += node.data;
      return;
    }
    out.push(node);
  };
  for (const child of parent.children) {
    if (isElement(child)) {
      const name = child.name;
      if (DROPPED_WITH_CONTENT.has(name)) continue;
      sanitizeChildren(child);
      if (KEPT_TAGS.has(name)) push(child);
      else for (const grandchild of child.children) push(grandchild);
    } else if (child.type === "text" || child.type === "comment") {
      push(child);
    }
  }
  for (let i = 0; i < out.length; i++) {
    const node = out[i]!;
    node.parent = parent;
    node.prev = out[i - 1] ?? null;
    node.next = out[i + 1] ?? null;
  }
  parent.children = out;
}

/** Parses an HTML document (or fragment) the way the reference sees it. */
export function parseHtml(html: string): Document {
  const root = load(html).root().get(0) as Document;
  sanitizeChildren(root);
  return root;
}

/** XPath's string-value: all descendant text (CDATA included), comments excluded. */
export function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!("children" in node)) return "";
  let out = "";
  const stack: AnyNode[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (isText(current)) out += current.data;
    else if ("children" in current) {
      const kids = current.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return out;
}

/**
 * Decodes HTML character references in a piece of text (`&amp;`, `&#039;`, `&nbsp;`…) the
 * way a browser does, without treating `<` as markup.
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  return load(text.replaceAll("<", "&lt;"), null, false).root().text();
}

/** Every descendant element (document order), optionally only those named `name`. */
export function descendants(node: AnyNode, name?: string): Element[] {
  const out: Element[] = [];
  const walk = (parent: AnyNode): void => {
    if (!isElement(parent) && parent.type !== "root") return;
    for (const child of (parent as ParentNode).children) {
      if (!isElement(child)) continue;
      if (name === undefined || child.name === name) out.push(child);
      walk(child);
    }
  };
  walk(node);
  return out;
}

/** The first descendant element matching `test`, depth-first (document order). */
export function findDescendant(node: AnyNode, test: (el: Element) => boolean): Element | undefined {
  if (!isElement(node) && node.type !== "root") return undefined;
  for (const child of (node as ParentNode).children) {
    if (!isElement(child)) continue;
    if (test(child)) return child;
    const found = findDescendant(child, test);
    if (found) return found;
  }
  return undefined;
}

/** Every descendant text node, document order. */
export function textNodes(node: AnyNode): Text[] {
  const out: Text[] = [];
  const walk = (parent: AnyNode): void => {
    for (const child of (parent as ParentNode).children) {
      if (isText(child)) out.push(child);
      else if (isElement(child)) walk(child);
    }
  };
  if (isElement(node) || node.type === "root") walk(node);
  return out;
}

/** Element children, optionally only those named `name`. */
export function childElements(node: AnyNode, name?: string): Element[] {
  if (!isElement(node) && node.type !== "root") return [];
  const out: Element[] = [];
  for (const child of (node as ParentNode).children) {
    if (isElement(child) && (name === undefined || child.name === name)) out.push(child);
  }
  return out;
}

/** `el/name` exists: a child element called `name`. */
export function hasChild(node: AnyNode, name: string): boolean {
  return childElements(node, name).length > 0;
}

/** XPath `.//outer/inner`: a descendant `inner` whose parent is an `outer` (inside `node`). */
export function hasDescendantPair(node: AnyNode, outer: string, inner: string): boolean {
  return findDescendant(node, (el) => el.name === inner && isElement(el.parent) && el.parent.name === outer) !== undefined;
}

/** Following siblings (elements, text and comments) of `node`, in order. */
export function followingSiblings(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (let next = node.next; next; next = next.next) out.push(next);
  return out;
}

/** Ancestors from the parent up to (not including) the document root. */
export function ancestors(node: AnyNode): Element[] {
  const out: Element[] = [];
  for (let parent = node.parent; isElement(parent); parent = parent.parent) out.push(parent);
  return out;
}

export function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

/**
 * Nodes after `node` in document order that are not its descendants (XPath `following::`),
 * as a lazy walk so callers can stop at the first hit.
 */
export function* following(node: AnyNode): Generator<AnyNode> {
  let current: AnyNode | null = node;
  while (current) {
    let next: AnyNode | null = current.next;
    while (next) {
      yield* subtree(next);
      next = next.next;
    }
    current = current.parent;
  }
}

/** `node` and its descendants, document order. */
export function* subtree(node: AnyNode): Generator<AnyNode> {
  yield node;
  if (isElement(node) || node.type === "root") {
    for (const child of (node as ParentNode).children) yield* subtree(child);
  }
}
