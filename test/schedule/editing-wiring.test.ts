import { beforeEach, describe, expect, it } from "vitest";
import { deadlines } from "../../db/schema";
import { createEditService } from "../../server/editing/service";
import { DeadlineCreate } from "../../server/editing/records/deadlines/schema";
import { MotionCreate, MotionUpdate } from "../../server/editing/records/motions/schema";
import { createTestStore, testActor, testClock } from "../support/db";
import { insertCase, insertCourt, insertOrder } from "../support/factories";

/** The write path (forms and the write API) sets motion deadlines running and lets orders win. */
describe("schedule wired into the write service", () => {
  let ctx: ReturnType<typeof createTestStore>;
  let edit: ReturnType<typeof createEditService>;
  let caseId: number;
  const all = () => ctx.db.select().from(deadlines).all();
  const live = () => all().filter((d) => d.deletedAt === null);

  beforeEach(() => {
    ctx = createTestStore();
    edit = createEditService({ db: ctx.db, store: ctx.store, clock: testClock });
    insertCourt(ctx.db);
    caseId = insertCase(ctx.db, { courtId: "cand" }).id;
  });

  const logMotion = (fields: Record<string, unknown> = {}) =>
    edit.create(
      "motion",
      MotionCreate.parse({
        kind: "motion_to_quash",
        title: "Motion to quash",
        dateFiled: "2025-09-18",
        dateFiledPrecision: "day",
        status: "pending",
        ...fields,
      }),
      { actor: testActor, caseId },
    );

  it("logging a motion creates its computed deadlines, with the rules cited, in the same transaction", () => {
    logMotion();
    expect(live().map((d) => [d.label, d.dateDue, d.ruleCitation, d.origin])).toEqual([
      ["Opposition due", "2025-10-02", "N.D. Cal. Civ. L.R. 7-3(a)", "computed"],
      ["Reply due", "2025-10-09", "N.D. Cal. Civ. L.R. 7-3(c)", "computed"],
      ["Earliest hearing date", "2025-10-23", "N.D. Cal. Civ. L.R. 7-2(a)", "computed"],
    ]);
  });

  it("a motion logged with a filing date known only to the month gets none", () => {
    logMotion({ dateFiled: "2025-09-01", dateFiledLatest: "2025-09-30", dateFiledPrecision: "month" });
    expect(all()).toEqual([]);
  });

  it("editing the filing date recomputes; deleting the motion withdraws its deadlines and restoring brings them back", () => {
    const motion = logMotion();
    edit.update("motion", motion.id, MotionUpdate.parse({ dateFiled: "2025-09-19" }), { actor: testActor });
    expect(live().find((d) => d.ruleCode === "lr-7-3a")!.dateDue).toBe("2025-10-03");
    edit.remove("motion", motion.id, { actor: testActor });
    expect(live()).toEqual([]);
    edit.restore("motion", motion.id, { actor: testActor });
    expect(live()).toHaveLength(3);
  });

  it("a court-ordered deadline entered through the write path supersedes the computed one and moves the reply", () => {
    const motion = logMotion();
    const order = insertOrder(ctx.db, caseId);
    const ordered = edit.create(
      "deadline",
      DeadlineCreate.parse({ motionId: motion.id, orderId: order.id, label: "Opposition due", dateDue: "2025-10-16", ruleCode: "lr-7-3a" }),
      { actor: testActor, caseId },
    );
    const computed = live().find((d) => d.origin === "computed" && d.ruleCode === "lr-7-3a")!;
    expect(computed).toMatchObject({ status: "superseded", supersededById: ordered.id, dateDue: "2025-10-02" });
    expect(live().find((d) => d.ruleCode === "lr-7-3c")).toMatchObject({ dateDue: "2025-10-23", status: "open" });
  });
});
