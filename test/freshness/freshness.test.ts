import { afterEach, describe, expect, it } from "vitest";
import { toFreshnessView } from "../../server/freshness/freshness";
import { parseHtml } from "../support/html";
import { TEST_NOW } from "../support/db";
import { buildTestApp } from "../support/app";
import { insertCase, insertCourt } from "../support/factories";
import { courtFeed, NEW_ORDER, watchedCaseWithFeed } from "../court-feeds/support/setup";

const base = { watched: false, hasCourtRecord: false, timeZone: "America/Los_Angeles", now: TEST_NOW };
const row = (r: Partial<Parameters<typeof toFreshnessView>[0]["row"] & object>) => ({
  caseId: 1,
  lastRssCheckAt: null,
  lastRssItemAt: null,
  lastDocketReportAt: null,
  lastDocketReportDate: null,
  lastNefAt: null,
  ...r,
});

describe("freshness in words", () => {
  it("a case nothing from PACER reached: press reports only", () => {
    expect(toFreshnessView({ ...base, row: undefined }).text).toBe(
      "Press reports only: this docket has not been checked against the court's record.",
    );
  });

  it("a watched case: the feed check relative to now, the docket report's day in the court's zone", () => {
    const v = toFreshnessView({
      ...base,
      watched: true,
      hasCourtRecord: true,
      row: row({
        lastRssCheckAt: "2026-11-21T19:48:00.000Z",
        lastDocketReportAt: "2026-11-30T23:30:00.000Z",
        lastDocketReportDate: "2026-11-30",
      }),
      now: "2026-12-01T20:00:00.000Z",
    });
    expect(v.text).toBe(
      "Checked against the court's RSS feed on 21 Nov 2026; last full docket report imported 30 Nov 2026 (as of 30 Nov 2026).",
    );
    const recent = toFreshnessView({
      ...base,
      watched: true,
      hasCourtRecord: true,
      row: row({ lastRssCheckAt: "2026-11-21T19:48:00.000Z", lastDocketReportAt: "2026-11-01T17:00:00.000Z" }),
    });
    expect(recent.text).toBe("Checked against the court's RSS feed 12 minutes ago; last full docket report imported 1 Nov 2026.");
    expect(recent.relative).toBe(true);
    expect(recent.absolute).toBe(
      "Checked against the court's RSS feed at 11:48 AM PST on 21 Nov 2026; last full docket report imported 1 Nov 2026.",
    );
  });

  it("a watched case never polled yet, and a case known only from notices", () => {
    expect(toFreshnessView({ ...base, watched: true, row: undefined }).text).toBe(
      "Watched: the court's RSS feed has not been checked yet; press reports only so far.",
    );
    expect(toFreshnessView({ ...base, hasCourtRecord: true, row: row({ lastNefAt: "2026-11-20T18:00:00.000Z" }) }).text).toBe(
      "No full docket report imported yet; last notice of electronic filing 20 Nov 2026.",
    );
  });
});

describe("freshness on the docket page, in the API and in the case's feed", () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it("the bundled kind of case says press reports only", async () => {
    const { app, db } = await buildTestApp();
    cleanup = () => app.close();
    insertCourt(db, { id: "cand" });
    insertCase(db, { slug: "doe-v-dhs", courtId: "cand", docketNumber: "3:25-mc-80001" });
    const page = parseHtml((await app.inject("/cases/doe-v-dhs")).body);
    expect(page("#freshness").text()).toBe("Press reports only: this docket has not been checked against the court's record.");
    const api = (await app.inject("/api/v1/cases/doe-v-dhs")).json();
    expect(api.data.freshness).toEqual({
      statement: "Press reports only: this docket has not been checked against the court's record.",
      basis: "press-only",
      watched: false,
      lastRssCheckAt: null,
      lastRssItemAt: null,
      lastDocketReportAt: null,
      lastDocketReportDate: null,
      lastNefAt: null,
    });
  });

  it("after a poll: checked just now, the docket report's import day; the stored page and answer follow the next poll", async () => {
    const setup = await watchedCaseWithFeed();
    cleanup = async () => {
      await setup.app.close();
      await setup.feed.close();
    };
    const { app, feed } = setup;
    const slug = "cand-3-23-cv-04557";
    const before = parseHtml((await app.inject(`/cases/${slug}`)).body)("#freshness").text();
    expect(before).toBe(
      "Watched: the court's RSS feed has not been checked yet; last full docket report imported 21 Nov 2026 (as of 6 Sep 2023).",
    );
    feed.setFeed(courtFeed([NEW_ORDER]));
    await app.jobs.runDue();
    const after = parseHtml((await app.inject(`/cases/${slug}`)).body)("#freshness").text();
    expect(after).toBe("Checked against the court's RSS feed just now; last full docket report imported 21 Nov 2026 (as of 6 Sep 2023).");
    const api = (await app.inject(`/api/v1/cases/${slug}`)).json();
    expect(api.data.freshness).toMatchObject({
      basis: "court-record",
      watched: true,
      lastRssCheckAt: TEST_NOW,
      lastRssItemAt: "2023-09-15T23:05:00.000Z",
      lastDocketReportAt: TEST_NOW,
      lastDocketReportDate: "2023-09-06",
    });
    expect(api.data.freshness.statement).toBe(
      "Checked against the court's RSS feed at 12:00 PM PST on 21 Nov 2026; last full docket report imported 21 Nov 2026 (as of 6 Sep 2023).",
    );
    const atom = (await app.inject(`/cases/${slug}/feed.atom`)).body;
    expect(parseHtml(atom)("subtitle").text()).toContain("Checked against the court's RSS feed at 12:00 PM PST on 21 Nov 2026");
  });
});
