import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestApp } from "../support/app";
import { parseHtml } from "../support/html";

describe("deadline calculator, API and page: edge cases from the acceptance audit", () => {
  let app: FastifyInstance;
  beforeEach(async () => {
    ({ app } = await buildTestApp());
  });
  afterEach(async () => app.close());

  it.each([
    ["trigger=1960-01-04&days=14&dir=after", "trigger", "outside the dates"],
    ["trigger=2027-02-29&days=14&dir=after", "trigger", "not a real date"],
    ["trigger=2026-02-03&days=-14&dir=before", "days", "cannot be negative"],
    ["trigger=2026-02-03&days=14.5&dir=after", "days", "whole number"],
    ["rule=frcp-72a&trigger=2026-02-30", "trigger", "not a real date"],
  ])("API: ?%s → 400 naming %s, no date", async (query, path, message) => {
    const res = await app.inject(`/api/v1/deadlines/compute?${query}`);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.due).toBeUndefined();
    expect(body.errors).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it("API: a backward period over a presidential closure names the earlier date as safe", async () => {
    // 2025-12-31 − 7 = Wed 12-24, closure (EO of Dec. 18, 2025); so Tue 12-23; without it 12-24.
    const res = await app.inject("/api/v1/deadlines/compute?trigger=2025-12-31&days=7&dir=before");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.due).toBe("2025-12-23");
    const warning = body.warnings.find((w: { code: string }) => w.code === "executive-closure");
    expect(warning).toMatchObject({ alternativeDue: "2025-12-24" });
    expect(warning.message).toContain("2025-12-23 is the safe date");
  });

  it("page: an out-of-range trigger is a 400 with the message beside the field", async () => {
    const res = await app.inject("/deadlines/calculator?trigger=1960-01-04&days=14&dir=after");
    expect(res.statusCode).toBe(400);
    const $ = parseHtml(res.body);
    expect($("#result-heading")).toHaveLength(0);
    expect($("#period-trigger-error").text()).toContain("outside the dates");
  });

  it("page: 1000 days is answered, 1001 refused", async () => {
    const ok = await app.inject("/deadlines/calculator?trigger=2025-01-01&days=1000&dir=after");
    expect(ok.statusCode).toBe(200);
    expect(parseHtml(ok.body)("#result-heading").text()).toBe("Due Tuesday, September 28, 2027");
    const tooMany = await app.inject("/deadlines/calculator?trigger=2025-01-01&days=1001&dir=after");
    expect(tooMany.statusCode).toBe(400);
  });
});
