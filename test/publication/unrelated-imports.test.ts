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

/*
 * The bug that opened the publication scope: a PACER file for a case nobody follows (a 2009
 * criminal docket, a civil notice from Texas) landed on /cases, the overview and the main
 * feed with real names, because nothing said a new case was not yet meant for the public.
 */

/** Names and words of the two unrelated files, each of which must stay off the public surfaces. */
const CRIMINAL = { file: "district/cand_3.html", slug: "cand-3-09-cr-00418", words: ["Alfaro-Medina", "3:09-cr-00418", "Jeffrey S. White"] };
const CIVIL_NEF = { file: "nef/txnd.html", slug: "txnd-3-21-cv-00071", words: ["Sanchez v. Palacios", "Dennis A Clifford", "3:21-cv-00071"] };

const LISTS = ["/", "/cases", "/feed.atom", "/calendar.ics", "/judges", "/orders", "/timeline", "/sources", "/api/v1/cases", "/api/v1/judges", "/api/v1/sources", "/api/v1/timeline", "/api/v1/orders"];
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
});
