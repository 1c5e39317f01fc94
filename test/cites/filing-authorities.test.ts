import type { FastifyInstance } from "fastify";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { cites } from "../../db/schema";
import { buildTestApp } from "../support/app";
import { createUser, csrfFrom, postForm, signIn } from "../support/auth";
import { insertAuthority, insertCase, insertEntry } from "../support/factories";
import { collapseWhitespace, parseHtml } from "../support/html";
import { minimalPdf, multipartBody, tempDataDir } from "../documents/support";

/*
 * A filing's uploaded text, through the real extractor (server/citations), becomes proposed
 * "cites" links on its case's Authorities tab; staff confirm or reject each; the public sees
 * only what staff confirmed; a rejected link stays rejected when the text is extracted again.
 */

const BRIEF = [
  "The First Amendment protects the decision to speak anonymously. Talley v. California, 362 U.S. 60, 64 (1960).",
  "Customs may summon records only about imported merchandise. 19 U.S.C. Sec. 1509(a)(2); see 19 U.S.C. § 1509(a)(2).",
  "A party may proceed under a pseudonym. Does I thru XXIII v. Advanced Textile Corp., 214 F.3d 1058, 1068 (9th Cir. 2000).",
];

describe("a filing's citations on its case's Authorities tab", () => {
  let app: FastifyInstance;
  let db: Db;
  let cookie: string;
  let talley: { id: number };

  beforeEach(async () => {
    ({ app, db } = await buildTestApp({ config: { dataDir: tempDataDir() } }));
    await createUser(app, { email: "editor@example.org", role: "editor" });
    cookie = await signIn(app, "editor@example.org");
    const kase = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. DHS" });
    const entry = insertEntry(db, kase.id, { number: 12, description: "MOTION to Quash", kind: "motion" });
    talley = insertAuthority(db, {
      slug: "talley-v-california",
      citation: "Talley v. California, 362 U.S. 60 (1960)",
      shortName: "Talley",
      court: "U.S. Supreme Court",
      year: 1960,
    });
    insertAuthority(db, { slug: "19-usc-1509", kind: "statute", citation: "19 U.S.C. § 1509", shortName: "Customs summons (§ 1509)" });
    const url = `/staff/cases/doe-v-dhs/entries/${entry.id}/documents`;
    const page = await app.inject({ url, headers: { cookie } });
    const body = multipartBody(
      { _csrf: csrfFrom(page.body), attachmentNumber: "0" },
      { fileName: "motion.pdf", content: minimalPdf(BRIEF) },
    );
    const res = await app.inject({ method: "POST", url, headers: { cookie, "content-type": body.contentType }, payload: body.payload });
    expect(res.statusCode).toBe(303);
    const done = await app.inject({ url: res.headers.location!, headers: { cookie } });
    expect(collapseWhitespace(parseHtml(done.body)(".notice[role=status]").text())).toMatch(
      /\d+ citations were found in its text and proposed as links/,
    );
  });
  afterEach(async () => app.close());

  const links = () => db.select().from(cites).all();
  const tab = async (signedIn: boolean) => {
    const res = await app.inject({ url: "/cases/doe-v-dhs/authorities", headers: signedIn ? { cookie } : {} });
    expect(res.statusCode).toBe(200);
    return { res, $: parseHtml(res.body) };
  };

  it("proposes a link for every citation, linked where the record has the authority and proposed as new where it does not", () => {
    const rows = links();
    const talleyLink = rows.find((r) => r.kind === "case" && r.citeKey.includes("case/U.S./362/60"))!;
    expect(talleyLink).toMatchObject({ status: "proposed", authorityId: talley.id, matchedBy: "citation", pinCite: "64" });
    expect(talleyLink.sentence).toContain("The First Amendment protects the decision to speak anonymously.");
    const statute = rows.find((r) => r.kind === "law" && r.citeKey.includes("law/U.S.C./19/1509"))!;
    expect(statute.authorityId).not.toBeNull();
    expect(statute.pinCite).toBe("(a)(2)");
    const textile = rows.find((r) => r.citeKey.includes("case/F.3d/214/1058"))!;
    expect(textile).toMatchObject({ authorityId: null, proposedKind: "case", proposedYear: 2000 });
    expect(textile.proposedCitation).toContain("214 F.3d 1058");
  });

  it("shows the public no unconfirmed link, only that citations wait for review; staff see them with their forms", async () => {
    const { $: publicTab } = await tab(false);
    expect(publicTab("h1")).toHaveLength(1);
    expect(collapseWhitespace(publicTab("main").text())).toContain("No source lists the authorities the filings in this case cited.");
    expect(collapseWhitespace(publicTab("main").text())).toMatch(/citations found in this case's filings wait for staff/);
    expect(publicTab("main form")).toHaveLength(0);
    const { $: staffTab } = await tab(true);
    expect(staffTab(".staff-review li[id^=cite-]").length).toBe(links().length);
    expect(staffTab(".staff-review").text()).toContain("add it as an authority");
  });

  it("publishes a link once staff confirm it, with its pin cite and the sentence it appears in", async () => {
    const link = links().find((r) => r.citeKey.includes("case/U.S./362/60"))!;
    const { res } = await tab(true);
    const confirmed = await postForm(app, `/staff/cites/${link.id}/confirm`, cookie, {
      _csrf: csrfFrom(res.body),
      version: String(link.version),
      authorityId: String(talley.id),
    });
    expect(confirmed.statusCode).toBe(303);
    const { $ } = await tab(false);
    const text = collapseWhitespace($("main").text());
    expect(text).toContain("Talley cited once");
    expect(text).toContain("pin cite 64");
    expect($("blockquote.cited-sentence mark").first().text()).toBe("Talley v. California, 362 U.S. 60, 64 (1960)");
    const authority = parseHtml((await app.inject("/authorities/talley-v-california")).body);
    expect(collapseWhitespace(authority("main").text())).toContain("ECF No. 12 in Doe v. DHS");
  });

  it("refuses to confirm a link without an authority (422 beside its form) or from a stale version (409), changing nothing", async () => {
    const textile = links().find((r) => r.citeKey.includes("case/F.3d/214/1058"))!;
    const { res } = await tab(true);
    const csrf = csrfFrom(res.body);
    const missing = await postForm(app, `/staff/cites/${textile.id}/confirm`, cookie, { _csrf: csrf, version: String(textile.version) });
    expect(missing.statusCode).toBe(422);
    const $ = parseHtml(missing.body);
    expect($(`#cite-${textile.id} .field-error`).text()).toContain("must name the authority this citation cites");
    expect($(`#cite-${textile.id} select`).attr("aria-invalid")).toBe("true");
    const stale = await postForm(app, `/staff/cites/${textile.id}/reject`, cookie, { _csrf: csrf, version: String(textile.version + 5) });
    expect(stale.statusCode).toBe(409);
    expect(db.select().from(cites).where(eq(cites.id, textile.id)).get()).toMatchObject({ status: "proposed", version: textile.version });
  });

  it("keeps a rejected link rejected when the filing's citations are extracted again", async () => {
    const link = links().find((r) => r.citeKey.includes("case/U.S./362/60"))!;
    const { res } = await tab(true);
    const csrf = csrfFrom(res.body);
    expect(
      (
        await postForm(app, `/staff/cites/${link.id}/reject`, cookie, {
          _csrf: csrf,
          version: String(link.version),
          note: "quoted from the other side",
        })
      ).statusCode,
    ).toBe(303);
    const before = links().length;
    const again = await postForm(app, "/staff/cases/doe-v-dhs/cites/extract", cookie, { _csrf: csrf });
    expect(again.statusCode).toBe(303);
    expect(links()).toHaveLength(before);
    expect(db.select().from(cites).where(eq(cites.id, link.id)).get()).toMatchObject({
      status: "rejected",
      found: true,
      decisionNote: "quoted from the other side",
    });
    const { $ } = await tab(false);
    expect(collapseWhitespace($("main").text())).not.toContain("Talley cited");
  });
});
