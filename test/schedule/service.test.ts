import { beforeEach, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { deadlines } from "../../db/schema";
import { ConflictError, ValidationError, VersionConflictError } from "../../server/errors";
import { parseComputation } from "../../server/schedule/computation";
import { createMotionDeadlines, markDeadline, setCourtOrderedDeadline, type ScheduleContext } from "../../server/schedule/service";
import { createTestStore, testActor } from "../support/db";
import { insertCase, insertCourt, insertMotion, insertOrder } from "../support/factories";

const actor = testActor;

describe("schedule service", () => {
  let ctx: ScheduleContext;
  let caseId: number;

  const live = () =>
    ctx.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.caseId, caseId), isNull(deadlines.deletedAt)))
      .all()
      .sort((a, b) => a.id - b.id);
  const byRule = (code: string) => live().find((d) => d.ruleCode === code);

  const motion = (o: Parameters<typeof insertMotion>[2] = {}) =>
    insertMotion(ctx.db, caseId, { dateFiled: "2025-09-18", dateFiledPrecision: "day", track: "noticed", status: "pending", ...o });

  beforeEach(() => {
    ctx = createTestStore();
    insertCourt(ctx.db);
    caseId = insertCase(ctx.db, { courtId: "cand", caption: "Doe v. DHS" }).id;
  });

  describe("createMotionDeadlines", () => {
    it("gives a noticed motion filed 2025-09-18 its opposition, reply and earliest hearing, with the rules cited (legal-rules 1.8 #7–9)", () => {
      const m = motion();
      const outcome = createMotionDeadlines(ctx, m, { actor });
      expect(outcome.eligibility.eligible).toBe(true);
      expect(outcome.created.map((d) => [d.label, d.dateDue, d.ruleCode, d.ruleCitation])).toEqual([
        ["Opposition due", "2025-10-02", "lr-7-3a", "N.D. Cal. Civ. L.R. 7-3(a)"],
        ["Reply due", "2025-10-09", "lr-7-3c", "N.D. Cal. Civ. L.R. 7-3(c)"],
        ["Earliest hearing date", "2025-10-23", "lr-7-2a", "N.D. Cal. Civ. L.R. 7-2(a)"],
      ]);
      for (const d of outcome.created) {
        expect(d).toMatchObject({ origin: "computed", status: "open", motionId: m.id, caseId });
      }
      // The reply counts from the opposition's due date, and says so.
      expect(byRule("lr-7-3c")!.triggerDate).toBe("2025-10-02");
      const steps = parseComputation(byRule("lr-7-3a")!.computation)!;
      expect(steps.trigger).toBe("2025-09-18");
      expect(steps.steps[0]!.text).toContain("2025-09-18 + 14 days = 2025-10-02");
      expect(steps.citations[0]).toBe("N.D. Cal. Civ. L.R. 7-3(a)");
    });

    it("gives an administrative motion its 4-day opposition and the day it is deemed submitted (1.8 #14)", () => {
      const m = motion({ track: "administrative", kind: "motion_to_seal", dateFiled: "2025-11-26" });
      const { created } = createMotionDeadlines(ctx, m, { actor });
      expect(created.map((d) => [d.label, d.dateDue, d.ruleCitation])).toEqual([
        ["Opposition due", "2025-12-01", "N.D. Cal. Civ. L.R. 7-11(b)"],
        ["Deemed submitted", "2025-12-02", "N.D. Cal. Civ. L.R. 7-11(c)"],
      ]);
    });

    it("keeps the calculator's warnings with the deadline (California holiday alternative)", () => {
      // 2026-03-17 + 14 = 2026-03-31, Cesar Chavez Day in California only (1.8 #24).
      const m = motion({ dateFiled: "2026-03-17" });
      createMotionDeadlines(ctx, m, { actor });
      const computation = parseComputation(byRule("lr-7-3a")!.computation)!;
      expect(byRule("lr-7-3a")!.dateDue).toBe("2026-03-31");
      expect(computation.warnings).toContainEqual(expect.objectContaining({ code: "california-holiday", alternativeDue: "2026-04-01" }));
    });

    it("is idempotent: running it twice creates nothing new and writes nothing", () => {
      const m = motion();
      createMotionDeadlines(ctx, m, { actor });
      const again = createMotionDeadlines(ctx, m, { actor });
      expect(again.created).toEqual([]);
      expect(again.updated).toEqual([]);
      expect(live()).toHaveLength(3);
      expect(live().every((d) => d.version === 1)).toBe(true);
    });

    it("recomputes open computed deadlines when the filing date changes, keeping the old date in the revision", () => {
      const m = motion();
      createMotionDeadlines(ctx, m, { actor });
      const opposition = byRule("lr-7-3a")!;
      const moved = ctx.store.update("motion", m.id, { dateFiled: "2025-09-19" }, { actor }).row;
      const outcome = createMotionDeadlines(ctx, moved, { actor });
      expect(outcome.created).toEqual([]);
      expect(outcome.updated).toHaveLength(3);
      // 2025-09-19 + 14 = Fri 2025-10-03.
      expect(byRule("lr-7-3a")!.dateDue).toBe("2025-10-03");
      expect(byRule("lr-7-3a")!.id).toBe(opposition.id);
      const history = ctx.store.revisionsOf("deadline", opposition.id);
      expect(JSON.parse(history.at(-1)!.before!).dateDue).toBe("2025-10-02");
      expect(JSON.parse(history.at(-1)!.after!).dateDue).toBe("2025-10-03");
    });

    it("does not recompute a deadline already marked met", () => {
      const m = motion();
      createMotionDeadlines(ctx, m, { actor });
      const opposition = byRule("lr-7-3a")!;
      markDeadline(ctx, opposition.id, "met", { actor, expectedVersion: opposition.version });
      const moved = ctx.store.update("motion", m.id, { dateFiled: "2025-09-19" }, { actor }).row;
      createMotionDeadlines(ctx, moved, { actor });
      expect(byRule("lr-7-3a")).toMatchObject({ dateDue: "2025-10-02", status: "met" });
      expect(byRule("lr-7-3c")!.dateDue).toBe("2025-10-10");
    });

    it.each([
      ["month", "2025-09-01"],
      ["weekday", "2025-09-02"],
      ["range", "2025-10-13"],
      ["unknown", null],
    ] as const)("creates no deadline for a filing date known only to the %s", (precision, date) => {
      const m = motion({ dateFiled: date, dateFiledPrecision: precision });
      const outcome = createMotionDeadlines(ctx, m, { actor });
      expect(outcome.eligibility).toMatchObject({
        eligible: false,
        code: "inexact-date",
        reason: "filing date not known to the day",
        shown: true,
      });
      expect(live()).toEqual([]);
    });

    it("withdraws open computed deadlines when the filing date turns out to be rough, and brings them back when it is known again", () => {
      const m = motion();
      createMotionDeadlines(ctx, m, { actor });
      const ids = live().map((d) => d.id);
      const rough = ctx.store.update("motion", m.id, { dateFiledPrecision: "month" }, { actor }).row;
      expect(createMotionDeadlines(ctx, rough, { actor }).withdrawn).toHaveLength(3);
      expect(live()).toEqual([]);
      const exact = ctx.store.update("motion", m.id, { dateFiledPrecision: "day", dateFiled: "2025-09-19" }, { actor }).row;
      const outcome = createMotionDeadlines(ctx, exact, { actor });
      expect(outcome.created).toEqual([]);
      expect(live().map((d) => d.id)).toEqual(ids);
      expect(byRule("lr-7-3a")!.dateDue).toBe("2025-10-03");
    });

    it("leaves alone a computed deadline staff deleted on purpose", () => {
      const m = motion();
      createMotionDeadlines(ctx, m, { actor });
      ctx.store.remove("deadline", byRule("lr-7-2a")!.id, { actor, reason: "judge sets hearings by order" });
      createMotionDeadlines(ctx, m, { actor });
      expect(byRule("lr-7-2a")).toBeUndefined();
      expect(live()).toHaveLength(2);
    });

    it("computes nothing for a case outside N.D. Cal., a motion of another track, or one no longer pending", () => {
      insertCourt(ctx.db, {
        id: "dcd",
        name: "U.S. District Court for the District of Columbia",
        shortName: "D.D.C.",
        timeZone: "America/New_York",
      });
      const dcCase = insertCase(ctx.db, { courtId: "dcd" });
      const dc = insertMotion(ctx.db, dcCase.id, { dateFiled: "2026-04-01", dateFiledPrecision: "day", status: "pending" });
      expect(createMotionDeadlines(ctx, dc, { actor }).eligibility).toMatchObject({ eligible: false, code: "court" });
      expect(createMotionDeadlines(ctx, motion({ track: "other" }), { actor }).eligibility).toMatchObject({
        eligible: false,
        code: "track",
      });
      expect(createMotionDeadlines(ctx, motion({ status: "granted" }), { actor }).eligibility).toMatchObject({
        eligible: false,
        code: "not-pending",
        shown: false,
      });
      expect(ctx.db.select().from(deadlines).all()).toEqual([]);
    });
  });

  describe("setCourtOrderedDeadline", () => {
    it("lets the order's date win: the computed deadline is kept, superseded, pointing at the order's", () => {
      const m = motion();
      createMotionDeadlines(ctx, m, { actor });
      const order = insertOrder(ctx.db, caseId, { title: "Scheduling order", kind: "scheduling" });
      const computed = byRule("lr-7-3a")!;
      const { deadline, superseded } = setCourtOrderedDeadline(
        ctx,
        { caseId, motionId: m.id, orderId: order.id, label: "Opposition due", dateDue: "2025-10-09", ruleCode: "lr-7-3a" },
        { actor },
      );
      expect(deadline).toMatchObject({
        origin: "court_ordered",
        status: "open",
        dateDue: "2025-10-09",
        orderId: order.id,
        ruleCitation: "N.D. Cal. Civ. L.R. 7-3(a)",
      });
      expect(superseded.map((d) => d.id)).toEqual([computed.id]);
      const kept = ctx.store.find("deadline", computed.id)!;
      expect(kept).toMatchObject({ status: "superseded", supersededById: deadline.id, dateDue: "2025-10-02", deletedAt: null });
      // The reply was not touched by an order about the opposition.
      expect(byRule("lr-7-3c")!.status).toBe("open");
    });

    it("matches by label when the order names no rule, and entering the same order again updates rather than duplicates", () => {
      const m = motion();
      createMotionDeadlines(ctx, m, { actor });
      const order = insertOrder(ctx.db, caseId);
      setCourtOrderedDeadline(ctx, { caseId, motionId: m.id, orderId: order.id, label: "reply due", dateDue: "2025-10-20" }, { actor });
      setCourtOrderedDeadline(ctx, { caseId, motionId: m.id, orderId: order.id, label: "Reply due", dateDue: "2025-10-21" }, { actor });
      const ordered = live().filter((d) => d.origin === "court_ordered");
      expect(ordered).toHaveLength(1);
      expect(ordered[0]!.dateDue).toBe("2025-10-21");
      expect(live().find((d) => d.ruleCode === "lr-7-3c")).toMatchObject({ status: "superseded", supersededById: ordered[0]!.id });
    });

    it("a later order supersedes an earlier order's date", () => {
      const m = motion();
      const first = insertOrder(ctx.db, caseId);
      const second = insertOrder(ctx.db, caseId);
      const a = setCourtOrderedDeadline(
        ctx,
        { caseId, motionId: m.id, orderId: first.id, label: "Opposition due", dateDue: "2025-10-09", ruleCode: "lr-7-3a" },
        { actor },
      );
      const b = setCourtOrderedDeadline(
        ctx,
        { caseId, motionId: m.id, orderId: second.id, label: "Opposition due", dateDue: "2025-10-16", ruleCode: "lr-7-3a" },
        { actor },
      );
      expect(ctx.store.find("deadline", a.deadline.id)).toMatchObject({ status: "superseded", supersededById: b.deadline.id });
    });

    it("creates the computed deadline already superseded when the order came first", () => {
      const m = motion();
      const order = insertOrder(ctx.db, caseId);
      const { deadline } = setCourtOrderedDeadline(
        ctx,
        { caseId, motionId: m.id, orderId: order.id, label: "Opposition due", dateDue: "2025-10-09", ruleCode: "lr-7-3a" },
        { actor },
      );
      createMotionDeadlines(ctx, m, { actor });
      expect(live().find((d) => d.origin === "computed" && d.ruleCode === "lr-7-3a")).toMatchObject({
        status: "superseded",
        supersededById: deadline.id,
        dateDue: "2025-10-02",
      });
    });

    it("refuses an impossible date, an unknown rule and another case's order, writing nothing", () => {
      const order = insertOrder(ctx.db, caseId);
      const other = insertOrder(ctx.db, insertCase(ctx.db).id);
      const attempt = (o: Partial<Parameters<typeof setCourtOrderedDeadline>[1]>) => () =>
        setCourtOrderedDeadline(ctx, { caseId, orderId: order.id, label: "Opposition due", dateDue: "2025-10-09", ...o }, { actor });
      expect(attempt({ dateDue: "2026-02-30" })).toThrow(/2026-02-30 is not a real date \(February 2026 has 28 days\)/);
      expect(attempt({ ruleCode: "lr-99" })).toThrow(/unknown rule "lr-99"/);
      expect(attempt({ orderId: other.id })).toThrow(ValidationError);
      try {
        attempt({ dateDue: "2026-02-30" })();
      } catch (error) {
        expect((error as ValidationError).errors[0]).toMatchObject({ path: "dateDue" });
      }
      expect(live()).toEqual([]);
    });

    it("asks which motion when the label alone matches deadlines of two motions", () => {
      createMotionDeadlines(ctx, motion(), { actor });
      createMotionDeadlines(ctx, motion({ dateFiled: "2025-09-25" }), { actor });
      const order = insertOrder(ctx.db, caseId);
      expect(() =>
        setCourtOrderedDeadline(ctx, { caseId, orderId: order.id, label: "Opposition due", dateDue: "2025-10-09" }, { actor }),
      ).toThrow(/several motions/);
    });
  });

  describe("markDeadline", () => {
    it("marks met or vacated with a version check, and reopens", () => {
      createMotionDeadlines(ctx, motion(), { actor });
      const d = byRule("lr-7-3a")!;
      const met = markDeadline(ctx, d.id, "met", { actor, expectedVersion: d.version });
      expect(met.status).toBe("met");
      expect(() => markDeadline(ctx, d.id, "vacated", { actor, expectedVersion: d.version })).toThrow(VersionConflictError);
      expect(markDeadline(ctx, d.id, "open", { actor, expectedVersion: met.version }).status).toBe("open");
      expect(ctx.store.revisionsOf("deadline", d.id).map((r) => r.reason)).toEqual([
        "computed from N.D. Cal. Civ. L.R. 7-3(a)",
        "marked met",
        "marked open",
      ]);
    });

    it("will not mark a superseded deadline met, but reopening it drops the order's link", () => {
      const m = motion();
      createMotionDeadlines(ctx, m, { actor });
      const order = insertOrder(ctx.db, caseId);
      setCourtOrderedDeadline(
        ctx,
        { caseId, motionId: m.id, orderId: order.id, label: "Opposition due", dateDue: "2025-10-09", ruleCode: "lr-7-3a" },
        { actor },
      );
      const computed = live().find((d) => d.origin === "computed" && d.ruleCode === "lr-7-3a")!;
      expect(() => markDeadline(ctx, computed.id, "met", { actor, expectedVersion: computed.version })).toThrow(ConflictError);
      expect(markDeadline(ctx, computed.id, "open", { actor, expectedVersion: computed.version })).toMatchObject({
        status: "open",
        supersededById: null,
      });
    });
  });

  it("joins the caller's transaction: a failure after it rolls everything back", () => {
    const m = motion();
    expect(() =>
      ctx.db.transaction(() => {
        createMotionDeadlines(ctx, m, { actor });
        throw new Error("the caller's later step failed");
      }),
    ).toThrow(/later step/);
    expect(ctx.db.select().from(deadlines).all()).toEqual([]);
  });
});

describe("chained deadlines follow the court's date", () => {
  let ctx: ScheduleContext;
  let caseId: number;
  beforeEach(() => {
    ctx = createTestStore();
    insertCourt(ctx.db);
    caseId = insertCase(ctx.db, { courtId: "cand" }).id;
  });
  const computedFor = (code: string) =>
    ctx.db
      .select()
      .from(deadlines)
      .all()
      .find((d) => d.origin === "computed" && d.ruleCode === code && d.deletedAt === null)!;

  it("an order moving the opposition moves the computed reply to 7 days after the ordered date (L.R. 7-3(c))", () => {
    const m = insertMotion(ctx.db, caseId, { dateFiled: "2025-09-18", dateFiledPrecision: "day", status: "pending" });
    createMotionDeadlines(ctx, m, { actor });
    expect(computedFor("lr-7-3c").dateDue).toBe("2025-10-09");
    const order = insertOrder(ctx.db, caseId);
    setCourtOrderedDeadline(
      ctx,
      { caseId, motionId: m.id, orderId: order.id, label: "Opposition due", dateDue: "2025-10-16", ruleCode: "lr-7-3a" },
      { actor },
    );
    const reply = computedFor("lr-7-3c");
    expect(reply).toMatchObject({ dateDue: "2025-10-23", triggerDate: "2025-10-16", status: "open" });
    expect(parseComputation(reply.computation)!.steps[0]!.text).toContain(
      'Counted from 2025-10-16, the date a court order set for "Opposition due"',
    );
    // Running the motion again keeps the reply on the order's footing.
    createMotionDeadlines(ctx, m, { actor });
    expect(computedFor("lr-7-3c").dateDue).toBe("2025-10-23");
  });

  it("an administrative motion's submission day follows an ordered opposition date", () => {
    const m = insertMotion(ctx.db, caseId, {
      track: "administrative",
      dateFiled: "2025-11-26",
      dateFiledPrecision: "day",
      status: "pending",
    });
    createMotionDeadlines(ctx, m, { actor });
    const order = insertOrder(ctx.db, caseId);
    setCourtOrderedDeadline(
      ctx,
      { caseId, motionId: m.id, orderId: order.id, label: "Opposition due", dateDue: "2025-12-05", ruleCode: "lr-7-11" },
      { actor },
    );
    expect(computedFor("lr-7-11c").dateDue).toBe("2025-12-06");
  });

  it("entering an order for a motion with no computed deadlines creates none", () => {
    const m = insertMotion(ctx.db, caseId, { dateFiled: "2025-09-18", dateFiledPrecision: "day", status: "pending" });
    const order = insertOrder(ctx.db, caseId);
    setCourtOrderedDeadline(ctx, { caseId, motionId: m.id, orderId: order.id, label: "Opposition due", dateDue: "2025-10-16" }, { actor });
    expect(
      ctx.db
        .select()
        .from(deadlines)
        .all()
        .map((d) => d.origin),
    ).toEqual(["court_ordered"]);
  });
});
