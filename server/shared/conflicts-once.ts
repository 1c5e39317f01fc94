/*
 * "Sources disagree" once per page. The same conflict (Q4) is tied to a subpoena, to the order
 * covering it and to that order's coverage rows, so a page that shows all three would print
 * the same box three times. Which place comes first is a fact of the page's reading order, which
 * only the render knows, so the split is made while rendering: the first place a conflict
 * appears gets the box item, with an id to link to; every later place gets a short link to it.
 * What has been shown is remembered per render, keyed by that render's root context (a fresh
 * object for every page @fastify/view renders), and forgotten with it.
 */

type Marker = { code: string; title: string; href: string };
export type ConflictOnPage = Marker & { anchor: string };

const shownPerRender = new WeakMap<object, Set<string>>();

/**
 * The id of a conflict's box item on a page, `disagree-Q4` (the sources page keeps `conflict-Q4`
 * for its register). One code, one id: a character an id should not hold is written as `-` and
 * its code point (`-` itself as `-2d`), so `Q4.1` and `Q4-1` never share a box and a link to one
 * never lands on the other's.
 */
export function conflictAnchor(code: string): string {
  return `disagree-${code.replace(/[^A-Za-z0-9_]/g, (ch) => `-${ch.codePointAt(0)!.toString(16)}`)}`;
}

/**
 * Splits `markers` into those this render has not shown yet (`fresh`, now counted as shown)
 * and those shown earlier on the page (`seen`), each with its anchor.
 */
export function conflictsOnce(root: object, markers: readonly Marker[] | undefined): { fresh: ConflictOnPage[]; seen: ConflictOnPage[] } {
  let shown = shownPerRender.get(root);
  if (!shown) {
    shown = new Set();
    shownPerRender.set(root, shown);
  }
  const fresh: ConflictOnPage[] = [];
  const seen: ConflictOnPage[] = [];
  for (const m of markers ?? []) {
    const withAnchor = { ...m, anchor: conflictAnchor(m.code) };
    if (shown.has(m.code)) seen.push(withAnchor);
    else {
      shown.add(m.code);
      fresh.push(withAnchor);
    }
  }
  return { fresh, seen };
}
