import type { FastifyInstance } from "fastify";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PATTERN_COLUMNS } from "../../server/patterns/view-models";
import { buildTestApp } from "../support/app";
import { collapseWhitespace, parseHtml } from "../support/html";
import { buildStudyRecord } from "./fixture";

describe("the pattern of withdrawal (/patterns)", () => {
  let app: FastifyInstance;

  beforeEach(async () => {
    let db;
    ({ app, db } = await buildTestApp());
    buildStudyRecord(db);
  });
  afterEach(async () => app.close());

  const page = async () => {
    const res = await app.inject("/patterns");
    expect(res.statusCode).toBe(200);
    return parseHtml(res.body);
  };

  it("gives the median time from challenge to withdrawal with its n and the bounds imprecise dates allow", async () => {
    const $ = await page();
    expect($("h1")).toHaveLength(1);
    const figure = collapseWhitespace($("p.figure").text());
    // 91–95 days and 27–57 days: the median lies between (27 + 91) / 2 and (57 + 95) / 2.
    expect(figure).toContain("Median: between 59 and 76 days");
    expect(figure).toContain("n = 2");
    expect(collapseWhitespace($(".figure-note").first().text())).toContain("2 of the 2 durations rest on a date known only to a window.");
    // The quashed instrument is not a withdrawal: it is counted among the outcomes, not in the median.
    expect(collapseWhitespace($("#median-heading").parent().text())).toContain("Withdrawn 2 · Quashed 1");
  });

  it("dates every stage of every instrument, with the days between them and their sources", async () => {
    const $ = await page();
    const ids = $("tr[id^=instrument-]")
      .map((_, tr) => $(tr).attr("id"))
      .get();
    expect(ids).toHaveLength(3);
    const summons = $("tr[id^=instrument-]").filter((_, tr) => $(tr).text().includes("Customs summons to Meta"));
    const text = collapseWhitespace(summons.text());
    expect(text).toContain("September 11, 2025");
    expect(text).toContain("week of 13–17 Oct 2025");
    expect(text).toContain("32–36 days after issue");
    expect(text).toContain("October 17, 2025");
    expect(text).toContain("0–4 days after the challenge");
    expect(text).toContain("Withdrawn January 16, 2026");
    expect(text).toContain("91–95 days after the challenge");
    expect(summons.find("sup.src a[href='/sources#source-S01']")).toHaveLength(1);
    // The unpublished challenge (1 Dec 2025) does not move the Google subpoena's first challenge.
    const google = collapseWhitespace(
      $("tr[id^=instrument-]")
        .filter((_, tr) => $(tr).text().includes("Subpoena to Google"))
        .text(),
    );
    expect(google).toContain("February 2, 2026");
    expect(google).not.toContain("December 1, 2025");
    expect(google).toContain("The withdrawal is dated only to the month");
    expect($("main").text()).not.toContain("UNPUBLISHED-CHALLENGE-CAPTION");
  });

  it("draws the chart as accessible SVG with a text table beside it", async () => {
    const $ = await page();
    const svg = $("figure.pattern-chart svg");
    expect(svg.attr("role")).toBe("img");
    for (const id of svg.attr("aria-labelledby")!.split(" ")) expect(svg.find(`#${id}`).text().length).toBeGreaterThan(10);
    expect(svg.find("g.chart-row")).toHaveLength(3);
    expect(svg.find("g.outcome-quashed circle.mark-outcome")).toHaveLength(1);
    // A date known to the month is drawn as a band, as the table says it in words.
    expect(svg.find("rect.stage-window").length).toBeGreaterThanOrEqual(2);
    const summary = $("table.pattern-summary tbody tr");
    expect(summary).toHaveLength(3);
    expect(collapseWhitespace(summary.text())).toContain("91–95 days");
  });

  it("exports the stages as CSV, dates as precise as the record and durations as windows", async () => {
    const res = await app.inject("/patterns.csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const [header, ...rows] = parse(res.body) as string[][];
    expect(header).toEqual([...PATTERN_COLUMNS]);
    const byName = Object.fromEntries(rows.map((r) => [r[0], Object.fromEntries(header!.map((h, i) => [h, r[i]]))]));
    expect(byName["Customs summons to Meta"]).toMatchObject({
      issued: "2025-09-11",
      first_challenge: "2025-10-13/2025-10-17",
      first_order_not_to_produce: "2025-10-17",
      outcome: "Withdrawn",
      outcome_date: "2026-01-16",
      days_challenge_to_outcome_min: "91",
      days_challenge_to_outcome_max: "95",
    });
    expect(byName["Subpoena to Google"]).toMatchObject({
      first_challenge: "2026-02-02",
      outcome_date: "2026-03",
      days_challenge_to_outcome_min: "27",
      days_challenge_to_outcome_max: "57",
    });
    expect(byName["Grand-jury subpoena to Google"]).toMatchObject({ issued: "2026-03", outcome: "Quashed", outcome_date: "2026-04-10" });
  });
});
