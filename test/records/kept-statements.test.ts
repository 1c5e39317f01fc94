import { describe, expect, it } from "vitest";
import { dataVersion, prepareStatement } from "../../db/client";
import { createTestDb } from "../support/db";
import { insertCase } from "../support/factories";

/** db/client.ts keeps compiled statements per connection by their SQL; what that must not change. */
describe("statements kept per connection", () => {
  it("hands the same SQL its compiled statement again, with its row mode reset", () => {
    const db = createTestDb();
    insertCase(db, { slug: "kept-a" });
    const sql = "SELECT slug FROM cases ORDER BY id";
    const first = db.$client.prepare(sql);
    expect(first.raw().all()).toEqual([["kept-a"]]);
    const again = db.$client.prepare(sql);
    expect(again).toBe(first);
    expect(again.all()).toEqual([{ slug: "kept-a" }]);
    expect(db.$client.prepare(sql).pluck().all()).toEqual(["kept-a"]);
    expect(db.$client.prepare(sql).get()).toEqual({ slug: "kept-a" });
  });

  it("gives a statement of its own while the kept one is being iterated", () => {
    const db = createTestDb();
    insertCase(db, { slug: "kept-a" });
    insertCase(db, { slug: "kept-b" });
    const sql = "SELECT slug FROM cases ORDER BY id";
    const seen: string[] = [];
    for (const row of db.$client.prepare(sql).iterate() as IterableIterator<{ slug: string }>) {
      seen.push(row.slug, ...(db.$client.prepare(sql).all() as { slug: string }[]).map((r) => r.slug));
    }
    expect(seen).toEqual(["kept-a", "kept-a", "kept-b", "kept-b", "kept-a", "kept-b"]);
  });

  it("keeps prepareStatement's and data_version's statements apart, so their mode is theirs", () => {
    const db = createTestDb();
    const own = prepareStatement(db, "SELECT 1 AS one").pluck();
    const version = dataVersion(db);
    expect(db.$client.prepare("SELECT 1 AS one")).not.toBe(own);
    db.$client.prepare("PRAGMA data_version").all();
    expect(own.get()).toBe(1);
    expect(dataVersion(db)).toBe(version);
  });
});
