import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTES_DOC_COMMAND, registeredRoutes, routesMarkdown } from "../../server/cli/commands/routes";
import { testConfig } from "../../server/config";
import { runCli } from "../support/cli";

const ROUTES_DOC = resolve(import.meta.dirname, "../../docs/routes.md");

describe("the route table", () => {
  it("is what docs/routes.md says, route for route", async () => {
    const committed = readFileSync(ROUTES_DOC, "utf8");
    const current = routesMarkdown(await registeredRoutes(testConfig()));
    // A route was added, moved or guarded differently: the file says what the app serves, so regenerate it.
    expect(current, `docs/routes.md is out of date: run \`${ROUTES_DOC_COMMAND}\` and commit it with your routes`).toBe(committed);
  });

  it("guards every staff page and every write: a role, and CSRF for a browser's form posts", async () => {
    const rows = await registeredRoutes(testConfig());
    const unguarded = rows.filter((r) => {
      const staffPath = /^\/(staff|admin)(\/|$)/.test(r.path);
      // A CORS preflight (OPTIONS) answers headers only and changes nothing.
      const writes = r.method !== "GET" && r.method !== "HEAD" && r.method !== "OPTIONS";
      const hasRole = r.guards.some((g) => /^(viewer|editor|admin)( \(token\))?$/.test(g));
      const tokenOnly = r.guards.some((g) => g.endsWith("(token)"));
      const csrf = r.guards.some((g) => g.startsWith("csrf"));
      if (r.path === "/login" || r.path === "/logout") return writes && !csrf;
      // A reader's own alerts: no account, so CSRF on the form, and past it the subscriber's token in the URL.
      if (r.path === "/alerts") return writes && !r.guards.includes("csrf");
      if (r.path.startsWith("/alerts/")) return writes && !(r.path.includes("/:token") && csrf);
      if (staffPath && !hasRole) return true;
      if (writes && !r.path.startsWith("/api/v1/deadlines/") && !hasRole) return true;
      return writes && !tokenOnly && !csrf;
    });
    expect(unguarded.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it("is printed by `quash routes`, one line per route with its guards", async () => {
    const { code, stdout } = await runCli(["routes"], { env: { LOG_LEVEL: "silent" } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Public pages$/m);
    expect(stdout).toMatch(/^ {4}POST {4}\/staff\/cases\/:slug\/entries +editor, csrf$/m);
    expect(stdout).toMatch(/^ {4}GET {5}\/api\/v1\/entries\/:id +viewer \(token\)$/m);
    const markdown = await runCli(["routes", "--markdown"], { env: { LOG_LEVEL: "silent" } });
    expect(`${markdown.stdout}\n`).toBe(readFileSync(ROUTES_DOC, "utf8"));
  });
});
