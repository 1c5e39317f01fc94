import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildLoggedTestApp } from "../support/app";
import { insertUser, signIn } from "../support/auth";
import { insertCase } from "../support/factories";
import { parseHtml } from "../support/html";

/** Words a reader should never see: a validator's or a runtime's own text. */
const RAW =
  /Invalid (params|input|query)|expected (number|string)|received|NaN|zod|querystring|ZodError|at .*\.ts:\d+|\/work\/|SqliteError|TypeError|stack/i;

describe("public error pages speak plain words and link somewhere useful; the detail goes to the log", () => {
  let app: FastifyInstance;
  afterEach(async () => app.close());

  async function setup() {
    const built = await buildLoggedTestApp();
    app = built.app;
    insertCase(built.db, { slug: "doe-v-dhs" });
    return built;
  }

  it("first reader: a guessed /cases/{slug}/entries/new is a 404 page in words, with links, and the log has the validator's detail", async () => {
    const { log } = await setup();
    const res = await app.inject("/cases/doe-v-dhs/entries/new");
    expect(res.statusCode).toBe(404);
    const $ = parseHtml(res.body);
    expect($("h1").text()).toBe("Page not found");
    expect($("main").text()).not.toMatch(RAW);
    expect($("main").text()).toContain("Nothing is at this address.");
    const links = $("main nav a")
      .map((_, a) => $(a).attr("href"))
      .get();
    expect(links).toEqual(expect.arrayContaining(["/", "/cases", "/subpoenas"]));
    const refused = log.find((line) => line["msg"] === "request refused" && line["status"] === 404);
    expect(JSON.stringify(refused?.["detail"])).toContain("entryId");
  });

  it("a malformed filter on a page without a form of its own says which part in words, not the validator's text", async () => {
    const { log } = await setup();
    for (const url of ["/subpoenas?group=judge", "/login?next=" + "x".repeat(600), "/staff/import/done?ids=abc"]) {
      const res = await app.inject(url);
      if (res.statusCode === 303) continue;
      expect(res.statusCode, url).toBe(400);
      const text = parseHtml(res.body)("main").text();
      expect(text, url).not.toMatch(RAW);
      expect(text, url).toContain("Quash could not read");
    }
    expect(log.some((line) => line["msg"] === "request refused" && line["status"] === 400)).toBe(true);
  });

  it("an unknown address is a 404 in words; staff also get a link to the staff pages", async () => {
    const built = await setup();
    const anonymous = parseHtml((await app.inject("/no/such/page")).body);
    expect(anonymous("main").text()).toContain("The address may be mistyped");
    expect(anonymous("main nav a[href='/staff']")).toHaveLength(0);
    await insertUser(built.db, { email: "editor@example.org", role: "editor" });
    const cookie = await signIn(app, "editor@example.org");
    const staff = parseHtml((await app.inject({ url: "/no/such/page", headers: { cookie } })).body);
    expect(staff("main nav a[href='/staff']")).toHaveLength(1);
  });

  it("Fastify's own refusals (bad JSON, wrong content type) answer generic words; their text goes to the log", async () => {
    const { log } = await setup();
    const res = await app.inject({ method: "POST", url: "/login", headers: { "content-type": "application/json" }, payload: "{not json" });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(parseHtml(res.body)("main").text()).not.toMatch(/Body is not valid JSON|content-type/i);
    const media = await app.inject({ method: "POST", url: "/login", headers: { "content-type": "application/x-evil" }, payload: "x" });
    expect(media.statusCode).toBe(415);
    expect(parseHtml(media.body)("main").text()).not.toContain("application/x-evil");
    expect(parseHtml(res.body)("main").text()).toContain("The request could not be read.");
    const refused = log.filter((line) => line["msg"] === "request refused").map((line) => String(line["detail"]));
    expect(refused).toEqual(["Body is not valid JSON but content-type is set to 'application/json'", "Unsupported Media Type"]);
  });
});
