import { describe, expect, it } from "vitest";
import { createPageCache } from "../../server/cache/page-cache";
import { emitRecordChange } from "../../server/records/changes";
import type { Clock } from "../../server/shared/clock";
import { createTestDb } from "../support/db";

function clockAt(iso: string): Clock & { set: (iso: string) => void } {
  let now = iso;
  return { now: () => now, today: () => now.slice(0, 10), set: (next: string) => void (now = next) };
}

describe("page cache", () => {
  it("does not store a render that began before a write", () => {
    const db = createTestDb();
    const cache = createPageCache(db, clockAt("2026-11-21T20:00:00.000Z"));
    const ticket = cache.ticket();
    emitRecordChange(db, { type: "entry", id: 1, caseIds: [7] });
    const page = cache.set("/cases/a", "<p>rendered before the write</p>", { caseId: 7 }, undefined, ticket);
    expect(page.body.toString()).toBe("<p>rendered before the write</p>");
    expect(cache.get("/cases/a")).toBeUndefined();
    cache.set("/cases/a", "<p>after</p>", { caseId: 7 }, undefined, cache.ticket());
    expect(cache.get("/cases/a")?.body.toString()).toBe("<p>after</p>");
  });

  it("drops exactly the pages a write changes, and dates each by its own last change", () => {
    const db = createTestDb();
    const clock = clockAt("2026-11-21T20:00:00.000Z");
    const cache = createPageCache(db, clock);
    cache.set("/cases/a", "a", { caseId: 1 });
    cache.set("/cases/b", "b", { caseId: 2 });
    cache.set("/", "overview", "global");
    clock.set("2026-11-21T20:05:00.000Z");
    emitRecordChange(db, { type: "entry", id: 1, caseIds: [1] });
    expect(cache.get("/cases/a")).toBeUndefined();
    expect(cache.get("/")).toBeUndefined();
    expect(cache.get("/cases/b")?.body.toString()).toBe("b");
    expect(cache.changedAt({ caseId: 1 })).toBe(Date.parse("2026-11-21T20:05:00.000Z"));
    expect(cache.changedAt({ caseId: 2 })).toBeLessThan(Date.parse("2026-11-21T20:05:00.000Z"));
    expect(cache.set("/cases/a", "a2", { caseId: 1 }).changedMs).toBe(Date.parse("2026-11-21T20:05:00.000Z"));
  });

  it("dates an answer from when its bytes first appeared, when nothing was written since", () => {
    const db = createTestDb();
    const clock = clockAt("2026-11-21T20:00:00.000Z");
    const cache = createPageCache(db, clock);
    const first = cache.lastChange("/calendar", '"one"', "global");
    clock.set("2026-11-21T21:00:00.000Z");
    expect(cache.lastChange("/calendar", '"one"', "global")).toBe(first);
    // The clock changed the page ("checked 12 minutes ago", today's deadlines): new bytes, new date.
    expect(cache.lastChange("/calendar", '"two"', "global")).toBe(Date.parse("2026-11-21T21:00:00.000Z"));
  });

  it("drops every page at midnight in the court's zone, and dates them from then", () => {
    const db = createTestDb();
    const clock = clockAt("2026-11-21T20:00:00.000Z");
    const cache = createPageCache(db, clock);
    clock.today = () => "2026-11-21";
    cache.set("/", "overview of the 21st", "global");
    clock.set("2026-11-21T23:59:00.000Z");
    expect(cache.get("/")?.body.toString()).toBe("overview of the 21st");
    clock.set("2026-11-22T07:59:00.000Z");
    cache.set("/", "overview of the 21st, retrieved the 22nd", "global");
    expect(cache.get("/")?.body.toString()).toBe("overview of the 21st, retrieved the 22nd");
    clock.set("2026-11-22T08:00:00.000Z");
    clock.today = () => "2026-11-22";
    expect(cache.get("/")).toBeUndefined();
    expect(cache.changedAt("global")).toBe(Date.parse("2026-11-22T08:00:00.000Z"));
  });

  it("drops every page at midnight UTC too, the day a page's cite box says it was retrieved", () => {
    const db = createTestDb();
    const clock = clockAt("2026-11-21T20:00:00.000Z");
    clock.today = () => "2026-11-21";
    const cache = createPageCache(db, clock);
    cache.set("/subpoenas/a", "retrieved Nov. 21, 2026", "global");
    clock.set("2026-11-22T00:00:00.000Z");
    // Still the 21st in the court's zone; no longer in UTC.
    expect(cache.get("/subpoenas/a")).toBeUndefined();
    expect(cache.changedAt("global")).toBe(Date.parse("2026-11-22T00:00:00.000Z"));
  });

  it("stores nothing with a size of 0 (PAGE_CACHE=off)", () => {
    const db = createTestDb();
    const cache = createPageCache(db, clockAt("2026-11-21T20:00:00.000Z"), 0);
    cache.set("/cases/a", "a", { caseId: 1 });
    expect(cache.get("/cases/a")).toBeUndefined();
    expect(cache.size()).toBe(0);
  });
});
