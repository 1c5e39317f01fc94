import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../db/client";
import { buildApp } from "../../server/app";
import { testConfig } from "../../server/config";
import { FIXTURES_DIR } from "../pacer/fixtures";
import { buildTestApp } from "../support/app";
import { runCli } from "../support/cli";
import { testClock } from "../support/db";
import { fixtureBytes, importOk, tempDataDir } from "../imports/support";
import { createUser, signIn } from "../support/auth";
import { parseHtml } from "../support/html";
import * as s from "../../db/schema";

/*
 * The bug that opened the publication scope: a PACER file for a case nobody follows (a 2009
 * criminal docket, a civil notice from Texas) landed on /cases, the overview and the main
 * feed with real names, because nothing said a new case was not yet meant for the public.
 */

/** Names and words of the two unrelated files, each of which must stay off the public surfaces. */
const CRIMINAL = {
  file: "district/cand_3.html",
  slug: "cand-3-09-cr-00418",
  words: ["Alfaro-Medina", "3:09-cr-00418", "Jeffrey S. White"],
};
const CIVIL_NEF = {
  file: "nef/txnd.html",
  slug: "txnd-3-21-cv-00071",
  words: ["Sanchez v. Palacios", "Dennis A Clifford", "3:21-cv-00071"],
};

const LISTS = [
  "/",
  "/cases",
  "/feed.atom",
  "/calendar.ics",
  "/judges",
  "/orders",
  "/timeline",
  "/sources",
  "/api/v1/cases",
  "/api/v1/judges",
  "/api/v1/sources",
  "/api/v1/timeline",
  "/api/v1/orders",
];
const pagesOf = (slug: string) => [`/cases/${slug}`, `/cases/${slug}/feed.atom`, `/cases/${slug}/calendar.ics`, `/api/v1/cases/${slug}`];

async function leaksOn(app: FastifyInstance, words: string[], slug: string): Promise<string[]> {
  const leaks: string[] = [];
  for (const url of LISTS) {
    const res = await app.inject(url);
    expect(res.statusCode, url).toBe(200);
    for (const word of words) if (res.body.includes(word)) leaks.push(`${url} shows ${word}`);
  }
  for (const url of pagesOf(slug)) {
    const res = await app.inject(url);
    if (res.statusCode !== 404) leaks.push(`${url} answered ${res.statusCode}`);
  }
  return leaks;
}

describe("a PACER file for a case the record does not publish", () => {
  let app: FastifyInstance;
  let db: Db;
  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
  });
  afterEach(async () => app.close());

  it("stays off every public list and page after an import with the defaults (staff page and CLI share them)", async () => {
    const dataDir = tempDataDir();
    await importOk(db, dataDir, "cand_3.html", fixtureBytes(CRIMINAL.file));
    await importOk(db, dataDir, "txnd.html", fixtureBytes(CIVIL_NEF.file));
    expect(await leaksOn(app, CRIMINAL.words, CRIMINAL.slug)).toEqual([]);
    expect(await leaksOn(app, CIVIL_NEF.words, CIVIL_NEF.slug)).toEqual([]);
  });

  it("stays off every public surface after `quash import` with no flags", async () => {
    const dir = tempDataDir();
    const env = { DATABASE_FILE: join(dir, "quash.db"), DATA_DIR: join(dir, "data"), LOG_LEVEL: "silent" };
    const result = await runCli(["import", join(FIXTURES_DIR, CRIMINAL.file), join(FIXTURES_DIR, CIVIL_NEF.file)], { env });
    expect(result.code, result.stderr).toBe(0);
    const fileDb = openDatabase(env.DATABASE_FILE);
    const fileApp = await buildApp({ config: testConfig({ dataDir: env.DATA_DIR }), db: fileDb, clock: testClock });
    try {
      expect(await leaksOn(fileApp, CRIMINAL.words, CRIMINAL.slug)).toEqual([]);
      expect(await leaksOn(fileApp, CIVIL_NEF.words, CIVIL_NEF.slug)).toEqual([]);
    } finally {
      await fileApp.close();
      fileDb.$client.close();
    }
  });

  it("is listed for staff review, and reaches the public only once a staff member publishes it", async () => {
    await importOk(db, tempDataDir(), "cand_3.html", fixtureBytes(CRIMINAL.file));
    await createUser(app, { email: "clerk@example.org", role: "editor" });
    const cookie = await signIn(app, "clerk@example.org");
    const list = parseHtml((await app.inject({ url: "/staff/unpublished", headers: { cookie } })).body);
    const row = list(`#case-${CRIMINAL.slug}`);
    expect(row.text()).toContain("United States v. Alfaro-Medina");
    expect(row.text()).toContain("Unsorted");
    expect(row.text()).toContain("import #1 of cand_3.html (docket report)");
    const staffPage = await app.inject({ url: `/staff/cases/${CRIMINAL.slug}`, headers: { cookie } });
    expect(parseHtml(staffPage.body)('[role="status"]').text()).toContain("Not published");

    await app.publication.publish(1, { reason: "Kept as an example", group: "out_of_scope" }, { actor: { userId: null, label: "test" } });
    expect((await app.inject(`/cases/${CRIMINAL.slug}`)).statusCode).toBe(200);
    expect((await app.inject("/cases")).body).toContain("Alfaro-Medina");
    expect((await app.inject("/judges")).body).toContain("Jeffrey S. White");
    expect((await app.inject("/sources")).body).toContain("3:09-cr-00418");
  });

  it("is published at import only when asked, with a group: `quash import --publish --group …`", async () => {
    const dir = tempDataDir();
    const env = { DATABASE_FILE: join(dir, "quash.db"), DATA_DIR: join(dir, "data"), LOG_LEVEL: "silent" };
    const file = join(FIXTURES_DIR, CRIMINAL.file);
    const refused = await runCli(["import", file, "--publish"], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--group must be a group the public sees (not Unsorted)");
    const done = await runCli(["import", file, "--publish", "--group", "out_of_scope"], { env });
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain(`created, /cases/${CRIMINAL.slug}`);
    const fileDb = openDatabase(env.DATABASE_FILE);
    try {
      expect(fileDb.select().from(s.cases).get()).toMatchObject({ published: true, group: "out_of_scope" });
    } finally {
      fileDb.$client.close();
    }
  });
});
