import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { revisions } from "../../db/schema";
import { ConflictError, NotFoundError, ValidationError, VersionConflictError } from "../../server/errors";
import { createEditService, type EditService } from "../../server/editing/service";
import { fieldChanges, linkChanges, wordSegments } from "../../server/history/diff";
import { fieldLabel, recordName } from "../../server/history/labels";
import { createRecordStore } from "../../server/records/store";
import { createTestDb, testActor, testClock } from "../support/db";
import { insertCase } from "../support/factories";

describe("write service: revert to an earlier revision", () => {
  let db: Db;
  let editing: EditService;

  beforeEach(() => {
    db = createTestDb();
    editing = createEditService({ db, store: createRecordStore(db, testClock), clock: testClock });
  });

  const options = { actor: testActor };
  const revisionCount = () => db.select().from(revisions).all().length;

  it("puts back fields and an ordered link list as one new revision naming the revision restored", () => {
    const subpoena = editing.create(
      "subpoena",
      { title: "First", kind: "administrative_subpoena", demands: ["IP logs", "names"] },
      options,
    );
    editing.update("subpoena", subpoena.id, { title: "Second", demands: ["names"] }, options);
    const first = editing.revisions("subpoena", subpoena.id)[0]!;
    const { record, changed } = editing.revert("subpoena", subpoena.id, first.id, { ...options, reason: "typo", expectedVersion: 2 });
    expect(changed).toBe(true);
    expect(record.title).toBe("First");
    expect(record.demands).toEqual(["IP logs", "names"]);
    const last = editing.revisions("subpoena", subpoena.id).at(-1)!;
    expect(last.reason).toBe(`restored revision ${first.id}: typo`);
    expect(last.version).toBe(3);
  });

  it("refuses a stale version, a revision of another record and a deleted state, writing nothing", () => {
    const a = editing.create("subpoena", { title: "A", kind: "administrative_subpoena" }, options);
    const b = editing.create("subpoena", { title: "B", kind: "administrative_subpoena" }, options);
    editing.update("subpoena", a.id, { title: "A2" }, options);
    editing.remove("subpoena", a.id, options);
    const [created, , deleted] = editing.revisions("subpoena", a.id);
    const before = revisionCount();
    expect(() => editing.revert("subpoena", a.id, created!.id, { ...options, expectedVersion: 1 })).toThrow(VersionConflictError);
    expect(() => editing.revert("subpoena", b.id, created!.id, options)).toThrow(NotFoundError);
    expect(() => editing.revert("subpoena", a.id, deleted!.id, options)).toThrow(ConflictError);
    expect(revisionCount()).toBe(before);
  });

  it("brings a deleted record back with the version restored, unless its slug is now another's", () => {
    const kase = insertCase(db, { slug: "doe-v-dhs" });
    const original = editing.revisions("case", kase.id)[0]!;
    editing.update("case", kase.id, { slug: "doe-v-dhs-renamed" }, options);
    editing.remove("case", kase.id, options);
    insertCase(db, { slug: "doe-v-dhs" });
    expect(() => editing.revert("case", kase.id, original.id, options)).toThrow(ValidationError);
    expect(editing.find("case", kase.id)!.deletedAt).not.toBeNull();

    const renamed = editing.revisions("case", kase.id)[1]!;
    const { record } = editing.revert("case", kase.id, renamed.id, options);
    expect(record.deletedAt).toBeNull();
    expect(editing.revisions("case", kase.id).at(-1)!.action).toBe("restore");
  });
});

describe("revision diffs", () => {
  const noNames = () => null;

  it("prints short values before → after, booleans in words, ids with the record's name, and a PDF's text by its length", () => {
    const names = (type: string, id: unknown) => (type === "case" && id === 4 ? "Doe v. DHS" : null);
    const changes = fieldChanges(
      { id: 1, caseId: 3, sealed: false, extractedText: "abc", kind: "motion", version: 1, updatedAt: "x" },
      { id: 1, caseId: 4, sealed: true, extractedText: "abcdef", kind: "motion", version: 2, updatedAt: "y" },
      names,
    );
    expect(changes.map((c) => [c.label, c.before.text, c.after.text])).toEqual([
      ["Case", "case #3", "Doe v. DHS (#4)"],
      ["Sealed", "no", "yes"],
      ["Extracted text", "3 characters of text", "6 characters of text"],
    ]);
  });

  it("lists every field a create set, and treats empty and null as the same", () => {
    const changes = fieldChanges(null, { id: 1, description: "Text", number: null, filedBy: "" }, noNames);
    expect(changes.map((c) => [c.label, c.before.empty, c.after.text])).toEqual([["Description", true, "Text"]]);
    expect(fieldChanges({ a: null }, { a: "" }, noNames)).toEqual([]);
  });

  it("diffs long texts word by word, and both texts can be read back from the diff", () => {
    const segments = wordSegments("The motion is granted in part.", "The motion is denied in part.")!;
    expect(segments.filter((s) => s.del).map((s) => s.text)).toEqual(["granted"]);
    expect(segments.filter((s) => s.ins).map((s) => s.text)).toEqual(["denied"]);
    expect(
      segments
        .filter((s) => !s.ins)
        .map((s) => s.text)
        .join(""),
    ).toBe("The motion is granted in part.");
  });

  it("reports link items added and removed, a reordered list, and nothing for revisions written without links", () => {
    expect(linkChanges({ $links: { demands: ["a", "b"] } }, { $links: { demands: ["b", "a"] } }, noNames)).toEqual([
      { field: "demands", label: "Data demanded (order changed)", added: ["b", "a"], removed: [] },
    ]);
    expect(
      linkChanges(
        { $links: { dispositions: [{ motionId: 2, disposition: "pending" }] } },
        { $links: { dispositions: [{ motionId: 2, disposition: "granted" }] } },
        noNames,
      ),
    ).toEqual([{ field: "dispositions", label: "Motions decided", added: ["motion #2: Granted"], removed: ["motion #2: Pending"] }]);
    expect(linkChanges({ title: "a" }, { title: "b" }, noNames)).toEqual([]);
  });

  it("names fields in words", () => {
    expect(fieldLabel("dateFiledLatest")).toBe("Date filed latest");
    expect(fieldLabel("assignedJudgeId")).toBe("Assigned judge");
    expect(fieldLabel("dnJudgeInitials")).toBe("Docket number: judge's initials");
  });
});

describe("record names", () => {
  it("names a judge by name, not by title, and an entry by its number and text", () => {
    expect(recordName("judge", { id: 1, name: "Thomas S. Hixson", title: "U.S. Magistrate Judge" })).toBe("Thomas S. Hixson");
    expect(recordName("entry", { id: 2, number: 12, description: "ORDER granting stay" })).toBe("ECF No. 12: ORDER granting stay");
    expect(recordName("coverage", { id: 3, subpoenaId: 4, accountId: null })).toBe("Coverage of subpoena #4, all accounts");
  });
});
