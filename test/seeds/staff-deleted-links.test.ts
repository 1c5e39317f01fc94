import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../db/schema";
import { createEditService } from "../../server/editing/service";
import { createRecordStore } from "../../server/records/store";
import { seedDatabase } from "../../seeds/load";
import { createTestDb, testActor, testClock } from "../support/db";
import { rowCounts } from "./support";

/*
 * The known gap of issue 9: a second `quash db seed` brought back a link row of the bundled
 * record that staff had removed. A removal is a decision, kept like an edit.
 */
describe("seeding again respects link rows staff removed", () => {
  it("keeps a subpoena's account, a motion's movant, an event's record, a party's account and a case's subpoena removed", () => {
    const db = createTestDb();
    seedDatabase(db, { clock: testClock });
    const editing = createEditService({ db, store: createRecordStore(db, testClock), clock: testClock });
    const options = (type: Parameters<typeof editing.find>[0], id: number) => ({
      actor: testActor,
      reason: "not supported by the docket",
      expectedVersion: editing.find(type, id)!.version as number,
    });

    const subpoenaLink = db.select().from(s.subpoenaAccounts).get()!;
    const movant = db.select().from(s.motionMovants).get()!;
    const eventLink = db.select().from(s.eventLinks).get()!;
    const partyAccount = db.select().from(s.partyAccounts).get()!;
    const caseSubpoena = db.select().from(s.caseSubpoenas).get()!;
    expect([subpoenaLink, movant, eventLink, partyAccount, caseSubpoena].every(Boolean)).toBe(true);

    const keptAccounts = db
      .select()
      .from(s.subpoenaAccounts)
      .where(eq(s.subpoenaAccounts.subpoenaId, subpoenaLink.subpoenaId))
      .all()
      .map((r) => r.accountId)
      .filter((id) => id !== subpoenaLink.accountId);
    editing.update("subpoena", subpoenaLink.subpoenaId, { accountIds: keptAccounts }, options("subpoena", subpoenaLink.subpoenaId));
    const keptMovants = db
      .select()
      .from(s.motionMovants)
      .where(eq(s.motionMovants.motionId, movant.motionId))
      .all()
      .map((r) => r.partyId)
      .filter((id) => id !== movant.partyId);
    editing.update("motion", movant.motionId, { movantPartyIds: keptMovants }, options("motion", movant.motionId));
    const event = editing.find("event", eventLink.eventId)!;
    const related = (event.related as { recordType: string; recordId: string; role: string }[]).filter(
      (r) => !(r.recordType === eventLink.recordType && r.recordId === eventLink.recordId && r.role === eventLink.role),
    );
    editing.update("event", eventLink.eventId, { related }, options("event", eventLink.eventId));
    const keptPartyAccounts = db
      .select()
      .from(s.partyAccounts)
      .where(eq(s.partyAccounts.partyId, partyAccount.partyId))
      .all()
      .map((r) => r.accountId)
      .filter((id) => id !== partyAccount.accountId);
    editing.update("party", partyAccount.partyId, { accountIds: keptPartyAccounts }, options("party", partyAccount.partyId));
    const keptSubpoenas = db
      .select()
      .from(s.caseSubpoenas)
      .where(eq(s.caseSubpoenas.caseId, caseSubpoena.caseId))
      .all()
      .map((r) => r.subpoenaId)
      .filter((id) => id !== caseSubpoena.subpoenaId);
    editing.update("case", caseSubpoena.caseId, { subpoenaIds: keptSubpoenas }, options("case", caseSubpoena.caseId));

    const before = rowCounts(db);
    const again = seedDatabase(db, { clock: testClock });

    expect(again.created).toEqual({});
    expect(rowCounts(db)).toEqual(before);
    expect(db.select().from(s.subpoenaAccounts).all()).not.toContainEqual(subpoenaLink);
    expect(db.select().from(s.motionMovants).all()).not.toContainEqual(movant);
    expect(db.select().from(s.eventLinks).all()).not.toContainEqual(eventLink);
    expect(db.select().from(s.partyAccounts).all()).not.toContainEqual(partyAccount);
    expect(db.select().from(s.caseSubpoenas).all()).not.toContainEqual(caseSubpoena);
  });

  it("still writes every link of a record the load creates (a fresh database gets them all)", () => {
    const db = createTestDb();
    const result = seedDatabase(db, { clock: testClock });
    for (const table of [
      "subpoena_accounts",
      "motion_movants",
      "event_links",
      "case_subpoenas",
      "related_cases",
      "party_accounts",
      "conflict_records",
      "subpoena_demands",
    ]) {
      expect(result.created[table], table).toBeGreaterThan(0);
    }
  });
});
