import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestApp } from "../support/app";
import { createSeededDb } from "../seeds/support";
import { openPage } from "../support/pages";

// Issue 16.3: a case's narrative summary was in the API and on no page.
describe("a case's summary on its docket page", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await buildTestApp({ db: createSeededDb() }));
  });
  afterAll(async () => app.close());

  it("is shown under the docket header with its sources, for every case that has one", async () => {
    const cases = (await app.inject("/api/v1/cases")).json().data as {
      slug: string;
      summary: string | null;
      sources: { tag: string; field: string | null }[];
    }[];
    const withSummary = cases.filter((c) => c.summary);
    expect(withSummary.length).toBeGreaterThan(3);
    for (const c of withSummary) {
      const { $ } = await openPage(app, `/cases/${c.slug}`);
      const summary = $(".case-header .case-summary");
      expect(summary.text(), c.slug).toContain(c.summary!.slice(0, 60));
      const tags = summary
        .find("sup.src a")
        .map((_, a) => $(a).text())
        .get();
      expect(tags.length, c.slug).toBeGreaterThan(0);
      const own = c.sources.filter((s) => s.field === "summary").map((s) => s.tag);
      const expected = own.length ? own : c.sources.filter((s) => s.field === null).map((s) => s.tag);
      expect(new Set(tags), c.slug).toEqual(new Set(expected));
    }
    const { $ } = await openPage(app, "/cases/montco-doe-v-dhs");
    expect($(".case-summary").text()).toContain("all the posts were protected speech");
  });
});
