import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestApp } from "../support/app";
import { createSeededDb } from "./support";
import { openPage } from "../support/pages";

// Issue 16.1: 27 Jan 2026 is when Meta's ICE List block was reported, not when it began; the disagreement is Q14, shown on the event.
describe("the ICE List block in the bundled record", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await buildTestApp({ db: createSeededDb() }));
  });
  afterAll(async () => app.close());

  it("is dated as reported on 27 Jan 2026, the block's own date unknown, with conflict Q14 on the event", async () => {
    const items = (await app.inject("/api/v1/timeline?date=2026-01-27")).json().data as {
      slug: string;
      title: string;
      description: string;
      date: { label: string };
      conflicts: { code: string; field: string | null }[];
    }[];
    const item = items.find((i) => i.slug === "event-meta-blocks-ice-list-links-2026-01-27")!;
    expect(item.title).toMatch(/^Reports that Meta blocks links/);
    expect(item.date.label).toBe("January 27, 2026");
    expect(item.description).toContain("the day Meta began blocking the links is unknown");
    expect(item.conflicts).toEqual([expect.objectContaining({ code: "Q14", field: "date" })]);

    const { $ } = await openPage(app, "/timeline");
    const row = $("#event-meta-blocks-ice-list-links-2026-01-27");
    expect(row.text()).toContain("Reports that Meta blocks links");
    expect(row.text()).toContain("the day Meta began blocking the links is unknown");
    expect(row.find("a[href$='#conflict-Q14']").length).toBeGreaterThan(0);
    const sources = await openPage(app, "/sources");
    expect(sources.$("#conflict-Q14").text()).toContain("early February");
  });
});
