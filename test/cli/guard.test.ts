import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../db/client";
import { createGuardRepository } from "../../server/guard/repository";
import { insertCase, insertEntry, insertSubpoena } from "../support/factories";
import { guardOf } from "../support/guard";
import { testActor } from "../support/db";
import { quash, scratchDatabase } from "./helpers";

/*
 * `quash guard rescan`: text stored before the guard saw it (an older detector, rows written
 * before the guard existed, simulated here by writing past the record store) is held when the
 * guard is run again; the output says where each finding is and never what it says.
 */
describe("quash guard rescan", () => {
  let scratch: ReturnType<typeof scratchDatabase>;
  afterEach(() => scratch.remove());

  /** Writes a value past the record store, as rows stored before the guard were. */
  const unguarded = (db: Db, sql: string, ...params: unknown[]) => db.$client.prepare(sql).run(...params);

  it("holds what it now finds, prints places only, and leaves a released finding released", async () => {
    scratch = scratchDatabase();
    const db = openDatabase(scratch.file);
    const kase = insertCase(db, { slug: "doe-v-dhs", label: "Doe v. DHS" });
    const clean = insertEntry(db, kase.id, { description: "NOTICE of appearance" });
    const old = insertEntry(db, kase.id, { description: "DECLARATION" });
    unguarded(db, "UPDATE docket_entries SET description = ? WHERE id = ?", "DECLARATION of J. Doe, SSN 219-09-9999", old.id);
    const subpoena = insertSubpoena(db, { slug: "s-1" });
    unguarded(
      db,
      "INSERT INTO subpoena_demands (subpoena_id, position, item, created_at, updated_at) VALUES (?, 0, ?, ?, ?)",
      subpoena.id,
      "Records of the subscriber born on January 5, 1990",
      "2026-01-01T00:00:00Z",
      "2026-01-01T00:00:00Z",
    );
    // Held when written, then released by a person: a rescan must not take that decision back.
    const released = insertEntry(db, kase.id, { description: "EXHIBIT listing account 4111 1111 1111 1111" });
    const guard = guardOf(db);
    const hold = guard.repo.openHold("entry", String(released.id))!;
    guard.release(hold.id, "a test card number printed in the court's own order", testActor);
    db.$client.close();

    const first = await quash(scratch.file, ["guard", "rescan"]);
    expect(first.code).toBe(0);
    expect(first.lines).toEqual([
      `held subpoena ${subpoena.id}: Full date of birth in demands item 1 (characters 32–49)`,
      `held entry ${old.id} of case doe-v-dhs: Social Security number in description (characters 28–38)`,
      expect.stringMatching(/^Scanned \d+ records: 2 newly held\. Review them at \/staff\/review\.$/),
    ]);
    expect(first.stdout).not.toMatch(/9999|1990|J\. Doe|DECLARATION/);

    const after = openDatabase(scratch.file);
    try {
      const holds = createGuardRepository(after).holds({ status: "held" });
      expect(holds.map((h) => [h.recordType, h.recordId, h.heldBy])).toEqual([
        ["subpoena", String(subpoena.id), "guard rescan by cli"],
        ["entry", String(old.id), "guard rescan by cli"],
      ]);
      expect(createGuardRepository(after).openHold("entry", String(released.id))).toBeUndefined();
      expect(createGuardRepository(after).openHold("entry", String(clean.id))).toBeUndefined();
    } finally {
      after.$client.close();
    }

    // Run again: nothing new, and it says what is still waiting.
    const second = await quash(scratch.file, ["guard", "rescan"]);
    expect(second.lines).toEqual([
      expect.stringMatching(/^Scanned \d+ records: 0 newly held; 2 already held\. Review them at \/staff\/review\.$/),
    ]);
  });

  it("refuses an unknown action with the usage", async () => {
    scratch = scratchDatabase();
    const result = await quash(scratch.file, ["guard", "scan"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown action "scan"/);
  });
});
