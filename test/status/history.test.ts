import { describe, expect, it } from "vitest";
import { loadCaseSummaries, loadPublicDocket } from "../../server/cases/loaders";
import { loadPublicSubpoena, loadSubpoenaSummaries } from "../../server/subpoenas/loaders";
import { deriveCaseHistory } from "../../server/status/history";
import { historySummary } from "../../server/status/history-view";
import { seedDatabase } from "../../seeds/load";
import { createTestDb, testClock } from "../support/db";
import { insertCase, insertCoverage, insertEvent, insertMotion, insertOrder, insertSubpoena, linkCaseSubpoena } from "../support/factories";

/* Status history: the status-line derivation applied to the record as it stood at each dated step. */

describe("status history", () => {
  it("is derived for every subpoena and case in the bundled record, its last step today's status line", () => {
    const db = createTestDb();
    seedDatabase(db, { clock: testClock });
    const subpoenas = loadSubpoenaSummaries(db);
    expect(subpoenas.length).toBeGreaterThan(3);
    for (const sm of subpoenas) {
      const page = loadPublicSubpoena(db, sm.subpoena.slug)!;
      expect(page.history.length, sm.subpoena.slug).toBeGreaterThan(0);
      expect(page.history.at(-1)!.line, sm.subpoena.slug).toBe(sm.status.line);
      // No two steps in a row say the same thing, and known dates never go backwards.
      for (let i = 1; i < page.history.length; i++) expect(page.history[i]!.line).not.toBe(page.history[i - 1]!.line);
    }
    for (const c of loadCaseSummaries(db)) {
      const d = loadPublicDocket(db, c.case.slug, { only: [] })!;
      const steps = deriveCaseHistory({ kase: d.case, motions: d.motions, orders: d.orders });
      expect(steps.at(-1)!.line).toBe(c.status.detail ? `${c.status.label} — ${c.status.detail}` : c.status.label);
    }
  });

  it("tells a subpoena's story: challenged, then stayed by an order, then withdrawn, each with its date's precision", () => {
    const db = createTestDb();
    const subpoena = insertSubpoena(db, { dateIssued: "2025-09-01", dateIssuedPrecision: "day" });
    const kase = insertCase(db, { dateFiled: "2025-09-18", dateFiledPrecision: "day" });
    linkCaseSubpoena(db, kase.id, subpoena.id);
    const order = insertOrder(db, kase.id, { dateSigned: "2025-09-19", dateSignedPrecision: "day" });
    insertCoverage(db, order.id, subpoena.id, { status: "dissolved", dateEnded: "2025-11-03" });
    insertEvent(db, { kind: "withdrawal", subpoenaId: subpoena.id, date: "2025-11-01", datePrecision: "month", title: "Withdrawn" });
    const page = loadPublicSubpoena(db, subpoena.slug)!;
    expect(page.history.map((s) => [s.key, s.date.text, s.precision])).toEqual([
      ["issued", "September 1, 2025", "day"],
      ["challenged", "September 18, 2025", "day"],
      ["stayed", "September 19, 2025", "day"],
      ["withdrawn", "November 2025", "month"],
    ]);
    expect(historySummary(page.history.slice(1))).toBe(
      "Challenged in court, September 18, 2025 → Production stayed by court order, September 19, 2025 → Withdrawn, November 2025",
    );
    expect(page.history.at(-1)!.line).toBe(page.status.line);
  });

  it("keeps a motion pending until the order deciding it was signed", () => {
    const db = createTestDb();
    const kase = insertCase(db, { dateFiled: "2025-09-18", dateFiledPrecision: "day" });
    const order = insertOrder(db, kase.id, { dateSigned: "2025-10-02", dateSignedPrecision: "day" });
    insertMotion(db, kase.id, { status: "granted", dateFiled: "2025-09-18", dateFiledPrecision: "day", decidedByOrderId: order.id });
    const d = loadPublicDocket(db, kase.slug, { only: [] })!;
    const steps = deriveCaseHistory({ kase: d.case, motions: d.motions, orders: d.orders });
    expect(steps.map((s) => [s.label, s.date.text])).toEqual([
      ["Motion pending", "September 18, 2025"],
      ["No motion pending", "October 2, 2025"],
    ]);
  });
});
