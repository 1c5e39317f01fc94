import type { FastifyInstance } from "fastify";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMPARE_COLUMNS } from "../../server/compare/view-models";
import { buildTestApp } from "../support/app";
import { collapseWhitespace, parseHtml } from "../support/html";
import { buildStudyRecord } from "../patterns/fixture";

describe("the comparison of proceedings (/compare)", () => {
  let app: FastifyInstance;

  beforeEach(async () => {
    let db;
    ({ app, db } = await buildTestApp());
    buildStudyRecord(db);
  });
  afterEach(async () => app.close());

  const page = async (query = "") => {
    const res = await app.inject(`/compare${query}`);
    expect(res.statusCode).toBe(200);
    return parseHtml(res.body);
  };
  const rowIds = ($: ReturnType<typeof parseHtml>) =>
    $("tbody tr")
      .map((_, tr) => $(tr).attr("id"))
      .get();
  const cells = ($: ReturnType<typeof parseHtml>, id: string) =>
    $(`#${id}`)
      .children()
      .map((_, td) => collapseWhitespace($(td).text()))
      .get();

  it("puts every public proceeding in a row, computed from its records, and no unpublished one", async () => {
    const $ = await page();
    expect($("h1")).toHaveLength(1);
    expect(rowIds($)).toEqual(["proceeding-doe-v-dhs", "proceeding-doe-v-dhs-google", "proceeding-in-re-grand-jury"]);
    expect($("main").text()).not.toContain("UNPUBLISHED-CHALLENGE-CAPTION");

    const [name, platform, instrument, demands, doctrines, ruled, outcome, challenged, days] = cells($, "proceeding-doe-v-dhs");
    expect(name).toContain("Doe v. DHS");
    expect(platform).toBe("Meta");
    expect(instrument).toContain("Customs summons from DHS; 19 U.S.C. § 1509");
    expect($("#proceeding-doe-v-dhs a[href='/authorities/19-usc-1509']").text()).toBe("19 U.S.C. § 1509");
    expect(demands).toContain("IP addresses of every login");
    expect(doctrines).toBe("Anonymous speech (1)");
    expect($("#proceeding-doe-v-dhs a[href^='/arguments?']").attr("href")).toBe("/arguments?case=doe-v-dhs&doctrine=anonymous-speech");
    expect(ruled).toContain("No ruling on the merits");
    expect(ruled).toContain("Order not to produce: October 17, 2025");
    expect(outcome).toContain("Withdrawn");
    expect(outcome).toContain("January 16, 2026");
    // The withdrawal's date is cited: its source is one click away.
    expect($("#proceeding-doe-v-dhs td").eq(5).find("sup.src a").attr("href")).toBe("/sources#source-S01");
    expect(challenged).toBe("week of 13–17 Oct 2025");
    expect(days).toContain("91–95 days");
    expect(days).toContain("The challenge is dated only to a range of days");
  });

  it("is honest where a date is known only to the month, and says whether a court ruled", async () => {
    const $ = await page();
    expect(cells($, "proceeding-doe-v-dhs-google")[8]).toContain("27–57 days");
    expect(collapseWhitespace($(".figure-note").first().text())).toContain("known only to the month");
    // The unpublished case's earlier challenge (1 Dec 2025) does not count.
    expect(cells($, "proceeding-doe-v-dhs-google")[7]).toBe("February 2, 2026");
    const quashed = cells($, "proceeding-in-re-grand-jury");
    expect(quashed[5]).toContain("Yes: quashed, April 10, 2026");
    expect(quashed[6]).toContain("Quashed");
    expect(quashed[8]).toBe("21 days");
    expect(quashed[2]).toContain("statute unknown");
  });

  it("filters by platform, instrument, doctrine, ruling and outcome", async () => {
    expect(rowIds(await page("?platform=google"))).toEqual(["proceeding-doe-v-dhs-google", "proceeding-in-re-grand-jury"]);
    expect(rowIds(await page("?instrument=customs_summons"))).toEqual(["proceeding-doe-v-dhs"]);
    expect(rowIds(await page("?doctrine=anonymous-speech"))).toEqual(["proceeding-doe-v-dhs"]);
    expect(rowIds(await page("?ruled=yes"))).toEqual(["proceeding-in-re-grand-jury"]);
    expect(rowIds(await page("?outcome=withdrawn&platform=google"))).toEqual(["proceeding-doe-v-dhs-google"]);
    const none = await page("?outcome=enforced");
    expect(rowIds(none)).toEqual([]);
    expect(none("main").text()).toContain("No proceeding fits these filters.");
    expect(collapseWhitespace((await page("?platform=google"))("[role=status]").text())).toBe("2 of 3 proceedings fit these filters.");
  });

  it("sorts by a column either way, unknown values last, and says which column it is sorted by", async () => {
    const byDays = await page("?sort=days");
    expect(rowIds(byDays)).toEqual(["proceeding-in-re-grand-jury", "proceeding-doe-v-dhs-google", "proceeding-doe-v-dhs"]);
    expect(byDays("th[aria-sort=ascending]").text()).toContain("Days to outcome");
    // The heading of the current column links to the other direction.
    expect(byDays("th[aria-sort=ascending] a").attr("href")).toBe("/compare?sort=days&dir=desc");
    expect(rowIds(await page("?sort=days&dir=desc"))).toEqual([
      "proceeding-doe-v-dhs",
      "proceeding-doe-v-dhs-google",
      "proceeding-in-re-grand-jury",
    ]);
    expect(rowIds(await page("?sort=challenged&dir=desc"))).toEqual([
      "proceeding-in-re-grand-jury",
      "proceeding-doe-v-dhs-google",
      "proceeding-doe-v-dhs",
    ]);
    // Filters survive a sort.
    expect((await page("?platform=google"))("th[aria-sort] a").first().attr("href")).toContain("platform=google");
  });

  it("refuses a bad filter with the message beside its field (400), and the CSV names the field", async () => {
    const res = await app.inject("/compare?instrument=letter&sort=nothing");
    expect(res.statusCode).toBe(400);
    const $ = parseHtml(res.body);
    expect($("#compare-instrument").attr("aria-invalid")).toBe("true");
    expect($("#compare-instrument-error").text()).toBe("Instrument must be one of the instrument kinds listed");
    expect($("main").text()).toContain("Sort must be one of the columns listed");
    const csv = await app.inject("/compare.csv?ruled=maybe");
    expect(csv.statusCode).toBe(400);
    expect(collapseWhitespace(parseHtml(csv.body)("main").text())).toContain("ruled: must be yes or no");
  });

  it("exports the same rows as CSV, filtered and sorted like the page, dates as precise as the record", async () => {
    const res = await app.inject("/compare.csv?sort=days");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const [header, ...rows] = parse(res.body) as string[][];
    expect(header).toEqual([...COMPARE_COLUMNS]);
    const byName = Object.fromEntries(rows.map((r) => [r[0], Object.fromEntries(header!.map((h, i) => [h, r[i]]))]));
    expect(rows.map((r) => r[0])).toEqual(["In re Grand Jury Subpoena", "Doe v. DHS (Google)", "Doe v. DHS"]);
    expect(byName["Doe v. DHS"]).toMatchObject({
      platform: "Meta",
      authority_invoked: "19 U.S.C. § 1509",
      authority_url: "http://127.0.0.1:3000/authorities/19-usc-1509",
      data_demanded: "Usernames; IP addresses of every login",
      arguments_by_doctrine: "Anonymous speech (1)",
      court_ruled: "no",
      first_order_not_to_produce: "2025-10-17",
      outcome: "Withdrawn",
      first_challenge: "2025-10-13/2025-10-17",
      outcome_date: "2026-01-16",
      days_min: "91",
      days_max: "95",
    });
    expect(byName["Doe v. DHS (Google)"]).toMatchObject({ outcome_date: "2026-03", days_min: "27", days_max: "57" });
    expect(byName["In re Grand Jury Subpoena"]).toMatchObject({
      court_ruled: "yes",
      ruling: "quashed 2026-04-10",
      days_min: "21",
      days_max: "21",
    });
    const filtered = parse((await app.inject("/compare.csv?platform=meta")).body) as string[][];
    expect(filtered.map((r) => r[0])).toEqual(["proceeding", "Doe v. DHS"]);
    expect(res.body).not.toContain("UNPUBLISHED-CHALLENGE-CAPTION");
  });
});
