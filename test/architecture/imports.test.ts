import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The dependency rules of server/README.md, checked on the import statements themselves. Folders
 * are server/'s top-level ones (server/cases, server/editing…; a file directly in server/ is its
 * own node). The cycle rule reads the imports that run: `import type` is erased before the code
 * runs, so a form engine that names the write service's types does not make a cycle.
 */
const ROOT = resolve(import.meta.dirname, "../..");
const SERVER = join(ROOT, "server");
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^;]*?\s+from\s+)?["']([^"']+)["']/gm;

type Import = { from: string; to: string; spec: string; typeOnly: boolean };

function serverFiles(dir = SERVER): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? serverFiles(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

function importsOf(file: string): Import[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(IMPORT)].map((m) => {
    const spec = m[2]!;
    const to = spec.startsWith(".") ? normalize(join(dirname(file), spec)) : spec;
    return { from: relative(ROOT, file), to: spec.startsWith(".") ? relative(ROOT, to) : spec, spec, typeOnly: Boolean(m[1]) };
  });
}

/** server/cases/loaders.ts → server/cases; server/app.ts → server/app. */
function folderOf(path: string): string | null {
  const parts = path.split("/");
  if (parts[0] !== "server") return null;
  return parts.length === 2 ? `server/${parts[1]!.replace(/\.ts$/, "")}` : `server/${parts[1]}`;
}

/** Groups of folders that import one another in a circle (Tarjan's strongly connected components). */
function folderCycles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!indexOf.has(v)) visit(v);
  return cycles;
}

const ALL = serverFiles().flatMap(importsOf);

describe("server/ dependency rules (server/README.md)", () => {
  it("has no cycles between folders", () => {
    const edges = new Map<string, Set<string>>();
    const why = new Map<string, string>();
    for (const imp of ALL.filter((i) => !i.typeOnly)) {
      const a = folderOf(imp.from);
      const b = folderOf(imp.to);
      if (!a || !b || a === b) continue;
      (edges.get(a) ?? edges.set(a, new Set()).get(a)!).add(b);
      if (!why.has(`${a}>${b}`)) why.set(`${a}>${b}`, `${imp.from} imports ${imp.spec}`);
    }
    const cycles = folderCycles(edges).map((group) => {
      const inside = [...why.entries()].filter(([key]) => group.includes(key.split(">")[0]!) && group.includes(key.split(">")[1]!));
      return `${group.join(", ")}: ${inside.map(([, line]) => line).join("; ")}`;
    });
    expect(cycles, "move the helper that closes the circle to the folder both sides can import (server/README.md)").toEqual([]);
  });

  it("keeps the domain modules free of the web layer and the database", () => {
    const domain = (path: string) =>
      /^server\/(pacer|deadlines|citations|status)\//.test(path) || (/^server\/privacy\//.test(path) && !/\/projection\.ts$/.test(path));
    const web = (imp: Import) =>
      /^(fastify|fastify-plugin|@fastify\/|handlebars|drizzle-orm|better-sqlite3)/.test(imp.to) ||
      /^db\/client/.test(imp.to) ||
      /^server\/(app|server|plugins|cache|forms|staff|api|cli)(\/|$)/.test(imp.to) ||
      /\/(routes|api-routes|view-models|loaders|repository)$/.test(imp.to);
    const offending = ALL.filter((imp) => domain(imp.from) && web(imp)).map((imp) => `${imp.from} imports ${imp.spec}`);
    expect(offending).toEqual([]);
  });

  it("imports server/plugins/ only from the files that put the app together (app.ts, server.ts, the CLI)", () => {
    const offending = ALL.filter(
      (imp) => /^server\/plugins\//.test(imp.to) && !/^server\/(app\.ts|server\.ts|plugins\/|cli\/)/.test(imp.from),
    ).map((imp) => `${imp.from} imports ${imp.spec}`);
    expect(offending).toEqual([]);
  });

  it("keeps the raw SQLite driver behind db/client.ts", () => {
    const offending = serverFiles()
      .filter((file) => /\.\$client\b/.test(readFileSync(file, "utf8")))
      .map((file) => relative(ROOT, file));
    expect(offending, "use closeDatabase, dataVersion, backupDatabase or prepareStatement from db/client.ts").toEqual([]);
  });
});
