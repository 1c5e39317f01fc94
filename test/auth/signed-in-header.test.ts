import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { buildTestApp } from "../support/app";
import { insertCase, insertEntry } from "../support/factories";
import { parseHtml } from "../support/html";
import { staffBrowser } from "../forms/helpers";

/** Every page a reader can reach from the main navigation, cached (public) or not. */
const PAGES = ["/", "/subpoenas", "/cases", "/cases/doe", "/judges", "/orders", "/calendar", "/timeline", "/sources", "/api"];

describe("who is signed in, on every page", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    insertEntry(db, insertCase(db, { slug: "doe", label: "Doe v. DHS" }).id, { number: 1 });
  });
  afterEach(async () => app.close());

  it("shows a signed-in user their name, the staff pages and a sign-out form, and the public none of it", async () => {
    // The public fills the page cache first, so the staff pages below are the fresh renders.
    for (const url of PAGES) {
      const $ = parseHtml((await app.inject(url)).body);
      expect($(".site-user"), url).toHaveLength(0);
      expect($('footer a[href="/staff"]').text(), url).toBe("Staff sign-in");
    }
    const editor = await staffBrowser(app, db, "editor");
    for (const url of PAGES) {
      const page = await editor.get(url);
      expect(page.statusCode, url).toBe(200);
      const $ = parseHtml(page.body);
      expect($(".site-user").text(), url).toContain(`Signed in as ${editor.user.name} (editor)`);
      expect($('.site-user a[href="/staff"]'), url).toHaveLength(1);
      expect($('.site-user form[action="/logout"] input[name=_csrf]').attr("value"), url).toBeTruthy();
      expect($('footer a[href="/staff"]'), url).toHaveLength(0);
    }
    // The public's bytes, stored or freshly rendered, still carry nobody's name.
    for (const url of PAGES) expect((await app.inject(url)).body, url).not.toContain(editor.user.name);
  });

  it("signs out from any page's header, with the token that header carries", async () => {
    const editor = await staffBrowser(app, db, "editor");
    const header = parseHtml((await editor.get("/cases/doe")).body);
    const token = header('.site-user form[action="/logout"] input[name=_csrf]').attr("value")!;
    const out = await editor.post("/logout", { _csrf: token });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe("/login?signedOut=1");
    const after = await editor.get("/staff");
    expect(after.statusCode).toBe(303);
    expect(String(after.headers.location)).toMatch(/^\/login/);
  });
});
