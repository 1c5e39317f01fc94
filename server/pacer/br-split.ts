import { isElement, isText, walkDescendants, type Element } from "./dom";
import { pyStrip } from "./strings";

/**
 * The text of a table cell cut into lines at its `<br>`s (and `<p>`s), as juriscraper's
 * `_br_split` sees it: text nodes are joined with a space wherever markup separates them
 * ("Date filed:</i>&nbsp;01/05/2017" → "Date filed:  01/05/2017"), each line is stripped, and a
 * line that is empty because two breaks touch is dropped while a whitespace-only one is kept as
 * "". The header parser relies on all three details to find its label/value pairs.
 */
export function brSplit(cell: Element): string[] {
  const state: SplitState = { pieces: [], current: "", started: false, boundary: false };
  walk(state, cell);
  // The reference serialises the cell with its tail: the text right after it belongs to it too.
  state.boundary = true;
  if (isText(cell.next)) addText(state, cell.next.data);
  state.pieces.push(state.current);
  const lines: string[] = [];
  for (const piece of state.pieces) if (piece !== "") lines.push(pyStrip(piece));
  return lines;
}

type SplitState = { pieces: string[]; current: string; started: boolean; boundary: boolean };

function addText(state: SplitState, text: string): void {
  if (state.started && state.boundary) state.current += " ";
  state.current += text;
  state.started = true;
  state.boundary = false;
}

function breakLine(state: SplitState): void {
  if (state.started && state.boundary) state.current += " ";
  state.pieces.push(state.current);
  state.current = "";
  state.started = true;
  state.boundary = false;
}

/** Reads `cell`'s content in document order: elements other than `<br>` are entered and left, a boundary either way. */
function walk(state: SplitState, cell: Element): void {
  walkDescendants(
    cell,
    (node) => {
      if (isText(node)) addText(state, node.data);
      // A comment splits the text around it into two nodes.
      else if (!isElement(node)) state.boundary = true;
      else if (node.name === "br") breakLine(state);
      else {
        if (node.name === "p") breakLine(state);
        else state.boundary = true;
        return true;
      }
      return false;
    },
    () => (state.boundary = true),
  );
}
