import { readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import fp from "fastify-plugin";
import fastifyView from "@fastify/view";
import Handlebars from "handlebars";
import { conflictsOnce } from "../shared/conflicts-once";
import { LAYOUT_VIEW } from "../shared/layout-view";

export const VIEWS_DIR = resolve(import.meta.dirname, "../../views");

/**
 * Handlebars with our partials. Templates only print and loop; the helpers here format (`json`)
 * or say what the page has already printed (`conflictsOnce`: server/shared/conflicts-once.ts). `production: true` caches compiled templates (twice as fast).
 */
function createHandlebars() {
  const hbs = Handlebars.create();
  const partialsDir = join(VIEWS_DIR, "partials");
  for (const file of readdirSync(partialsDir)) {
    if (file.endsWith(".hbs")) hbs.registerPartial(basename(file, ".hbs"), readFileSync(join(partialsDir, file), "utf8"));
  }
  // JSON for <script type="application/ld+json"> and data attributes, escaped by the caller's {{ }}.
  hbs.registerHelper("json", (value: unknown) => JSON.stringify(value));
  // "Sources disagree" once per page: the partial conflicts.hbs asks which of its conflicts this render already showed.
  hbs.registerHelper("conflictsOnce", function (markers: Parameters<typeof conflictsOnce>[1], options: Handlebars.HelperOptions) {
    return conflictsOnce((options.data as { root: object }).root, markers);
  });
  return hbs;
}

export const viewsPlugin = fp(
  async (app) => {
    await app.register(fastifyView, {
      engine: { handlebars: createHandlebars() },
      root: VIEWS_DIR,
      layout: "layouts/main.hbs",
      // The layout's links (server/shared/layout-view.ts), under every page's own data.
      defaultContext: { layout: LAYOUT_VIEW },
      viewExt: "hbs",
      production: true,
    });
  },
  { name: "views" },
);
