import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestApp } from "../support/app";
import { parseHtml } from "../support/html";

describe("deadline calculator page", () => {
  let app: FastifyInstance;
  beforeEach(async () => {
    ({ app } = await buildTestApp());
  });
  afterEach(async () => app.close());

  const get = async (query: string) => {
    const res = await app.inject(`/deadlines/calculator${query}`);
    return { status: res.statusCode, $: parseHtml(res.body) };
  };

  it("shows both forms and the rule catalogue, with no answer yet", async () => {
    const { status, $ } = await get("");
    expect(status).toBe(200);
    expect($("h1").text()).toBe("Deadline calculator");
    expect($("main form")).toHaveLength(2);
    expect($("main form").first().attr("method")).toBe("get");
    expect($("#result-heading")).toHaveLength(0);
    expect($("label[for=period-trigger]").text()).toContain("Trigger date");
    expect(
      $("#rule-rule option")
        .map((_, o) => $(o).attr("value"))
        .get(),
    ).toContain("lr-7-3a");
    // The recorded-only platform window is explained in the catalogue but not offered to compute.
    expect($("#rule-rule option[value=user-notice]")).toHaveLength(0);
    expect($("#rule-user-notice").text()).toContain("recorded as stated, not computed");
  });

  it("computes a period: due date with weekday, every step and why, the cut-off instant and the citations (legal-rules 1.8 #1)", async () => {
    const { status, $ } = await get("?trigger=2007-08-22&days=10&dir=after&service=electronic&eo=on&ca=off");
    expect(status).toBe(200);
    expect($("#result-heading").text()).toBe("Due Tuesday, September 4, 2007");
    const steps = $(".calculator-result ol li")
      .map((_, li) => $(li).text())
      .get();
    expect(steps[0]).toContain("2007-08-22 + 10 days = 2007-09-01");
    expect(steps.some((s) => s.includes("2007-09-01 Saturday — weekend"))).toBe(true);
    expect(steps.some((s) => s.includes("2007-09-03 Labor Day — legal holiday"))).toBe(true);
    expect($(".calculator-result").text()).toContain("11:59 p.m. Pacific (PDT)");
    expect($(".calculator-result time[datetime='2007-09-05T07:00:00Z']")).toHaveLength(1);
    expect(
      $(".calculator-result ul.small li")
        .map((_, li) => $(li).text())
        .get(),
    ).toContain("5 U.S.C. § 6103");
    // The input stays in the form.
    expect($("#period-trigger").attr("value")).toBe("2007-08-22");
    expect($("#period-days").attr("value")).toBe("10");
  });

  it("applies a named rule and shows its text and warnings (Inauguration Day, 1.8 #28)", async () => {
    const { status, $ } = await get("?rule=frcp-72a&trigger=2033-01-06");
    expect(status).toBe(200);
    expect($("#result-heading").text()).toBe("Due Thursday, January 20, 2033");
    const result = $(".calculator-result");
    expect(result.text()).toContain("FRCP 72(a) — Objection to a magistrate judge's non-dispositive order");
    expect(result.text()).toContain("within 14 days after being served");
    expect(result.find(".conflict-note").text()).toContain("Inauguration Day");
    expect($("#rule-rule option[selected]").attr("value")).toBe("frcp-72a");
  });

  it("says a hearing floor is not a filing deadline", async () => {
    const { $ } = await get("?rule=lr-7-2a&trigger=2025-09-18");
    expect($("#result-heading").text()).toBe("Due Thursday, October 23, 2025");
    expect($(".calculator-result").text()).toContain("not a filing deadline");
    expect($(".calculator-result").text()).not.toContain("E-filing cut-off");
  });

  it("refuses an impossible date with 400 and the message beside the field, keeping the input", async () => {
    const { status, $ } = await get("?trigger=2026-02-30&days=14&dir=after");
    expect(status).toBe(400);
    expect($("#result-heading")).toHaveLength(0);
    expect($("#period-trigger").attr("aria-invalid")).toBe("true");
    expect($("#period-trigger").attr("aria-describedby")).toBe("period-trigger-error");
    expect($("#period-trigger-error").text()).toBe("2026-02-30 is not a real date (February 2026 has 28 days)");
    expect($("#period-trigger").attr("value")).toBe("2026-02-30");
    expect($("[role=alert]").text()).toContain("No date was computed");
  });

  it("refuses days out of range, and a missing direction, each beside its field", async () => {
    const { status, $ } = await get("?trigger=2026-03-02&days=1001&dir=sideways");
    expect(status).toBe(400);
    expect($("#period-days-error").text()).toBe("days must be at most 1000");
    expect($("#period-dir-error").text()).toBe('direction must be "after" or "before"');
    const negative = await get("?trigger=2026-03-02&days=-3&dir=after");
    expect(negative.$("#period-days-error").text()).toBe("days cannot be negative");
  });

  it("refuses an unknown rule beside the rule field", async () => {
    const { status, $ } = await get("?rule=lr-99&trigger=2025-09-18");
    expect(status).toBe(400);
    expect($("#rule-rule-error").text()).toContain('unknown rule "lr-99"');
    expect($("#period-trigger-error")).toHaveLength(0);
  });

  it("refuses the recorded-only notice window and a rule given days, and a repeated parameter, all with 400", async () => {
    expect((await get("?rule=user-notice&trigger=2025-09-08")).$("#rule-rule-error").text()).toContain("user-notice is not computed");
    expect((await get("?rule=lr-7-3a&trigger=2025-09-18&days=3")).$("#rule-rule-error").text()).toContain("leave days and direction empty");
    const repeated = await get("?trigger=2025-09-18&days=1&days=2&dir=after");
    expect(repeated.status).toBe(400);
    expect(repeated.$("#period-days-error").text()).toContain("give this once");
  });
});
