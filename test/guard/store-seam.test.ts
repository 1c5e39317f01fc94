import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The record store takes the publication guard as a parameter only so that the benchmark can
 * measure the guard's cost against a store without it (bench/guard-cost.ts). Nothing else may
 * pass one: every write in the product and in the tests goes through the real guard.
 */
const ROOT = resolve(import.meta.dirname, "../..");
const ALLOWED = new Set(["bench/guard-cost.ts", "test/guard/store-seam.test.ts"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === "node_modules" || entry.name === "dist" || entry.name.startsWith(".")) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.(ts|mjs|js)$/.test(entry.name) ? [path] : [];
  });
}

/** How many arguments each `createRecordStore(…)` call in the text passes (commas at the call's own depth, plus one). */
function argumentCounts(text: string): number[] {
  const counts: number[] = [];
  for (const match of text.matchAll(/createRecordStore\(/g)) {
    let depth = 0;
    let commas = 0;
    let empty = true;
    for (let i = match.index + match[0].length; i < text.length; i++) {
      const c = text[i]!;
      if ("([{".includes(c)) depth++;
      else if (")]}".includes(c)) {
        if (depth === 0) break;
        depth--;
      } else if (c === "," && depth === 0) commas++;
      else if (!/\s/.test(c)) empty = false;
    }
    counts.push(empty ? 0 : commas + 1);
  }
  return counts;
}

describe("the record store's guard parameter", () => {
  it("is passed by the benchmark's reference run only", () => {
    const offending = ["server", "db", "scripts", "bench", "test"]
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .map((file) => relative(ROOT, file))
      .filter((file) => !ALLOWED.has(file) && !file.startsWith("server/records/store.ts"))
      .filter((file) => argumentCounts(readFileSync(join(ROOT, file), "utf8")).some((n) => n > 2));
    expect(offending).toEqual([]);
  });

  it("counts arguments the way the rule means", () => {
    expect(argumentCounts("createRecordStore(db, clock)")).toEqual([2]);
    expect(argumentCounts("createRecordStore(open(a, b), testClock)")).toEqual([2]);
    expect(argumentCounts("createRecordStore(db, clock, () => {})")).toEqual([3]);
  });
});
