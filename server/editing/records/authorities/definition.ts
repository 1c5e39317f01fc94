import { relinkUndecidedCites } from "../../../cites/service";
import { citationExtractor } from "../../../cites/extractor";
import { parseTags } from "../../../shared/doctrine-tags";
import { slugify } from "../../../shared/slug";
import { defineRecord, uniqueSlug } from "../../definition";
import { AuthorityCreate, AuthorityUpdate } from "./schema";

// The cases, statutes and rules the filings cite.
// What the write service checks, derives and updates for this record type.

/** The fields that decide which found citations name an authority. */
const MATCHED_ON = ["citation", "deletedAt"] as const;

export const authority = defineRecord({
  type: "authority",
  plural: "authorities",
  label: "authority",
  tag: "authorities",
  create: AuthorityCreate,
  update: AuthorityUpdate,
  unique: ["slug"],
  prepare(ctx, values, current) {
    const tags = values.doctrineTags === undefined ? {} : { doctrineTags: parseTags(values.doctrineTags).join(",") || null };
    // Made from the short name when left out on creation or cleared on an edit (the column is NOT NULL).
    if (current === null ? values.slug : values.slug !== null) return tags;
    const name = values.shortName ?? current?.shortName ?? values.citation ?? current?.citation;
    return { ...tags, slug: uniqueSlug(ctx, "authority", slugify(String(name)), current === null ? null : Number(current.id)) };
  },
  // A citation found in a filing and proposed as a new authority links to it once staff add it
  // (still proposed, for a person to confirm); one whose citation changes or is deleted lets go
  // of the links it no longer names. Same transaction as the authority's write.
  afterWrite(ctx, event) {
    if (event.action === "update" && !MATCHED_ON.some((field) => event.before?.[field] !== event.row[field])) return;
    relinkUndecidedCites(ctx.db, ctx.store, citationExtractor, ctx.actor);
  },
});
