import { sqliteTable, text, integer, uniqueIndex, index, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { recordColumns } from "./columns";

/** A court, keyed CourtListener-style (`cand`, `dcd`). */
export const courts = sqliteTable("courts", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  // Bluebook-style short name, e.g. "N.D. Cal."
  shortName: text("short_name").notNull(),
  // IANA zone; decides the e-filing midnight cut-off of deadlines.
  timeZone: text("time_zone").notNull(),
  ...recordColumns(),
});

export const JUDGE_TITLES = [
  "U.S. Magistrate Judge",
  "U.S. District Judge",
  "Chief U.S. District Judge",
  "Magistrate Judge",
  "Judge",
] as const;

/** A judicial officer. */
export const judges = sqliteTable(
  "judges",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    title: text("title").notNull(),
    courtId: text("court_id").references(() => courts.id, { onDelete: "restrict" }),
    // Initials the court appends to docket numbers (`TSH` in 3:23-mc-80155-TSH).
    initials: text("initials"),
    notes: text("notes"),
    ...recordColumns(),
  },
  (t) => [uniqueIndex("judges_slug_unique").on(t.slug)],
);

export const ORGANIZATION_KINDS = ["agency", "platform", "law_firm", "nonprofit", "legislature", "press", "court", "other"] as const;

/** An agency, platform, firm or nonprofit. */
export const organizations = sqliteTable(
  "organizations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    kind: text("kind", { enum: ORGANIZATION_KINDS }).notNull(),
    // ICE's parent is DHS; lets pages say "ICE (DHS)".
    parentId: integer("parent_id").references((): AnySQLiteColumn => organizations.id, { onDelete: "set null" }),
    url: text("url"),
    ...recordColumns(),
  },
  (t) => [uniqueIndex("organizations_slug_unique").on(t.slug)],
);

/**
 * A named public person who is neither judge nor counsel: officials, spokespeople, and people
 * who sued in their own name. Private individuals seen only in the press are never stored here;
 * they appear by role in the text of events.
 */
export const people = sqliteTable(
  "people",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    // Position as the source describes it ("DHS Assistant Secretary for Public Affairs").
    position: text("position"),
    organizationId: integer("organization_id").references(() => organizations.id, { onDelete: "set null" }),
    notes: text("notes"),
    ...recordColumns(),
  },
  (t) => [uniqueIndex("people_slug_unique").on(t.slug)],
);

/** Counsel (a lawyer), whether or not confirmed as counsel of record. */
export const attorneys = sqliteTable(
  "attorneys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    organizationId: integer("organization_id").references(() => organizations.id, { onDelete: "set null" }),
    // Title as the source gives it ("Senior staff attorney").
    position: text("position"),
    // Address/phone/e-mail lines exactly as on a PACER docket; staff-only, never public.
    contact: text("contact"),
    ...recordColumns(),
  },
  (t) => [uniqueIndex("attorneys_slug_unique").on(t.slug), index("attorneys_name_idx").on(t.name)],
);
