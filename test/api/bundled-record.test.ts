import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestApp } from "../support/app";
import { createSeededDb } from "../seeds/support";

/*
 * The API over the bundled record (seeds/): every collection and every record in it answers,
 * so no real value (a fuzzy date, an unknown field) trips the response schemas. One app for
 * the file: the record is large and these requests only read.
 */
describe("API over the bundled record", () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ app } = await buildTestApp({ db: createSeededDb() }));
  });
  afterAll(async () => app.close());

  it("answers every collection and every record of cases, subpoenas and judges", async () => {
    for (const collection of ["cases", "subpoenas", "judges"]) {
      const list = await app.inject(`/api/v1/${collection}`);
      expect(list.statusCode, collection).toBe(200);
      const items = list.json().data as { slug: string; url: string }[];
      expect(items.length, collection).toBeGreaterThan(0);
      for (const item of items) {
        const res = await app.inject(new URL(item.url).pathname);
        expect(res.statusCode, item.url).toBe(200);
        expect(res.json().data.slug).toBe(item.slug);
      }
    }
    for (const url of ["/api/v1/orders", "/api/v1/timeline", "/api/v1/sources", "/api/v1/openapi.json", "/api"]) {
      expect((await app.inject(url)).statusCode, url).toBe(200);
    }
  });

  it("dates the record honestly: fuzzy dates keep their precision and words", async () => {
    const items = (await app.inject("/api/v1/timeline")).json().data as {
      date: { date: string | null; precision: string; label: string };
    }[];
    expect(items.length).toBeGreaterThan(10);
    for (const { date } of items) {
      if (date.precision === "unknown") expect(date.date).toBeNull();
      else expect(date.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(date.label.length).toBeGreaterThan(0);
    }
    expect(items.some((i) => i.date.precision !== "day")).toBe(true);
  });
});
