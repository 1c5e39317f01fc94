import { sqliteTable, text, integer, uniqueIndex, index } from "drizzle-orm/sqlite-core";
import { RECORD_TYPES } from "./columns";

export const USER_ROLES = ["admin", "editor", "viewer"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A staff account. The public reads without one. */
export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: USER_ROLES }).notNull(),
    passwordHash: text("password_hash").notNull(),
    disabledAt: text("disabled_at"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

/** A login session; the cookie holds a random id whose hash is stored here. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfSecret: text("csrf_secret").notNull(),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [uniqueIndex("sessions_token_unique").on(t.tokenHash)],
);

/** An API token for scripts; only its hash is stored. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    // First characters of the token, so an admin can tell tokens apart.
    prefix: text("prefix").notNull(),
    label: text("label"),
    createdAt: text("created_at").notNull(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash_unique").on(t.tokenHash)],
);

export const REVISION_ACTIONS = ["create", "update", "delete", "restore"] as const;

/** Every change to any record: who, when, before, after, why. Written in the same transaction. */
export const revisions = sqliteTable(
  "revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recordType: text("record_type", { enum: RECORD_TYPES }).notNull(),
    recordId: text("record_id").notNull(),
    action: text("action", { enum: REVISION_ACTIONS }).notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    // Who made the change when no user did ("seed", "import #12", "cli").
    actor: text("actor").notNull(),
    at: text("at").notNull(),
    // JSON of the record before and after; null before a create.
    before: text("before"),
    after: text("after"),
    reason: text("reason"),
    // The record's version after this change.
    version: integer("version"),
  },
  (t) => [index("revisions_record_idx").on(t.recordType, t.recordId)],
);
