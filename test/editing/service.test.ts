import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { motionMovants, revisions } from "../../db/schema";
import { VersionConflictError, ValidationError } from "../../server/errors";
import { createEditService, type EditService } from "../../server/editing/service";
import { MotionCreate } from "../../server/editing/schemas";
import { createRecordStore, type RecordStore } from "../../server/records/store";
import { createTestDb, testActor, testClock } from "../support/db";
import { insertCase, insertParty } from "../support/factories";

describe("write service", () => {
  let db: Db;
  let store: RecordStore;
  let editing: EditService;
  let caseId: number;

  beforeEach(() => {
    db = createTestDb();
    store = createRecordStore(db, testClock);
    editing = createEditService({ db, store, clock: testClock });
    caseId = insertCase(db).id;
  });

  const options = { actor: testActor };

  it("writes a record and its link rows in one transaction: a refused link writes neither", () => {
    const revisionsBefore = db.select().from(revisions).all().length;
    expect(() =>
      editing.create("motion", MotionCreate.parse({ kind: "motion_to_quash", title: "MTQ", movantPartyIds: [999] }), {
        ...options,
        caseId,
      }),
    ).toThrow(ValidationError);
    expect(db.select().from(revisions).all()).toHaveLength(revisionsBefore);
    expect(db.select().from(motionMovants).all()).toHaveLength(0);
  });

  it("refuses, naming them, the required columns an input leaves out, before anything is written", () => {
    const revisionsBefore = db.select().from(revisions).all().length;
    let refused: unknown;
    try {
      // Not parsed by the source's edit schema, which would refuse it first: the store must still get whole rows.
      editing.create("source", { title: "A letter" }, options);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ValidationError);
    // The tag is derived (the next free STAFF-n); the reliability nobody can guess.
    expect((refused as ValidationError).errors).toEqual([{ path: "reliability", message: "is required" }]);
    expect(db.select().from(revisions).all()).toHaveLength(revisionsBefore);
  });

  it("refuses a stale version before touching the link rows", () => {
    const party = insertParty(db, caseId);
    const motion = editing.create("motion", MotionCreate.parse({ kind: "motion_to_quash", title: "MTQ" }), { ...options, caseId });
    editing.update("motion", motion.id, { title: "Renamed" }, { ...options, expectedVersion: 1 });
    expect(() => editing.update("motion", motion.id, { movantPartyIds: [party.id] }, { ...options, expectedVersion: 1 })).toThrow(
      VersionConflictError,
    );
    expect(db.select().from(motionMovants).all()).toHaveLength(0);
  });

  it("reverting to an old revision puts back the fields, not the link rows", () => {
    const party = insertParty(db, caseId);
    const motion = editing.create("motion", MotionCreate.parse({ kind: "motion_to_quash", title: "First" }), { ...options, caseId });
    editing.update("motion", motion.id, { title: "Second", movantPartyIds: [party.id] }, options);
    const first = editing.revisions("motion", motion.id)[0]!;
    expect(first.after!["$links"]).toEqual({ movantPartyIds: [] });
    const reverted = store.revertTo("motion", motion.id, first.id, options);
    expect(reverted.title).toBe("First");
    expect(editing.find("motion", motion.id)!.movantPartyIds).toEqual([party.id]);
  });

  it("finds records by id or slug, deleted ones too", () => {
    const kase = editing.create("case", { caption: "Doe v. DHS" }, options);
    expect(editing.resolveId("case", "doe-v-dhs")).toBe(kase.id);
    expect(editing.resolveId("case", String(kase.id))).toBe(kase.id);
    expect(editing.resolveId("entry", "some-slug")).toBeUndefined();
    editing.remove("case", kase.id, options);
    expect(editing.find("case", kase.id)!.deletedAt).not.toBeNull();
  });

  it("gives each new record a free slug", () => {
    const a = editing.create("subpoena", { title: "DHS subpoena", kind: "administrative_subpoena" }, options);
    const b = editing.create("subpoena", { title: "DHS subpoena", kind: "administrative_subpoena" }, options);
    expect([a.slug, b.slug]).toEqual(["dhs-subpoena", "dhs-subpoena-2"]);
    expect(() => editing.update("subpoena", b.id, { slug: "dhs-subpoena" }, options)).toThrow(ValidationError);
  });
});
