import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { publicCauseOfRecord } from "../../server/records/public-scope";
import { buildTestApp } from "../support/app";
import {
  insertCase,
  insertConflict,
  insertCourt,
  insertCoverage,
  insertDeadline,
  insertEvent,
  insertHearing,
  insertJudge,
  insertMotion,
  insertOrder,
  insertSubpoena,
  linkCaseSubpoena,
  linkConflict,
  linkEvent,
  linkRelatedCase,
} from "../support/factories";

/*
 * Everything that arrives with a case follows it: an order of an unpublished case must not
 * make a public subpoena "stayed", its hearing must not be on the public calendar, an event
 * about it must not be on the timeline, and a judge only it names must not be on /judges.
 */

const PUBLIC_URLS = [
  "/",
  "/subpoenas",
  "/subpoenas/dhs-to-meta",
  "/subpoenas/dhs-to-meta/feed.atom",
  "/cases",
  "/cases/open-case",
  "/orders",
  "/timeline",
  "/calendar",
  "/calendar.ics",
  "/judges",
  "/sources",
  "/feed.atom",
  "/api/v1/subpoenas/dhs-to-meta",
  "/api/v1/cases/open-case",
  "/api/v1/timeline",
  "/api/v1/orders",
  "/api/v1/sources",
  "/api/v1/judges",
];

describe("records of an unpublished case", () => {
  let app: FastifyInstance;
  let db: Db;
  let hidden: ReturnType<typeof insertCase>;
  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    insertCourt(db);
    const subpoena = insertSubpoena(db, { slug: "dhs-to-meta", title: "DHS subpoena to Meta" });
    const open = insertCase(db, { slug: "open-case", caption: "Doe v. DHS" });
    linkCaseSubpoena(db, open.id, subpoena.id);
    const judge = insertJudge(db, { slug: "only-hidden", name: "Hortense Quill" });
    hidden = insertCase(db, {
      slug: "waiting",
      caption: "Quillan v. Marsh",
      published: false,
      group: "unsorted",
      assignedJudgeId: judge.id,
    });
    linkCaseSubpoena(db, hidden.id, subpoena.id);
    linkRelatedCase(db, open.id, hidden.id);
    const motion = insertMotion(db, hidden.id, { title: "Marsh motion to quash" });
    const order = insertOrder(db, hidden.id, {
      slug: "marsh-order",
      title: "Marsh non-production order",
      judgeId: judge.id,
      dateSigned: "2026-01-05",
      dateSignedPrecision: "day",
    });
    insertCoverage(db, order.id, subpoena.id);
    insertHearing(db, hidden.id, { title: "Marsh hearing", motionId: motion.id, date: "2026-12-01", datePrecision: "day" });
    insertDeadline(db, hidden.id, { label: "Marsh reply due", motionId: motion.id, dateDue: "2026-12-03" });
    insertEvent(db, { slug: "marsh-event", title: "Marsh files", caseId: hidden.id, subpoenaId: subpoena.id });
    const about = insertEvent(db, { slug: "about-marsh", title: "Press on Quillan", subpoenaId: subpoena.id });
    linkEvent(db, about.id, "case", hidden.id);
    const conflict = insertConflict(db, { code: "Q9", title: "Two dates" });
    linkConflict(db, conflict.id, "motion", motion.id);
  });
  afterEach(async () => app.close());

  const WORDS = ["Quillan", "Marsh", "Hortense Quill"];

  async function shown(): Promise<string[]> {
    const seen: string[] = [];
    for (const url of PUBLIC_URLS) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      for (const word of WORDS) if (res.body.includes(word)) seen.push(`${url}: ${word}`);
    }
    return seen;
  }

  it("stay off every public surface, and the subpoena's status is not derived from them", async () => {
    expect(await shown()).toEqual([]);
    const subpoena = (await app.inject("/api/v1/subpoenas/dhs-to-meta")).json().data;
    expect(JSON.stringify(subpoena.status)).not.toMatch(/stay|non-production/i);
    expect((await app.inject("/judges/only-hidden")).statusCode).toBe(404);
    expect(publicCauseOfRecord(db, "judge", hidden.assignedJudgeId!)).toBe("unpublished");
    expect(publicCauseOfRecord(db, "case", hidden.id)).toBe("unpublished");
    expect(publicCauseOfRecord(db, "hearing", 1)).toBe("unpublished");
  });

  it("all reach the public once the case is published", async () => {
    app.publication.publish(hidden.id, { reason: "Same subpoena", group: "meta" }, { actor: { userId: null, label: "test" } });
    const seen = await shown();
    for (const expected of [
      "/orders: Marsh",
      "/calendar: Marsh",
      "/timeline: Marsh",
      "/judges: Hortense Quill",
      "/cases/open-case: Quillan",
      "/subpoenas/dhs-to-meta: Quillan",
    ]) {
      expect(seen).toContain(expected);
    }
    expect((await app.inject("/judges/only-hidden")).statusCode).toBe(200);
    expect(publicCauseOfRecord(db, "judge", hidden.assignedJudgeId!)).toBeNull();
  });
});
