import { closeDatabase, openDatabase } from "../../../db/client";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import type { RouteRow } from "../../plugins/route-table";
import { systemClock } from "../../shared/clock";
import { EXIT, UsageError, parseFlags, type CliCommand } from "../command";

const USAGE = "quash routes [--markdown]";

/** The command that writes docs/routes.md; the route table test names it when the file is stale. */
export const ROUTES_DOC_COMMAND = "npx quash routes --markdown > docs/routes.md";

/** Rows grouped by section, then by module, both in registration order. */
function grouped(rows: RouteRow[]): Map<string, Map<string, RouteRow[]>> {
  const sections = new Map<string, Map<string, RouteRow[]>>();
  for (const row of rows) {
    const modules = sections.get(row.section) ?? sections.set(row.section, new Map()).get(row.section)!;
    (modules.get(row.module) ?? modules.set(row.module, []).get(row.module)!).push(row);
  }
  return sections;
}

const cell = (text: string) => text.replace(/\|/g, "\\|");

/** docs/routes.md: every route, grouped as server/app.ts groups its modules. */
export function routesMarkdown(rows: RouteRow[]): string {
  const lines = [
    "# Routes",
    "",
    "Every route the app registers, from Fastify's route table, grouped as `server/app.ts` groups its",
    "modules and in the order they are registered. Guards are the roles (and CSRF check) a route's",
    "hooks demand; `(token)` means an API token only. Fastify answers HEAD for every GET.",
    "",
    `Generated: \`${ROUTES_DOC_COMMAND}\`. The route table test fails when this file is out of date.`,
  ];
  for (const [section, modules] of grouped(rows)) {
    lines.push("", `## ${section}`);
    for (const [module, routes] of modules) {
      lines.push("", `### ${module}`, "", "| Method | Path | Guards |", "| --- | --- | --- |");
      for (const r of routes) lines.push(`| ${r.method} | \`${cell(r.path)}\` | ${cell(r.guards.join(", "))} |`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The same table for a terminal: one line per route under its section and module. */
export function routesText(rows: RouteRow[]): string {
  const width = Math.max(...rows.map((r) => r.path.length));
  const lines: string[] = [];
  for (const [section, modules] of grouped(rows)) {
    lines.push(section);
    for (const [module, routes] of modules) {
      lines.push(`  ${module}`);
      for (const r of routes) lines.push(`    ${r.method.padEnd(7)} ${r.path.padEnd(width)}  ${r.guards.join(", ")}`.trimEnd());
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The route table of the app as built here, on an empty in-memory database (routes do not depend on data). */
export async function registeredRoutes(config = loadConfig({})): Promise<RouteRow[]> {
  const db = openDatabase(":memory:");
  try {
    const app = await buildApp({ config: { ...config, databaseFile: ":memory:", logLevel: "silent" }, db, clock: systemClock });
    await app.ready();
    const rows = app.routeTable.rows();
    await app.close();
    return rows;
  } finally {
    closeDatabase(db);
  }
}

export const routesCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { positional, switches } = parseFlags(args, { switches: ["markdown"] });
    if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
    const rows = await registeredRoutes(loadConfig(io.env));
    const text = switches.has("markdown") ? routesMarkdown(rows) : routesText(rows);
    io.stdout(text.trimEnd());
    return EXIT.ok;
  },
};
