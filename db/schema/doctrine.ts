import { sqliteTable, text, integer, uniqueIndex, index, primaryKey } from "drizzle-orm/sqlite-core";
import { recordColumns } from "./columns";
import { parties } from "./cases";
import { docketEntries, documents } from "./docket";
import { motions } from "./motions";

export const AUTHORITY_KINDS = ["case", "statute", "rule", "constitution", "regulation", "journal", "other"] as const;

/**
 * A doctrine at stake in the cluster (anonymous speech, the civil unmasking tests…), with a
 * short explanation drawn from the research (legal-rules.md section 3) whose sources back it
 * through fact_sources. Authorities and arguments carry doctrine *tags*; a doctrine gathers
 * the tags listed in `tags` (its own slug first), so finer tags ("customs-summons") still
 * land under their doctrine ("statutory-authority").
 */
export const doctrines = sqliteTable(
  "doctrines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    // The short explanation shown on the doctrine's page, in our own words.
    summary: text("summary").notNull(),
    // Comma-separated doctrine tags this doctrine gathers, its own slug first.
    tags: text("tags").notNull(),
    // Order on the doctrine index (the order a seminar would take them in).
    position: integer("position").notNull().default(0),
    ...recordColumns(),
  },
  (t) => [uniqueIndex("doctrines_slug_unique").on(t.slug)],
);

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

/** eyecite's citation classes, as server/citations names them. */
export const CITE_KINDS = ["case", "shortCase", "id", "supra", "law", "journal", "reference", "unknown"] as const;
/** A found citation is proposed until staff confirm it (it names this authority) or reject it. */
export const CITE_STATUSES = ["proposed", "confirmed", "rejected"] as const;
/** How a found citation came to name its authority. */
export const CITE_MATCHES = ["citation", "antecedent", "staff"] as const;

/**
 * A "cites" link: one citation found in a filing's text (a document's extracted text), with
 * its pin cite and the sentence it appears in, and the authority it names once one is known.
 * Links are made by extraction and decided by staff; a re-extraction matches the stored links
 * by (document, cite_key, occurrence), so a decision survives it.
 */
export const cites = sqliteTable(
  "cites",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    // What the citation names, in canonical form ("case|U.S.|362|60", "law|U.S.C.|19|1509"), plus its pin cite.
    citeKey: text("cite_key").notNull(),
    // The n-th citation with this key in the document, from 0, so two identical "Id." stay apart.
    occurrence: integer("occurrence").notNull().default(0),
    kind: text("kind", { enum: CITE_KINDS }).notNull(),
    // The citation as printed in the filing ("362 U.S. 60", "Id. at 65").
    citedText: text("cited_text").notNull(),
    pinCite: text("pin_cite"),
    // The sentence of the filing the citation appears in, as printed (shortened around the citation when very long).
    sentence: text("sentence").notNull(),
    // Offsets of the citation in the document's extracted text, [start, end).
    spanStart: integer("span_start").notNull(),
    spanEnd: integer("span_end").notNull(),
    authorityId: integer("authority_id").references(() => authorities.id, { onDelete: "set null" }),
    matchedBy: text("matched_by", { enum: CITE_MATCHES }),
    // For a citation no authority on the record matches: the authority staff could add (never guessed into a link).
    proposedCitation: text("proposed_citation"),
    proposedKind: text("proposed_kind", { enum: AUTHORITY_KINDS }),
    proposedShortName: text("proposed_short_name"),
    proposedCourt: text("proposed_court"),
    proposedYear: integer("proposed_year"),
    status: text("status", { enum: CITE_STATUSES }).notNull().default("proposed"),
    // False once a re-extraction no longer finds the citation in the text; staff decisions are kept.
    found: integer("found", { mode: "boolean" }).notNull().default(true),
    // Why staff rejected the link, or what they checked when confirming it.
    decisionNote: text("decision_note"),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex("cites_document_key_unique").on(t.documentId, t.citeKey, t.occurrence),
    index("cites_authority_idx").on(t.authorityId),
  ],
);
