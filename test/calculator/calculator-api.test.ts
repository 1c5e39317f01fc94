import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestApp } from "../support/app";

describe("deadline API", () => {
  let app: FastifyInstance;
  beforeEach(async () => {
    ({ app } = await buildTestApp());
  });
  afterEach(async () => app.close());

  it("computes a period as JSON: due date, steps, cut-off and citations (legal-rules 1.8 #7)", async () => {
    const res = await app.inject("/api/v1/deadlines/compute?trigger=2025-09-18&days=14&dir=after");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/json");
    const body = res.json();
    expect(body).toMatchObject({
      due: "2025-10-02",
      weekday: "Thursday",
      request: { trigger: "2025-09-18", days: 14, direction: "after", service: "electronic", eoClosures: true, caHolidays: false },
      cutoff: { at: "2025-10-03T07:00:00Z", timeZone: "America/Los_Angeles", utcOffset: "-07:00" },
    });
    expect(body.steps[0]).toMatchObject({ kind: "count", from: "2025-09-18", to: "2025-10-02" });
    expect(body.rule).toBeUndefined();
  });

  it("applies mail service after the roll (1.8 #35) and a named rule with its citation", async () => {
    const mail = await app.inject("/api/v1/deadlines/compute?trigger=2025-07-31&days=30&dir=after&service=mail");
    expect(mail.json().due).toBe("2025-09-05");
    const reply = await app.inject("/api/v1/deadlines/compute?rule=lr-7-3c&trigger=2025-10-02");
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ due: "2025-10-09", rule: { code: "lr-7-3c", citation: "N.D. Cal. Civ. L.R. 7-3(c)" } });
    expect(reply.json().citations[0]).toBe("N.D. Cal. Civ. L.R. 7-3(c)");
  });

  it.each([
    ["trigger=2026-02-30&days=14&dir=after", "trigger", "2026-02-30 is not a real date (February 2026 has 28 days)"],
    ["trigger=2026-02-03&days=5000&dir=after", "days", "days must be at most 1000"],
    ["trigger=2026-02-03&days=14&dir=up", "dir", 'direction must be "after" or "before"'],
    ["rule=lr-99&trigger=2026-02-03", "rule", 'unknown rule "lr-99"; choose one of the rules listed'],
    ["", "trigger", "trigger is required"],
  ])("answers 400 with the parameter named for ?%s", async (query, path, message) => {
    const res = await app.inject(`/api/v1/deadlines/compute?${query}`);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toMatchObject({ status: 400, code: "invalid_input" });
    expect(body.errors).toContainEqual({ path, message });
  });

  it("lists the rule catalogue", async () => {
    const res = await app.inject("/api/v1/deadlines/rules");
    expect(res.statusCode).toBe(200);
    const { data, count } = res.json();
    expect(count).toBe(data.length);
    expect(data.find((r: { code: string }) => r.code === "lr-7-3c")).toMatchObject({
      days: 7,
      direction: "after",
      chainedFrom: "lr-7-3a",
      computable: true,
      why: null,
    });
    expect(data.find((r: { code: string }) => r.code === "user-notice")).toMatchObject({ computable: false, days: null });
  });

  it("appears in the OpenAPI document with its parameters", async () => {
    const doc = (await app.inject("/api/v1/openapi.json")).json();
    const compute = doc.paths["/api/v1/deadlines/compute"].get;
    expect(compute.operationId).toBe("computeDeadline");
    expect(compute.parameters.map((p: { name: string }) => p.name)).toEqual(["trigger", "days", "dir", "service", "eo", "ca", "rule"]);
    expect(Object.keys(compute.responses)).toEqual(["200", "304", "400", "429"]);
    expect(doc.paths["/api/v1/deadlines/rules"].get.operationId).toBe("listDeadlineRules");
  });
});
