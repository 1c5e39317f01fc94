import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { createSeededDb, textCells } from "./support";

/*
 * Research rules 2–4 and legal-rules 2.3: pseudonymous movants are never linked to a real
 * person, private individuals seen only in the news are recorded by role, and the agent at the
 * centre of the "doxing" claim is recorded nowhere.
 */

// Private individuals the research names who must appear only by role (rule 3).
const PRIVATE_INDIVIDUALS = [
  "Sherman Austin",
  "Austin",
  "Amandla",
  "Thomas-Johnson",
  "Gonyea",
  "Paigelynne",
  "Loomer",
  "Dominick Skinner",
  "Skinner",
  "Renee Good",
  "Pretti",
];

const PSEUDONYM = /^(?:[A-Z]\.\s|Jon\s|John\s|Jane\s)?Doe\b|^Anonymous\b/;

describe("privacy of the bundled record", () => {
  let db: Db;
  beforeAll(() => {
    db = createSeededDb();
  });

  it("names pseudonymous parties only by pseudonym", () => {
    const pseudonymous = db.select().from(s.parties).where(eq(s.parties.pseudonymous, true)).all();
    expect(pseudonymous.length).toBeGreaterThanOrEqual(7);
    for (const party of pseudonymous) expect(party.name, party.name).toMatch(PSEUDONYM);
    // And anyone named like a Doe is flagged pseudonymous.
    for (const party of db.select().from(s.parties).all()) {
      if (PSEUDONYM.test(party.name)) expect(party.pseudonymous, party.name).toBe(true);
    }
  });

  it("never records a private individual seen only in the news by name, anywhere", () => {
    const names = new RegExp(`\\b(?:${PRIVATE_INDIVIDUALS.join("|")})\\b`);
    const hits = textCells(db).filter((cell) => names.test(cell.value));
    expect(hits.map((cell) => `${cell.table}.${cell.column}: ${cell.value.slice(0, 80)}`)).toEqual([]);
  });

  it("does not link the CLDC movant (Case 3) to the stopice.net creator or his account", () => {
    const case3 = db.select().from(s.cases).where(eq(s.cases.slug, "cldc-stopice-motion-to-quash")).get()!;
    const parties = db.select().from(s.parties).where(eq(s.parties.caseId, case3.id)).all();
    expect(parties).toHaveLength(1);
    const movant = parties[0]!;
    expect(movant.pseudonymous).toBe(true);
    expect(`${movant.name} ${movant.description}`).not.toMatch(/creator/i);
    expect(db.select().from(s.partyAccounts).where(eq(s.partyAccounts.partyId, movant.id)).all()).toEqual([]);

    // Events about the creator concern the subpoena, never Case 3.
    const creatorEvents = db
      .select()
      .from(s.events)
      .all()
      .filter((e) => /stopice\.net creator/i.test(`${e.title} ${e.description}`));
    expect(creatorEvents.length).toBeGreaterThan(0);
    for (const event of creatorEvents) {
      expect(event.caseId, event.slug).toBeNull();
      const caseLinks = db
        .select()
        .from(s.eventLinks)
        .where(and(eq(s.eventLinks.eventId, event.id), eq(s.eventLinks.recordType, "case")))
        .all();
      expect(caseLinks, event.slug).toEqual([]);
    }
    // The creator is not a person record under any name.
    for (const person of db.select().from(s.people).all()) {
      expect(`${person.position} ${person.notes}`, person.name).not.toMatch(/creator of stopice|stopice\.net creator/i);
    }
  });

  it("links pseudonymous parties only to accounts, never to people", () => {
    const pseudonymousIds = db
      .select({ id: s.parties.id })
      .from(s.parties)
      .where(eq(s.parties.pseudonymous, true))
      .all()
      .map((p) => String(p.id));
    const links = db
      .select()
      .from(s.eventLinks)
      .where(and(eq(s.eventLinks.recordType, "party"), inArray(s.eventLinks.recordId, pseudonymousIds)))
      .all();
    expect(links).toEqual([]);
    for (const party of db.select().from(s.parties).where(eq(s.parties.pseudonymous, true)).all()) {
      expect(party.organizationId, party.name).toBeNull();
      expect(party.extraInfo, party.name).toBeNull();
    }
  });

  it("never names the Border Patrol agent at the centre of the doxing claim", () => {
    // Case-sensitive on purpose: a capital after "agent" is what a name looks like.
    const namedAgent = /Border Patrol agent,?\s+(?:named\s+)?[A-Z][a-z]+|\b[Aa]gent named\b/;
    const hits = textCells(db).filter((cell) => namedAgent.test(cell.value));
    expect(hits.map((cell) => `${cell.table}.${cell.column}: ${cell.value.slice(0, 80)}`)).toEqual([]);
  });

  it("stores account handles only, without names of their operators", () => {
    for (const account of db.select().from(s.accounts).all()) {
      if (account.handle !== null) expect(account.handle).toMatch(/^@[A-Za-z0-9_.]+$/);
    }
  });
});
