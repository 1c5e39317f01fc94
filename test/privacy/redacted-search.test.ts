import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestApp } from "../support/app";
import { insertEntry } from "../support/factories";
import { releaseAllHolds } from "../support/guard";
import { insertDoeCaseBeforeHixson } from "../support/scenarios";

/*
 * The docket's text filter searches what the public sees. Searching the stored text would
 * make the filter an oracle: whoever guesses an SSN could learn which entry holds it.
 */
describe("the docket filter over redacted text", () => {
  let app: FastifyInstance;
  let entryId: number;

  beforeEach(async () => {
    let db;
    ({ app, db } = await buildTestApp());
    const { kase } = insertDoeCaseBeforeHixson(db);
    entryId = insertEntry(db, kase.id, { number: 1, description: "DECLARATION of J. Doe (SSN 219-09-9996, born on January 5, 1990)" }).id;
    releaseAllHolds(db);
  });
  afterEach(async () => app.close());

  const matches = async (q: string) =>
    (await app.inject(`/cases/doe-v-dhs?q=${encodeURIComponent(q)}`)).body.includes(`id="entry-${entryId}"`);

  it("finds the entry by its public words and remnants, never by the protected digits", async () => {
    expect(await matches("DECLARATION")).toBe(true);
    expect(await matches("XXX-XX-9996")).toBe(true);
    expect(await matches("born in 1990")).toBe(true);
    expect(await matches("219-09-9996")).toBe(false);
    expect(await matches("09-99")).toBe(false);
    expect(await matches("January 5")).toBe(false);
  });
});
