import type { FastifyInstance } from "fastify";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp } from "../support/app";
import {
  citeSource,
  insertArgument,
  insertAuthority,
  insertCase,
  insertDoctrine,
  insertEntry,
  insertMotion,
  insertParty,
  insertSource,
  linkArgumentAuthority,
  linkMotionMovant,
} from "../support/factories";
import { collapseWhitespace, parseHtml } from "../support/html";

/*
 * The doctrine, authority and argument pages and their API, through app.inject(): what a law
 * student opens, and what never reaches them (an argument made in a sealed filing, or in a case
 * not yet published).
 */
describe("doctrine, authorities and arguments", () => {
  let app: FastifyInstance;
  let ids: { motion: number; argument: number };

  beforeEach(async () => {
    let db;
    ({ app, db } = await buildTestApp());
    const source = insertSource(db, { tag: "LR3", title: "Research notes, section 3" });
    const doctrine = insertDoctrine(db, {
      slug: "anonymous-speech",
      title: "Anonymous speech",
      summary: "The First Amendment protects the choice to speak without one's name.",
      tags: "anonymous-speech",
      position: 1,
    });
    citeSource(db, "doctrine", doctrine.id, source.id);
    insertDoctrine(db, {
      slug: "administrative-subpoena",
      title: "Administrative-subpoena enforcement",
      summary: "A court enforces an agency's subpoena only within the statute.",
      tags: "administrative-subpoena",
      position: 2,
    });
    const talley = insertAuthority(db, {
      slug: "talley",
      citation: "Talley v. California, 362 U.S. 60 (1960)",
      shortName: "Talley",
      court: "U.S. Supreme Court",
      year: 1960,
      doctrineTags: "anonymous-speech",
      holding: "A ban on anonymous handbills violates the First Amendment.",
    });
    citeSource(db, "authority", talley.id, source.id);
    insertAuthority(db, {
      slug: "19-usc-1509",
      kind: "statute",
      citation: "19 U.S.C. § 1509",
      shortName: "Customs summons (§ 1509)",
      doctrineTags: "administrative-subpoena",
    });

    const kase = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. DHS" });
    const party = insertParty(db, kase.id, { name: "J. Doe", role: "Movant" });
    const entry = insertEntry(db, kase.id, { number: 1, description: "MOTION to Quash", kind: "motion" });
    const motion = insertMotion(db, kase.id, { entryId: entry.id, title: "Motion to quash the summons", status: "moot" });
    linkMotionMovant(db, motion.id, party.id);
    const argument = insertArgument(db, {
      motionId: motion.id,
      entryId: entry.id,
      doctrineTag: "anonymous-speech",
      text: "Unmasking the account would chill anonymous speech.",
      reached: "no",
      treatment: "Not reached: DHS withdrew the summons.",
    });
    linkArgumentAuthority(db, argument.id, talley.id);
    citeSource(db, "argument", argument.id, source.id);
    ids = { motion: motion.id, argument: argument.id };

    const sealed = insertEntry(db, kase.id, { number: 2, description: "Sealed declaration", sealed: true });
    linkArgumentAuthority(
      db,
      insertArgument(db, { entryId: sealed.id, doctrineTag: "anonymous-speech", text: "SEALED-ARGUMENT-TEXT" }).id,
      talley.id,
    );
    const hidden = insertCase(db, { slug: "not-yet-public", caption: "UNPUBLISHED-CASE", published: false });
    const hiddenMotion = insertMotion(db, hidden.id, {});
    insertArgument(db, { motionId: hiddenMotion.id, doctrineTag: "anonymous-speech", text: "UNPUBLISHED-ARGUMENT-TEXT" });
  });
  afterEach(async () => app.close());

  const html = async (url: string) => {
    const res = await app.inject(url);
    expect(res.statusCode, url).toBe(200);
    const $ = parseHtml(res.body);
    expect($("h1"), url).toHaveLength(1);
    for (const secret of ["SEALED-ARGUMENT-TEXT", "UNPUBLISHED-ARGUMENT-TEXT", "UNPUBLISHED-CASE"])
      expect(res.body, url).not.toContain(secret);
    return $;
  };
  const text = ($: ReturnType<typeof parseHtml>) => collapseWhitespace($("main").text());

  it("lists the doctrines with their sourced explanations, and a doctrine's authorities and arguments", async () => {
    const index = await html("/doctrine");
    expect(
      index(".card-heading a")
        .map((_, a) => index(a).text())
        .get(),
    ).toEqual(["Anonymous speech", "Administrative-subpoena enforcement"]);
    expect(index(".card-list li").first().find("sup.src a").attr("href")).toBe("/sources#source-LR3");
    const one = await html("/doctrine/anonymous-speech");
    expect(text(one)).toContain("The First Amendment protects the choice to speak without one's name.");
    expect(one("#authorities-heading").parent().find("a[href='/authorities/talley']")).not.toHaveLength(0);
    expect(text(one)).toContain("Unmasking the account would chill anonymous speech.");
    expect(text(await html("/doctrine/administrative-subpoena"))).toContain("No source attributes an argument on this doctrine");
    expect((await app.inject("/doctrine/no-such-doctrine")).statusCode).toBe(404);
  });

  it("gives an authority's citation, court, year, holding, doctrine and the arguments citing it", async () => {
    const index = await html("/authorities?doctrine=anonymous-speech");
    expect(index("main a[href='/authorities/talley']")).not.toHaveLength(0);
    expect(index("main a[href='/authorities/19-usc-1509']")).toHaveLength(0);
    const statutes = await html("/authorities?kind=statute");
    expect(statutes("main a[href='/authorities/19-usc-1509']")).not.toHaveLength(0);
    expect(statutes("main a[href='/authorities/talley']")).toHaveLength(0);
    const $ = await html("/authorities/talley");
    const facts = collapseWhitespace($("dl.facts").first().text());
    for (const fact of [
      "Talley v. California, 362 U.S. 60 (1960)",
      "U.S. Supreme Court",
      "1960",
      "A ban on anonymous handbills violates the First Amendment.",
      "Anonymous speech",
    ])
      expect(facts).toContain(fact);
    expect($("#arguments-heading").parent().find("li")).toHaveLength(1);
    // No filed text on the record cites it: the page says so instead of an empty list.
    expect(text($)).toContain("No filing in the cluster is on record as citing it");
    expect((await app.inject("/authorities/no-such-authority")).statusCode).toBe(404);
  });

  it("shows each argument with who made it, its authorities and whether the court reached it, on /arguments, the motion's page and the docket", async () => {
    const all = await html("/arguments");
    const card = all(`#argument-${ids.argument}`);
    const words = collapseWhitespace(card.text());
    expect(words).toContain("Made by J. Doe (movant)");
    expect(card.find("a[href='/authorities/talley']").text()).toBe("Talley");
    expect(words).toContain("Not reached: DHS withdrew the summons.");
    expect(all("li[id^=argument-]")).toHaveLength(1);
    expect(await html("/arguments?reached=yes").then((p) => p("li[id^=argument-]").length)).toBe(0);
    expect((await app.inject("/arguments?reached=sometimes")).statusCode).toBe(400);

    const motion = await html(`/cases/doe-v-dhs/motions/${ids.motion}`);
    const row = motion(`tr#argument-${ids.argument}`);
    expect(collapseWhitespace(row.text())).toContain("Not reached: DHS withdrew the summons.");
    expect(
      motion(".tabs a")
        .map((_, a) => motion(a).text())
        .get(),
    ).toEqual(["Docket", "Authorities"]);
    expect((await app.inject(`/cases/doe-v-dhs/motions/999999`)).statusCode).toBe(404);

    const docket = await html("/cases/doe-v-dhs");
    expect(docket("#arguments-heading").parent().find(`#argument-${ids.argument}`)).toHaveLength(1);
  });

  it("says on the Authorities tab that no source lists the authorities, rather than showing an empty tab", async () => {
    const $ = await html("/cases/doe-v-dhs/authorities");
    expect(text($)).toContain("No source lists the authorities the filings in this case cited.");
    // The arguments' own authorities are listed apart, with how many arguments cite each.
    expect(collapseWhitespace($("#argument-authorities-heading").parent().text())).toContain(
      "Talley (Talley v. California, 362 U.S. 60 (1960); cited in 1 argument)",
    );
  });

  it("answers the same records in the API, filterable, with sources", async () => {
    const doctrines = (await app.inject("/api/v1/doctrines")).json();
    expect(doctrines.data.map((d: { slug: string }) => d.slug)).toEqual(["anonymous-speech", "administrative-subpoena"]);
    expect(doctrines.data[0]).toMatchObject({ authorityCount: 1, argumentCount: 1, sources: [expect.objectContaining({ tag: "LR3" })] });
    const doctrine = (await app.inject("/api/v1/doctrines?slug=anonymous-speech")).json();
    expect(doctrine.count).toBe(1);
    expect(doctrine.data[0].arguments.map((a: { id: number }) => a.id)).toEqual([ids.argument]);
    expect(doctrine.data[0].authorities.map((a: { slug: string }) => a.slug)).toEqual(["talley"]);
    expect((await app.inject("/api/v1/doctrines?slug=no-such-doctrine")).json().count).toBe(0);

    const authorities = (await app.inject("/api/v1/authorities?kind=statute")).json();
    expect(authorities.data.map((a: { slug: string }) => a.slug)).toEqual(["19-usc-1509"]);
    const talley = (await app.inject("/api/v1/authorities/talley")).json().data;
    expect(talley).toMatchObject({
      citation: "Talley v. California, 362 U.S. 60 (1960)",
      year: 1960,
      argumentCount: 1,
      filingCount: 0,
      citedIn: [],
    });
    expect(talley.doctrines.map((d: { slug: string }) => d.slug)).toEqual(["anonymous-speech"]);

    const args = (await app.inject("/api/v1/arguments?case=doe-v-dhs&reached=no")).json();
    expect(args.count).toBe(1);
    expect(args.data[0]).toMatchObject({
      id: ids.argument,
      reached: "no",
      treatment: "Not reached: DHS withdrew the summons.",
      madeBy: [expect.objectContaining({ name: "J. Doe", role: "Movant" })],
      motion: expect.objectContaining({ motionId: ids.motion }),
      authorities: [expect.objectContaining({ slug: "talley" })],
    });
    expect((await app.inject(`/api/v1/arguments?motion=${ids.motion}`)).json().count).toBe(1);
    expect((await app.inject("/api/v1/arguments?reached=sometimes")).statusCode).toBe(400);
    expect((await app.inject("/api/v1/authorities/no-such-authority")).statusCode).toBe(404);
    for (const url of ["/api/v1/arguments", "/api/v1/authorities/talley", "/api/v1/doctrines"]) {
      const body = (await app.inject(url)).body;
      expect(body).not.toContain("SEALED-ARGUMENT-TEXT");
      expect(body).not.toContain("UNPUBLISHED");
    }
  });

  it("exports doctrines, authorities and arguments as CSV, with the pages' filters", async () => {
    const csv = async (url: string) => {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"], url).toBe("text/csv; charset=utf-8");
      expect(res.body, url).not.toContain("SEALED-ARGUMENT-TEXT");
      expect(res.body, url).not.toContain("UNPUBLISHED");
      const [header, ...rows] = parse(res.body) as string[][];
      return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
    };
    const doctrines = await csv("/doctrine.csv");
    expect(doctrines.map((d) => d.doctrine)).toEqual(["Anonymous speech", "Administrative-subpoena enforcement"]);
    expect(doctrines[0]).toMatchObject({ leading_authorities: "Talley v. California, 362 U.S. 60 (1960)", arguments: "1", sources: "LR3" });
    const statutes = await csv("/authorities.csv?kind=statute");
    expect(statutes.map((a) => a.citation)).toEqual(["19 U.S.C. § 1509"]);
    const talley = (await csv("/authorities.csv")).find((a) => a.short_name === "Talley");
    expect(talley).toMatchObject({
      court: "U.S. Supreme Court",
      year: "1960",
      doctrines: "Anonymous speech",
      arguments_citing: "1",
      filings_citing: "0",
      url: "http://127.0.0.1:3000/authorities/talley",
    });
    const args = await csv("/arguments.csv?case=doe-v-dhs");
    expect(args).toHaveLength(1);
    expect(args[0]).toMatchObject({
      made_by: "J. Doe (movant)",
      doctrine: "Anonymous speech",
      authorities_cited: "Talley v. California, 362 U.S. 60 (1960)",
      court_reached: "no",
      treatment: "Not reached: DHS withdrew the summons.",
      sources: "LR3",
    });
    expect(await csv("/arguments.csv?reached=yes")).toHaveLength(0);
    expect((await app.inject("/arguments.csv?reached=sometimes")).statusCode).toBe(400);
    expect((await app.inject("/authorities.csv?kind=treaty")).statusCode).toBe(400);
    // Each page links to its CSV with the filters it shows.
    expect((await html("/arguments?case=doe-v-dhs"))("a[href^='/arguments.csv']").attr("href")).toBe("/arguments.csv?case=doe-v-dhs");
    expect((await html("/authorities?kind=statute"))("a[href^='/authorities.csv']").attr("href")).toBe("/authorities.csv?kind=statute");
  });
});
