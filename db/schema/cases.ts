import { sql, type SQL } from "drizzle-orm";
import { sqliteTable, text, integer, uniqueIndex, index, primaryKey, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { DATE_PRECISIONS, recordColumns, sealColumns } from "./columns";
import { attorneys, courts, judges, organizations } from "./reference";
import { accounts, subpoenas } from "./subpoenas";

/**
 * Where a proceeding sits in the cluster, for grouping on the overview. "unsorted" is where a
 * case lands that the record cannot place (an import, a script): staff see it, the public never
 * does, because a published case must be in one of the other groups.
 */
export const CASE_GROUPS = ["meta", "other_platform", "related", "out_of_scope", "unsorted"] as const;

/** The groups a published case may be in: every group but "unsorted". */
export const PUBLIC_CASE_GROUPS = [
  "meta",
  "other_platform",
  "related",
  "out_of_scope",
] as const satisfies readonly (typeof CASE_GROUPS)[number][];

/**
 * Where a case's group comes on the cases page: PUBLIC_CASE_GROUPS in order, any other after.
 * The names are written into the SQL, not bound, so cases_list_idx holds the very expression
 * the page orders by and SQLite walks it instead of sorting every case.
 */
export function caseGroupRank(group: AnySQLiteColumn): SQL<number> {
  const when = PUBLIC_CASE_GROUPS.map((g, i) => sql`when ${sql.raw(`'${g}'`)} then ${sql.raw(String(i))}`);
  return sql<number>`(case ${group} ${sql.join(when, sql` `)} else ${sql.raw(String(PUBLIC_CASE_GROUPS.length))} end)`;
}

/** Whether a case has no position: the API case list orders by it, then position, then id (cases_api_list_idx). */
export function caseHasNoPosition(position: AnySQLiteColumn): SQL<number> {
  return sql<number>`(${position} is null)`;
}

/**
 * A live case that is unpublished or sealed, as SQL with nothing bound: cases_hidden_idx is
 * partial on it, and a query SQLite is to read that index for must state it the same way.
 * Published and sealed are never null, so `<>` is their negation (publicCase's other half).
 */
export function hiddenCaseCondition(t: { deletedAt: AnySQLiteColumn; published: AnySQLiteColumn; sealed: AnySQLiteColumn }): SQL {
  return sql`(${t.deletedAt} is null and (${t.published} <> 1 or ${t.sealed} <> 0))`;
}

/** A court proceeding: one docket. */
export const cases = sqliteTable(
  "cases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    courtId: text("court_id").references(() => courts.id, { onDelete: "restrict" }),
    // Full number as the court prints it ("5:26-mc-80026-TSH"); null while unknown.
    docketNumber: text("docket_number"),
    // Parsed parts of the number: office code, two-digit year, type (mc, cv), serial, judge initials.
    dnOffice: text("dn_office"),
    dnYear: text("dn_year"),
    dnType: text("dn_type"),
    dnSerial: text("dn_serial"),
    dnJudgeInitials: text("dn_judge_initials"),
    // The number without judge initials ("5:26-mc-80026"): stable across reassignment, used to match imports.
    docketNumberCore: text("docket_number_core"),
    // CM/ECF's internal case id, when an import told us.
    pacerCaseId: text("pacer_case_id"),
    // Caption as on the docket; null while no source states it.
    caption: text("caption"),
    // What to call the case while the caption is unknown ("@LBProtest operator's motion to quash").
    label: text("label").notNull(),
    group: text("group", { enum: CASE_GROUPS }).notNull().default("meta"),
    // Position in the bundled record's numbering (Case 1…12), for a stable reading order.
    position: integer("position"),
    dateFiled: text("date_filed"),
    dateFiledLatest: text("date_filed_latest"),
    dateFiledPrecision: text("date_filed_precision", { enum: DATE_PRECISIONS }),
    dateFiledLabel: text("date_filed_label"),
    dateTerminated: text("date_terminated"),
    assignedJudgeId: integer("assigned_judge_id").references(() => judges.id, { onDelete: "set null" }),
    referredJudgeId: integer("referred_judge_id").references(() => judges.id, { onDelete: "set null" }),
    // Nature of the proceeding ("Motion to quash administrative subpoena").
    nature: text("nature"),
    cause: text("cause"),
    jurisdiction: text("jurisdiction"),
    summary: text("summary"),
    // Status in words as the latest source gives it, when the record cannot derive it.
    statusNote: text("status_note"),
    // Whether the public may see the case and everything of it. New cases (imports, intake,
    // forms, the write API) start unpublished; staff publish them with a revision and a reason.
    published: integer("published", { mode: "boolean" }).notNull().default(false),
    // Sealed by the court after the fact: the whole case leaves every public surface, published or not.
    sealed: integer("sealed", { mode: "boolean" }).notNull().default(false),
    ...sealColumns(),
    // Staff want the court's RSS feed polled for this case (server/court-feeds); needs a court and a docket number.
    watched: integer("watched", { mode: "boolean" }).notNull().default(false),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex("cases_slug_unique").on(t.slug),
    index("cases_core_idx").on(t.courtId, t.docketNumberCore),
    // A judge's cases (the judge's page, the judges list's counts, whether the public may see a judge).
    index("cases_assigned_judge_idx")
      .on(t.assignedJudgeId)
      .where(sql`${t.assignedJudgeId} is not null`),
    index("cases_referred_judge_idx")
      .on(t.referredJudgeId)
      .where(sql`${t.referredJudgeId} is not null`),
    // The cases page (group, then position, then id) and the API list (position, those without
    // last, then id) walk these in order: a page of a record of thousands of cases reads its hundred.
    index("cases_list_idx").on(caseGroupRank(t.group), t.position),
    index("cases_api_list_idx").on(caseHasNoPosition(t.position), t.position),
    // The few live cases the public may not see, for whether a record belongs to one (public-scope.ts hiddenLiveCaseIds).
    index("cases_hidden_idx").on(t.id).where(hiddenCaseCondition(t)),
  ],
);

/** The subpoenas a case challenges. */
export const caseSubpoenas = sqliteTable(
  "case_subpoenas",
  {
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    subpoenaId: integer("subpoena_id")
      .notNull()
      .references(() => subpoenas.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.subpoenaId] })],
);

/** A link between two proceedings ("challenges the same subpoena", "superseded by"). */
export const relatedCases = sqliteTable(
  "related_cases",
  {
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    relatedCaseId: integer("related_case_id")
      .notNull()
      .references((): AnySQLiteColumn => cases.id, { onDelete: "cascade" }),
    relation: text("relation").notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.relatedCaseId] })],
);

/**
 * A party to one case, named exactly as on the docket ("J. Doe"). There is deliberately no
 * column for a pseudonymous party's true identity.
 */
export const parties = sqliteTable(
  "parties",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // As on the docket: Movant, Respondent, Plaintiff, Defendant, Interested Party…
    role: text("role").notNull(),
    pseudonymous: integer("pseudonymous", { mode: "boolean" }).notNull().default(false),
    // Public description of who the party is, by role ("operator of the @LBProtest account").
    description: text("description"),
    organizationId: integer("organization_id").references(() => organizations.id, { onDelete: "set null" }),
    // Text PACER prints under the name; may hold addresses, so staff-only.
    extraInfo: text("extra_info"),
    dateTerminated: text("date_terminated"),
    position: integer("position").notNull().default(0),
    // The court sealed the party's name: the public sees "Sealed party" and the role, nothing that names them.
    nameSealed: integer("name_sealed", { mode: "boolean" }).notNull().default(false),
    ...sealColumns(),
    ...recordColumns(),
  },
  (t) => [index("parties_case_idx").on(t.caseId)],
);

/** The public accounts a party operates (handles only). */
export const partyAccounts = sqliteTable(
  "party_accounts",
  {
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "cascade" }),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.partyId, t.accountId] })],
);

/** How sure we are that someone is counsel of record. */
export const COUNSEL_STANDINGS = ["of_record", "reported", "quoted_only"] as const;

/** Counsel for a party: a named attorney, or a firm when no attorney is named. */
export const representations = sqliteTable(
  "representations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "cascade" }),
    attorneyId: integer("attorney_id").references(() => attorneys.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    // PACER's italic lines: LEAD ATTORNEY, ATTORNEY TO BE NOTICED, PRO HAC VICE…
    roles: text("roles"),
    standing: text("standing", { enum: COUNSEL_STANDINGS }).notNull().default("reported"),
    ...recordColumns(),
  },
  (t) => [index("representations_party_idx").on(t.partyId)],
);
