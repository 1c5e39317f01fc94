import { sqliteTable, text, integer, uniqueIndex, index, primaryKey } from "drizzle-orm/sqlite-core";
import { DATE_PRECISIONS, recordColumns } from "./columns";
import { organizations } from "./reference";

export const SUBPOENA_KINDS = ["administrative_subpoena", "immigration_subpoena", "customs_summons", "grand_jury_subpoena"] as const;

/** The out-of-court demand: administrative subpoena, customs summons or grand-jury subpoena. */
export const subpoenas = sqliteTable(
  "subpoenas",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    // Short label a journalist would use ("DHS subpoena to Meta of 3 Sep 2025").
    title: text("title").notNull(),
    kind: text("kind", { enum: SUBPOENA_KINDS }).notNull(),
    issuerId: integer("issuer_id").references(() => organizations.id, { onDelete: "restrict" }),
    // Component or office inside the issuer when known ("HSI", "U.S. Attorney's Office for D.C.").
    issuingComponent: text("issuing_component"),
    recipientId: integer("recipient_id").references(() => organizations.id, { onDelete: "restrict" }),
    // Statute the demand relies on, e.g. "19 U.S.C. § 1509"; null while unknown.
    authorityCited: text("authority_cited"),
    dateIssued: text("date_issued"),
    dateIssuedLatest: text("date_issued_latest"),
    dateIssuedPrecision: text("date_issued_precision", { enum: DATE_PRECISIONS }),
    dateIssuedLabel: text("date_issued_label"),
    // Return or compliance date stated in the demand.
    dateReturn: text("date_return"),
    statedPurpose: text("stated_purpose"),
    // How the demand became public (user notice, court filing, press report).
    howKnown: text("how_known"),
    // Number of accounts the sources say it covered, when more than the ones we can name.
    accountsCovered: integer("accounts_covered"),
    summary: text("summary"),
    ...recordColumns(),
  },
  (t) => [uniqueIndex("subpoenas_slug_unique").on(t.slug)],
);

/** One item of data a subpoena demands ("IP addresses used to access the account"). */
export const subpoenaDemands = sqliteTable(
  "subpoena_demands",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    subpoenaId: integer("subpoena_id")
      .notNull()
      .references(() => subpoenas.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    item: text("item").notNull(),
    ...recordColumns(),
  },
  (t) => [index("subpoena_demands_subpoena_idx").on(t.subpoenaId)],
);

/** A targeted online account, by public handle only. */
export const accounts = sqliteTable(
  "accounts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    platformId: integer("platform_id").references(() => organizations.id, { onDelete: "restrict" }),
    // Public handle as the account shows it (`@LBProtest`); null when only a name is known.
    handle: text("handle"),
    displayName: text("display_name"),
    description: text("description"),
    ...recordColumns(),
  },
  (t) => [uniqueIndex("accounts_slug_unique").on(t.slug)],
);

/** Which accounts a subpoena named. */
export const subpoenaAccounts = sqliteTable(
  "subpoena_accounts",
  {
    subpoenaId: integer("subpoena_id")
      .notNull()
      .references(() => subpoenas.id, { onDelete: "cascade" }),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    note: text("note"),
  },
  (t) => [primaryKey({ columns: [t.subpoenaId, t.accountId] })],
);

/** The platform's notice to a user that their data was demanded. */
export const notices = sqliteTable(
  "notices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    accountId: integer("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    subpoenaId: integer("subpoena_id")
      .notNull()
      .references(() => subpoenas.id, { onDelete: "cascade" }),
    platformId: integer("platform_id").references(() => organizations.id, { onDelete: "restrict" }),
    dateNotified: text("date_notified"),
    dateNotifiedPrecision: text("date_notified_precision", { enum: DATE_PRECISIONS }),
    // The response window exactly as the notice states it ("10 days"); never computed under Rule 6.
    responseWindowStated: text("response_window_stated"),
    responseWindowDays: integer("response_window_days"),
    // A response date only when the notice itself states one.
    responseDateStated: text("response_date_stated"),
    ...recordColumns(),
  },
  (t) => [index("notices_subpoena_idx").on(t.subpoenaId)],
);
