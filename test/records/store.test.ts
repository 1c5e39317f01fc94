import { beforeEach, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { revisions } from "../../db/schema";
import { onRecordChange, type RecordChange } from "../../server/records/changes";
import { createTestStore, testActor } from "../support/db";
import { ConflictError, VersionConflictError } from "../../server/errors";

describe("record store", () => {
  let ctx: ReturnType<typeof createTestStore>;
  let caseId: number;
  beforeEach(() => {
    ctx = createTestStore();
    caseId = ctx.store.insert("case", { slug: "c", label: "A case" }, { actor: testActor }).id;
  });

  it("writes a revision with every create and update, and bumps the version", () => {
    const updated = ctx.store.update("case", caseId, { label: "Renamed" }, { actor: testActor, reason: "typo" });
    expect(updated.changed).toBe(true);
    expect(updated.row.version).toBe(2);
    const history = ctx.store.revisionsOf("case", caseId);
    expect(history.map((r) => r.action)).toEqual(["create", "update"]);
    expect(JSON.parse(history[1]!.before!).label).toBe("A case");
    expect(JSON.parse(history[1]!.after!).label).toBe("Renamed");
    expect(history[1]!.reason).toBe("typo");
  });

  it("writes nothing when an update changes nothing", () => {
    const result = ctx.store.update("case", caseId, { label: "A case" }, { actor: testActor });
    expect(result.changed).toBe(false);
    expect(ctx.db.select({ n: count() }).from(revisions).get()!.n).toBe(1);
  });

  it("refuses to save over a newer version and changes nothing", () => {
    ctx.store.update("case", caseId, { label: "First" }, { actor: testActor, expectedVersion: 1 });
    expect(() => ctx.store.update("case", caseId, { label: "Second" }, { actor: testActor, expectedVersion: 1 })).toThrow(
      VersionConflictError,
    );
    expect(ctx.store.find("case", caseId)!.label).toBe("First");
  });

  it("hides deleted records and restores them", () => {
    ctx.store.remove("case", caseId, { actor: testActor });
    expect(ctx.store.find("case", caseId)!.deletedAt).not.toBeNull();
    ctx.store.restore("case", caseId, { actor: testActor });
    expect(ctx.store.find("case", caseId)!.deletedAt).toBeNull();
    expect(ctx.store.revisionsOf("case", caseId).map((r) => r.action)).toEqual(["create", "delete", "restore"]);
  });

  it("never deletes a docket entry", () => {
    const entry = ctx.store.insert(
      "entry",
      { caseId, sequence: 1, dateFiled: "2025-09-18", description: "MOTION to Quash" },
      { actor: testActor },
    );
    expect(() => ctx.store.remove("entry", entry.id, { actor: testActor })).toThrow(ConflictError);
  });

  it("reverts to an earlier revision as a new revision", () => {
    ctx.store.update("case", caseId, { label: "Wrong" }, { actor: testActor });
    const first = ctx.store.revisionsOf("case", caseId)[0]!;
    const reverted = ctx.store.revertTo("case", caseId, first.id, { actor: testActor });
    expect(reverted.label).toBe("A case");
    expect(reverted.version).toBe(3);
  });

  it("reports which case a change touches", () => {
    const seen: RecordChange[] = [];
    onRecordChange(ctx.db, (change) => seen.push(change));
    ctx.store.insert("entry", { caseId, sequence: 1, dateFiled: "2025-09-18", description: "x" }, { actor: testActor });
    ctx.store.insert("judge", { slug: "j", name: "J", title: "Judge" }, { actor: testActor });
    expect(seen.map((c) => c.caseIds)).toEqual([[caseId], "all"]);
  });
});
