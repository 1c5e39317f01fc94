import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { createEditService } from "../../server/editing/service";
import { createGuardService, type GuardService } from "../../server/review/service";
import { createRecordStore, type RecordStore } from "../../server/records/store";
import { createTestDb, testClock } from "../support/db";
import { insertCase, insertDocument, insertEntry, insertSubpoena } from "../support/factories";

/*
 * The guard at the record store: every write is scanned in its own transaction, whoever makes
 * it; a hold lasts until a person releases or redacts the record; the never-publish list keeps
 * only salted digests and catches a name however the text writes it.
 */

const editor = { userId: null, label: "Ed Editor" };

describe("the publication guard", () => {
  let db: Db;
  let store: RecordStore;
  let guard: GuardService;
  let caseId: number;

  beforeEach(() => {
    db = createTestDb();
    store = createRecordStore(db, testClock);
    guard = createGuardService({ db, store, clock: testClock, editing: createEditService({ db, store, clock: testClock }) });
    caseId = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. DHS" }).id;
  });

  const openHold = (type: string, id: number) => guard.repo.openHold(type, String(id));

  it("holds a record whose public text carries FRCP 5.2 material, with where it sits and never the text itself", () => {
    const entry = insertEntry(db, caseId, { description: "DECLARATION (SSN 219099998, born on January 5, 1990)" });
    const hold = openHold("entry", entry.id)!;
    expect(hold).toMatchObject({ recordType: "entry", caseId, heldBy: "test" });
    expect(hold.findings.map((f) => [f.field, f.kind, entry.description.slice(f.start, f.end)])).toEqual([
      ["description", "ssn", "219099998"],
      ["description", "birth-date", "on January 5, 1990"],
    ]);
    const stored = db.$client.prepare("SELECT findings FROM publication_holds").get() as { findings: string };
    expect(stored.findings).not.toContain("219099998");
    expect(stored.findings).not.toContain("January");
  });

  it("holds nothing for clean text, e-mail addresses and phone numbers (those are only redacted)", () => {
    const entry = insertEntry(db, caseId, {
      description: "NOTICE of appearance by A. Lawyer (lawyer@example.org, 415-555-0100) in 5:26-mc-80026-TSH",
    });
    expect(openHold("entry", entry.id)).toBeUndefined();
  });

  it("scans text outside the allow-list that still publishes: a PDF's text layer, a subpoena's demands", () => {
    const entry = insertEntry(db, caseId);
    const document = insertDocument(db, entry.id, { extractedText: "Exhibit A: card 4111 1111 1111 1111" });
    expect(openHold("document", document.id)!.findings.map((f) => [f.field, f.kind])).toEqual([["extractedText", "card"]]);
    const subpoena = insertSubpoena(db);
    store.update(
      "subpoena",
      subpoena.id,
      { summary: "Seeks records" },
      { actor: editor, links: { before: null, after: { demands: ["Name", "DOB 01/05/1990"] } } },
    );
    expect(openHold("subpoena", subpoena.id)!.findings.map((f) => [f.field, f.kind])).toEqual([["$links.demands.1", "birth-date"]]);
  });

  it("ends a hold only by a person: release keeps the record public through later edits, a new finding holds it again", () => {
    const entry = insertEntry(db, caseId, { description: "MOTION (SSN 219-09-9996)" });
    const hold = openHold("entry", entry.id)!;
    expect(() => guard.release(hold.id, " ", editor)).toThrow(/not valid|Nothing was changed/);
    const released = guard.release(hold.id, "A test number from the SSA pamphlet, redacted on the page anyway", editor);
    expect(released).toMatchObject({ status: "released", resolvedBy: "Ed Editor" });
    expect(() => guard.release(hold.id, "again", editor)).toThrow(/already released/);
    // Another field changes; the released finding stays released.
    store.update("entry", entry.id, { shortDescription: "Motion" }, { actor: editor });
    expect(openHold("entry", entry.id)).toBeUndefined();
    // Something new arrives: held again, for the new finding only.
    const updated = store.update("entry", entry.id, { description: "MOTION (SSN 219-09-9996) and DOB 1990-01-05" }, { actor: editor }).row;
    const again = openHold("entry", entry.id)!;
    expect(again.findings.map((f) => updated.description.slice(f.start, f.end))).toEqual(["1990-01-05"]);
  });

  it("redacts through the record store, as a revision with the reason, and refuses a redaction that leaves the finding", () => {
    const entry = insertEntry(db, caseId, { description: "DECLARATION (SSN 219099998)", number: 3 });
    const hold = openHold("entry", entry.id)!;
    expect(() => guard.redact(hold.id, { description: "DECLARATION (SSN 219 09 9998)" }, "tried", editor)).toThrow(/still holds/);
    expect(store.find("entry", entry.id)!.description).toBe("DECLARATION (SSN 219099998)");
    guard.redact(hold.id, { description: "DECLARATION (SSN XXX-XX-9998)" }, "SSN filed by mistake", editor);
    expect(guard.repo.hold(hold.id)).toMatchObject({ status: "redacted", resolution: "SSN filed by mistake" });
    const last = store.revisionsOf("entry", entry.id).at(-1)!;
    expect(last).toMatchObject({ actor: "Ed Editor", reason: "redacted for publication: SSN filed by mistake" });
    expect(JSON.parse(last.before!).description).toBe("DECLARATION (SSN 219099998)");
  });

  it("keeps the never-publish list as salted digests and finds a multi-word name however the text writes it", () => {
    const { termId } = guard.addTerm(caseId, { term: "Jonathan Q. Público", note: "movant's legal name" }, editor);
    const rows = db.$client.prepare("SELECT * FROM never_publish_terms").all() as Record<string, unknown>[];
    expect(JSON.stringify(rows)).not.toMatch(/jonathan|publico|público/i);
    expect(rows[0]).toMatchObject({ id: termId, word_count: 2, note: "movant's legal name" });
    for (const text of ["Declaration of JONATHAN PUBLICO", "Publico, Jonathan (movant)", "by jonathan q. público"]) {
      const entry = insertEntry(db, caseId, { description: text });
      expect(
        openHold("entry", entry.id)?.findings.map((f) => [f.kind, text.slice(f.start, f.end).toLowerCase()]),
        text,
      ).toEqual([["never-publish", expect.stringMatching(/jonathan|publico|público/)]]);
    }
    for (const text of ["Declaration of Jonathan Smith", "J. Publico filed"]) {
      expect(openHold("entry", insertEntry(db, caseId, { description: text }).id), text).toBeUndefined();
    }
  });

  it("holds what is already stored when a term is added, and refuses a note that names the term", () => {
    const entry = insertEntry(db, caseId, { description: "Letter from Maria Gomez-Lee" });
    expect(openHold("entry", entry.id)).toBeUndefined();
    expect(() => guard.addTerm(caseId, { term: "Maria Gomez-Lee", note: "Maria's name" }, editor)).toThrow(/not valid|Nothing was added/);
    const { held } = guard.addTerm(caseId, { term: "Gomez Lee Maria", note: null }, editor);
    expect(held).toBe(1);
    expect(openHold("entry", entry.id)!.heldBy).toBe("Ed Editor");
    expect(() => guard.addTerm(caseId, { term: "maria gomez lee", note: null }, editor)).toThrow(/Nothing was added/);
  });
});
