import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { createRecordStore } from "../../server/records/store";
import { createMotionDeadlines, setCourtOrderedDeadline } from "../../server/schedule/service";
import { buildTestApp } from "../support/app";
import { testActor, testClock } from "../support/db";
import { parseHtml } from "../support/html";
import { insertCase, insertCourt, insertMotion, insertOrder } from "../support/factories";

describe("deadlines on the docket page", () => {
  let app: FastifyInstance;
  let db: Db;
  let caseId: number;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    insertCourt(db);
    caseId = insertCase(db, { slug: "doe-v-dhs", courtId: "cand", caption: "Doe v. DHS" }).id;
  });
  afterEach(async () => app.close());

  const ctx = () => ({ db, store: createRecordStore(db, testClock) });
  const rowOf = ($: ReturnType<typeof parseHtml>, id: number) => $(`table tr#deadline-${id}`);

  it("shows each computed deadline with its weekday, e-filing cut-off, rule and the rule's words", async () => {
    const motion = insertMotion(db, caseId, { dateFiled: "2025-09-18", dateFiledPrecision: "day", status: "pending" });
    const { created } = createMotionDeadlines(ctx(), motion, { actor: testActor });
    const $ = parseHtml((await app.inject("/cases/doe-v-dhs")).body);
    const opposition = rowOf($, created[0]!.id);
    expect(opposition.find("td").eq(0).find("time").first().text()).toBe("Thursday, October 2, 2025");
    expect(opposition.find("td").eq(0).text()).toContain("E-filing by 11:59 p.m. Pacific (PDT)");
    expect(opposition.find("td").eq(0).find("time[datetime='2025-10-03T07:00:00Z']")).toHaveLength(1);
    expect(opposition.find("td").eq(1).text()).toContain("N.D. Cal. Civ. L.R. 7-3(a)");
    expect(opposition.find("td details p").text()).toContain("no more than 14 days after the motion was filed");
    expect(opposition.find("td").eq(1).text()).toContain("Computed from the rule");
    expect(opposition.find("td").eq(2).text()).toBe("Open");
  });

  it("puts the struck-through rule date beside the date an order set, and marks the computed one superseded", async () => {
    const motion = insertMotion(db, caseId, { dateFiled: "2025-09-18", dateFiledPrecision: "day", status: "pending" });
    const computed = createMotionDeadlines(ctx(), motion, { actor: testActor }).created[0]!;
    const order = insertOrder(db, caseId, { title: "Order setting briefing schedule", slug: "briefing-order" });
    const { deadline } = setCourtOrderedDeadline(
      ctx(),
      { caseId, motionId: motion.id, orderId: order.id, label: "Opposition due", dateDue: "2025-10-09", ruleCode: "lr-7-3a" },
      { actor: testActor },
    );
    const $ = parseHtml((await app.inject("/cases/doe-v-dhs")).body);
    const ordered = rowOf($, deadline.id);
    expect(ordered.find("td").eq(0).find("time").first().text()).toBe("Thursday, October 9, 2025");
    expect(ordered.find("td").eq(0).find("del").text()).toBe("Thursday, October 2, 2025");
    expect(ordered.find("td").eq(0).text()).toContain("rule default under N.D. Cal. Civ. L.R. 7-3(a), superseded");
    expect(ordered.find("a[href='#order-briefing-order']").text()).toBe("Order setting briefing schedule");
    const old = rowOf($, computed.id);
    expect(old.find("td").eq(0).find("del").first().text()).toBe("Thursday, October 2, 2025");
    expect(old.find("td").eq(2).text()).toContain("Superseded");
    expect(old.find(`td a[href='#deadline-${deadline.id}']`)).toHaveLength(1);
  });

  it("says why a pending motion filed on a rough date has no computed deadlines", async () => {
    const motion = insertMotion(db, caseId, {
      title: "Motion to quash",
      dateFiled: "2025-09-01",
      dateFiledLatest: "2025-09-30",
      dateFiledPrecision: "month",
      status: "pending",
    });
    createMotionDeadlines(ctx(), motion, { actor: testActor });
    const $ = parseHtml((await app.inject("/cases/doe-v-dhs")).body);
    const section = $("section[aria-labelledby=schedule-heading]");
    expect(section.text()).toContain("No deadlines recorded.");
    expect(section.find("li").text()).toBe("Motion to quash: no deadlines computed — filing date not known to the day.");
  });
});
