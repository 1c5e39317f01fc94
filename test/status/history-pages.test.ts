import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestApp } from "../support/app";
import {
  citeSource,
  insertCase,
  insertCoverage,
  insertEvent,
  insertOrder,
  insertSource,
  insertSubpoena,
  linkCaseSubpoena,
} from "../support/factories";
import { parseHtml } from "../support/html";

/* The status history on the subpoena and case pages, and in the API. */

let app: FastifyInstance;
afterEach(async () => app.close());

async function story() {
  const built = await buildTestApp();
  app = built.app;
  const db = built.db;
  const subpoena = insertSubpoena(db, {
    slug: "dhs-meta",
    title: "DHS subpoena to Meta",
    dateIssued: "2025-09-03",
    dateIssuedPrecision: "day",
  });
  const kase = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. DHS", dateFiled: "2025-09-18", dateFiledPrecision: "day" });
  linkCaseSubpoena(db, kase.id, subpoena.id);
  const order = insertOrder(db, kase.id, { dateSigned: "2025-09-19", dateSignedPrecision: "day" });
  insertCoverage(db, order.id, subpoena.id, { status: "dissolved", dateEnded: "2025-11-30" });
  const withdrawal = insertEvent(db, {
    kind: "withdrawal",
    subpoenaId: subpoena.id,
    date: "2025-11-01",
    datePrecision: "month",
    title: "Withdrawn",
  });
  citeSource(db, "event", withdrawal.id, insertSource(db, { tag: "S07", publisher: "The Ledger" }).id);
  return { subpoena, kase };
}

describe("status history on pages and in the API", () => {
  it("shows the subpoena's timeline with each step's date, precision and sources, ending with today's line", async () => {
    await story();
    const $ = parseHtml((await app.inject("/subpoenas/dhs-meta")).body);
    expect($(".status-history-summary").text()).toBe(
      "Issued, no challenge recorded, September 3, 2025 → Challenged in court, September 18, 2025 → Production stayed by court order, September 19, 2025 → Withdrawn, November 2025",
    );
    const steps = $(".status-steps li");
    expect(steps).toHaveLength(4);
    const last = steps.last();
    expect(last.attr("aria-current")).toBe("true");
    expect(last.find("time").attr("datetime")).toBe("2025-11");
    expect(last.text()).toContain("month known, not the day");
    expect(last.find(".status-text").text()).toBe($(".status-line .status-text").first().text());
    expect(last.text()).toContain("S07");
    expect($('a[href="/alerts?subpoena=dhs-meta"]').length).toBe(1);
  });

  it("gives the same history in the subpoena and case API answers", async () => {
    await story();
    const sp = ((await app.inject("/api/v1/subpoenas/dhs-meta")).json() as { data: unknown }).data as {
      status: { line: string };
      statusHistory: { key: string; line: string; date: { value: string | null }; datePrecision: string; sources: { tag: string }[] }[];
    };
    expect(sp.statusHistory.map((s) => [s.key, s.date.value, s.datePrecision])).toEqual([
      ["issued", "2025-09-03", "day"],
      ["challenged", "2025-09-18", "day"],
      ["stayed", "2025-09-19", "day"],
      ["withdrawn", "2025-11", "month"],
    ]);
    expect(sp.statusHistory.at(-1)!.line).toBe(sp.status.line);
    expect(sp.statusHistory.at(-1)!.sources.map((s) => s.tag)).toContain("S07");
    const kase = ((await app.inject("/api/v1/cases/doe-v-dhs")).json() as { data: { statusHistory: { label: string }[] } }).data;
    expect(kase.statusHistory.map((s) => s.label)).toEqual(["Status unknown"]);
    const $ = parseHtml((await app.inject("/cases/doe-v-dhs")).body);
    expect($(".status-steps li")).toHaveLength(1);
    expect($('a[href="/alerts?case=doe-v-dhs"]').length).toBe(1);
  });
});
