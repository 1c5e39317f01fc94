import { isElement, isText, type AnyNode, type Element, type ParentNode } from "./dom";
import { pyStrip } from "./strings";

/**
 * The text of a table cell cut into lines at its `<br>`s (and `<p>`s), as juriscraper's
 * `_br_split` sees it: text nodes are joined with a space wherever markup separates them
 * ("Date filed:</i>&nbsp;01/05/2017" → "Date filed:  01/05/2017"), each line is stripped, and a
 * line that is empty because two breaks touch is dropped while a whitespace-only one is kept as
 * "". The header parser relies on all three details to find its label/value pairs.
 */
export function brSplit(cell: Element): string[] {
  const pieces: string[] = [];
  let current = "";
  let started = false;
  let boundary = false;

  const addText = (text: string): void => {
    if (started && boundary) current += " ";
    current += text;
    started = true;
    boundary = false;
  };
  const breakLine = (): void => {
    if (started && boundary) current += " ";
    pieces.push(current);
    current = "";
    started = true;
    boundary = false;
  };
  const walk = (node: AnyNode): void => {
    if (isText(node)) {
      addText(node.data);
      return;
    }
    if (!isElement(node)) {
      // A comment splits the text around it into two nodes.
      boundary = true;
      return;
    }
    if (node.name === "br") {
      breakLine();
      return;
    }
    if (node.name === "p") breakLine();
    else boundary = true;
    for (const child of (node as ParentNode).children) walk(child);
    boundary = true;
  };

  for (const child of cell.children) walk(child);
  // The reference serialises the cell with its tail: the text right after it belongs to it too.
  boundary = true;
  if (isText(cell.next)) addText(cell.next.data);
  pieces.push(current);
  return pieces.filter((piece) => piece !== "").map(pyStrip);
}
