import { sqliteTable, text, integer, uniqueIndex, index, primaryKey } from "drizzle-orm/sqlite-core";
import { recordColumns } from "./columns";
import { parties } from "./cases";
import { docketEntries } from "./docket";
import { motions } from "./motions";

export const AUTHORITY_KINDS = ["case", "statute", "rule", "constitution", "regulation", "other"] as const;

/** A case, statute or rule that filings cite. */
export const authorities = sqliteTable(
  "authorities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    kind: text("kind", { enum: AUTHORITY_KINDS }).notNull(),
    citation: text("citation").notNull(),
    shortName: text("short_name").notNull(),
    court: text("court"),
    year: integer("year"),
    // Comma-separated doctrine tags ("anonymous-speech,unmasking").
    doctrineTags: text("doctrine_tags"),
    holding: text("holding"),
    url: text("url"),
    ...recordColumns(),
  },
  (t) => [uniqueIndex("authorities_slug_unique").on(t.slug)],
);

export const REACHED = ["yes", "no", "unknown"] as const;

/** An argument raised in a filing, and whether the court reached it. */
export const argumentsTable = sqliteTable(
  "arguments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    motionId: integer("motion_id").references(() => motions.id, { onDelete: "cascade" }),
    entryId: integer("entry_id").references(() => docketEntries.id, { onDelete: "set null" }),
    partyId: integer("party_id").references(() => parties.id, { onDelete: "set null" }),
    doctrineTag: text("doctrine_tag").notNull(),
    text: text("text").notNull(),
    reached: text("reached", { enum: REACHED }).notNull().default("unknown"),
    // How the court treated it, when it did.
    treatment: text("treatment"),
    ...recordColumns(),
  },
  (t) => [index("arguments_motion_idx").on(t.motionId)],
);

export const argumentAuthorities = sqliteTable(
  "argument_authorities",
  {
    argumentId: integer("argument_id")
      .notNull()
      .references(() => argumentsTable.id, { onDelete: "cascade" }),
    authorityId: integer("authority_id")
      .notNull()
      .references(() => authorities.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.argumentId, t.authorityId] })],
);
