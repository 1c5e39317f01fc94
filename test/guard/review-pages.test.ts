import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { call, setupWriteApi } from "../api-write/helpers";
import { csrfFrom, postForm, signIn } from "../support/auth";
import { parseHtml } from "../support/html";
import { insertDoeCaseBeforeHixson } from "../support/scenarios";

/*
 * The guard on a write path end to end: the write API saves an entry and says it is held;
 * no public surface has it; a staff member sees the finding marked, and releases or redacts
 * it through the review page; only then does it reach the public, redacted.
 */

const SSN_TEXT = "DECLARATION of J. Doe (SSN 219099998)";
const PUBLIC_URLS = ["/", "/cases/doe-v-dhs", "/api/v1/cases/doe-v-dhs", "/feed.atom", "/cases/doe-v-dhs/feed.atom"];

describe("held for review", () => {
  let app: FastifyInstance;
  let db: Db;
  let token: string;
  let cookie: string;

  beforeEach(async () => {
    let tokens;
    ({ app, db, tokens } = await setupWriteApi());
    token = tokens.editor;
    insertDoeCaseBeforeHixson(db);
    cookie = await signIn(app, "editor@example.org");
  });
  afterEach(async () => app.close());

  async function createEntry(description: string, number = 7) {
    const res = await call(app, "POST", "/api/v1/cases/doe-v-dhs/entries", {
      token,
      body: { dateFiled: "2026-01-05", number, description },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as {
      id: number;
      version: number;
      publicationHold: { message: string; reviewUrl: string; findings: { kind: string; field: string }[] } | null;
    };
  }

  const publicBodies = async () => Promise.all(PUBLIC_URLS.map(async (url) => (await app.inject(url)).body));
  const page = async (url: string) => {
    const res = await app.inject({ url, headers: { cookie } });
    expect(res.statusCode, url).toBe(200);
    return { html: res.body, $: parseHtml(res.body) };
  };

  it("answers the write with the hold (saved, not public) and keeps the entry off every public surface", async () => {
    const entry = await createEntry(SSN_TEXT);
    expect(entry.publicationHold?.message).toMatch(
      /^Saved, and held for review: it is not public until .*Social Security number in description/,
    );
    expect(entry.publicationHold?.findings).toEqual([expect.objectContaining({ field: "description", kind: "ssn" })]);
    expect(JSON.stringify(entry.publicationHold)).not.toContain("219099998");
    for (const body of await publicBodies()) {
      expect(body).not.toContain("DECLARATION of J. Doe");
      expect(body).not.toContain("9998");
    }
    expect((await app.inject(`/cases/doe-v-dhs/entries/${entry.id}`)).statusCode).toBe(404);
    // A clean entry is not held.
    expect((await createEntry("NOTICE of appearance", 8)).publicationHold).toBeNull();
  });

  it("lists the held entry for staff with the finding marked, and never for the public", async () => {
    const entry = await createEntry(SSN_TEXT);
    expect((await app.inject("/staff/review")).statusCode).toBe(303);
    const queue = await page("/staff/review");
    expect(queue.$(".hold-item h3").text()).toBe("Docket entry ECF No. 7, filed 2026-01-05");
    const detail = await page(entry.publicationHold!.reviewUrl);
    expect(detail.$("mark").text()).toBe("219099998");
    expect(detail.$("mark").attr("title")).toBe("Social Security number");
  });

  it("releases with a reason (422 beside the field without one), then the public sees the entry redacted", async () => {
    const entry = await createEntry(SSN_TEXT);
    const url = entry.publicationHold!.reviewUrl;
    const csrf = csrfFrom((await page(url)).html);
    const refused = await postForm(app, `${url}/release`, cookie, { _csrf: csrf, reason: "" });
    expect(refused.statusCode).toBe(422);
    expect(parseHtml(refused.body)("#release-reason-error").text()).toBe("Reason is required: say why, for the record");
    const released = await postForm(app, `${url}/release`, cookie, { _csrf: csrf, reason: "Checked: a sample number" });
    expect(released.statusCode).toBe(303);
    const [home, docket, api] = await publicBodies();
    for (const body of [home, docket, api]) {
      expect(body).toContain("XXX-XX-9998");
      expect(body).not.toContain("219099998");
    }
    const settled = await page("/staff/review");
    expect(settled.$(".settled-hold").text()).toContain("Checked: a sample number");
  });

  it("redacts in place as a revision with the reason; a redaction that leaves the number is refused beside the field", async () => {
    const entry = await createEntry(SSN_TEXT);
    const url = entry.publicationHold!.reviewUrl;
    const csrf = csrfFrom((await page(url)).html);
    const base = { _csrf: csrf, version: String(entry.version), reason: "SSN filed by mistake" };
    const refused = await postForm(app, `${url}/redact`, cookie, { ...base, description: "DECLARATION of J. Doe (SSN 219-09-9998)" });
    expect(refused.statusCode).toBe(422);
    expect(parseHtml(refused.body)("#redact-description-error").text()).toMatch(/still holds/);
    const done = await postForm(app, `${url}/redact`, cookie, { ...base, description: "DECLARATION of J. Doe (SSN withheld)" });
    expect(done.statusCode).toBe(303);
    expect((await app.inject("/cases/doe-v-dhs")).body).toContain("DECLARATION of J. Doe (SSN withheld)");
    const revisions = (await call(app, "GET", `/api/v1/entries/${entry.id}/revisions`, { token })).json() as {
      data: { reason: string | null }[];
    };
    expect(revisions.data.at(-1)!.reason).toBe("redacted for publication: SSN filed by mistake");
  });

  it("adds a never-publish term without ever showing it back, and holds a later entry that names the person", async () => {
    const listUrl = "/staff/cases/doe-v-dhs/never-publish";
    const csrf = csrfFrom((await page(listUrl)).html);
    const empty = await postForm(app, listUrl, cookie, { _csrf: csrf, term: "J.", note: "" });
    expect(empty.statusCode).toBe(422);
    const added = await postForm(app, listUrl, cookie, { _csrf: csrf, term: "Jonathan Quincy Publico", note: "movant's legal name" });
    expect(added.statusCode).toBe(303);
    const list = await page(added.headers.location as string);
    expect(list.$(".never-publish-term th").text()).toBe("movant's legal name");
    expect(list.html).not.toMatch(/Jonathan|Quincy|Publico/);
    const entry = await createEntry("Letter from PUBLICO, Jonathan Quincy to the Court");
    expect(entry.publicationHold?.findings.map((f) => f.kind)).toEqual(["never-publish"]);
    for (const body of await publicBodies()) expect(body).not.toMatch(/PUBLICO/i);
  });

  it("says on the form's confirmation that a saved entry is held, not public (a hold is not an error)", async () => {
    const form = await page("/staff/cases/doe-v-dhs/entries/new");
    const res = await postForm(app, "/staff/cases/doe-v-dhs/entries", cookie, {
      _csrf: csrfFrom(form.html),
      dateFiled: "2026-01-05",
      number: "9",
      description: "DECLARATION of the minor's mother; DOB 01/05/2012",
    });
    expect(res.statusCode).toBe(303);
    const next = await app.inject({
      url: res.headers.location as string,
      headers: { cookie: `${cookie}; ${String(res.headers["set-cookie"]).split(";")[0]}` },
    });
    expect(parseHtml(next.body)("[role=status]").text()).toMatch(
      /Saved .*Saved, and held for review: it is not public until a staff member releases or redacts it \(Full date of birth in description\)/,
    );
  });

  it("marks a held record on its staff pages, and counts held records in the staff navigation", async () => {
    const count = async (url: string) => (await page(url)).$(".site-user a[href='/staff/review']").text();
    expect(await count("/staff")).toBe("Held for review: 0");
    const entry = await createEntry(SSN_TEXT);
    expect(await count("/staff")).toBe("Held for review: 1");
    expect((await page("/staff")).$(".site-user a.held-count")).toHaveLength(1);

    const banner = `Held for review by the publication guard (Social Security number in description): the public sees nothing of it until a staff member releases or redacts it.`;
    for (const url of [`/staff/cases/doe-v-dhs/entries/${entry.id}/edit`, `/staff/history/entry/${entry.id}`]) {
      const { $ } = await page(url);
      expect($("main .notice-error strong").first().text(), url).toBe(banner);
      expect($("main .notice-error a").first().attr("href"), url).toBe(entry.publicationHold!.reviewUrl);
    }
    const casePage = await page("/staff/cases/doe-v-dhs");
    expect(casePage.$("main .notice-error strong").text()).toContain("1 record of this case is held for review by the publication guard");
    const item = casePage.$(`a[href='/staff/cases/doe-v-dhs/entries/${entry.id}/edit']`).parent();
    expect(item.find(".badge").text()).toBe("held for review");
    // The docket page as staff see it leaves the held entry out, as the public's does, and says so.
    const docket = await page("/cases/doe-v-dhs");
    expect(docket.$(".staff-bar a[href='/staff/review']").text()).toBe("1 record of this case held for review (not shown here)");
    expect((await app.inject("/cases/doe-v-dhs")).body).not.toContain("Held for review");

    // Released: the banners go, the count falls back.
    const csrf = csrfFrom((await page(entry.publicationHold!.reviewUrl)).html);
    await postForm(app, `${entry.publicationHold!.reviewUrl}/release`, cookie, { _csrf: csrf, reason: "Checked: a sample number" });
    expect(await count("/staff")).toBe("Held for review: 0");
    expect((await page(`/staff/history/entry/${entry.id}`)).html).not.toContain("Held for review by the publication guard");
  });
});
