import type { PublicRecord } from "../privacy/projection";
import type { StatusCoverage, StatusOrder } from "../status/subpoena-status";

type Account = PublicRecord<"account">;

/** One row of "which account is protected by which order in which case since when". */
export type CoverageRow = {
  /** Null for an order that protects every account of a movant whose accounts are not on the record. */
  account: Account | null;
  /** True when the subpoena names the account (subpoena_accounts). */
  named: boolean;
  /** Null when no order protects the account. */
  coverage: PublicRecord<"coverage"> | null;
  order: StatusOrder | null;
  /** "account": the order names the account; "movant": it covers every account of a movant who operates it. */
  via: "account" | "movant" | null;
};

export type CoverageTable = {
  rows: CoverageRow[];
  /** Accounts no order protects. */
  unprotectedCount: number;
  /**
   * True when some order protects "every account of the movant" and the record does not say
   * which accounts those are; an account without a row of its own may still be protected.
   */
  unresolvedMovantOrders: boolean;
  /** Accounts the sources say the subpoena covered beyond those named here (accountsCovered − named). */
  unnamedAccounts: number;
};

export type CoverageInput = {
  subpoena: PublicRecord<"subpoena">;
  namedAccounts: Account[];
  coverages: StatusCoverage[];
  /** Accounts covered by a coverage but not named by the subpoena, loaded by id. */
  otherAccounts: Account[];
  /** Accounts operated by the parties of each case (party_accounts). */
  caseAccounts: { caseId: number; accountId: number }[];
};

const handleOf = (a: Account) => (a.handle ?? a.displayName ?? "").toLowerCase();

/**
 * The coverage table of one subpoena: one row per account × order protecting it, and one
 * row per account nothing protects. Pure: reads only what it is given.
 */
export function buildCoverageTable(input: CoverageInput): CoverageTable {
  const accounts = new Map<number, { account: Account; named: boolean }>();
  for (const a of input.namedAccounts) accounts.set(a.id, { account: a, named: true });
  for (const a of input.otherAccounts) if (!accounts.has(a.id)) accounts.set(a.id, { account: a, named: false });

  const rowsByAccount = new Map<number, CoverageRow[]>();
  const add = (accountId: number, row: CoverageRow) => rowsByAccount.set(accountId, [...(rowsByAccount.get(accountId) ?? []), row]);
  const unresolved: CoverageRow[] = [];

  for (const c of input.coverages) {
    if (c.coverage.accountId !== null) {
      const entry = accounts.get(c.coverage.accountId);
      if (entry)
        add(entry.account.id, { account: entry.account, named: entry.named, coverage: c.coverage, order: c.order, via: "account" });
      continue;
    }
    // Every account of the movant: the movant's accounts that this subpoena names.
    const operated = input.caseAccounts.filter((ca) => ca.caseId === c.order.order.caseId).map((ca) => ca.accountId);
    const hits = input.namedAccounts.filter((a) => operated.includes(a.id));
    for (const a of hits) add(a.id, { account: a, named: true, coverage: c.coverage, order: c.order, via: "movant" });
    if (hits.length === 0) unresolved.push({ account: null, named: false, coverage: c.coverage, order: c.order, via: "movant" });
  }

  const byDate = (a: CoverageRow, b: CoverageRow) =>
    (a.order?.order.dateSigned ?? "9999").localeCompare(b.order?.order.dateSigned ?? "9999") ||
    (a.coverage?.id ?? 0) - (b.coverage?.id ?? 0);
  const rows: CoverageRow[] = [];
  let unprotectedCount = 0;
  const sorted = [...accounts.values()].sort(
    (a, b) => handleOf(a.account).localeCompare(handleOf(b.account)) || a.account.id - b.account.id,
  );
  for (const { account, named } of sorted) {
    const own = rowsByAccount.get(account.id);
    if (own?.length) rows.push(...own.sort(byDate));
    else {
      unprotectedCount += 1;
      rows.push({ account, named, coverage: null, order: null, via: null });
    }
  }
  rows.push(...unresolved.sort(byDate));

  const total = input.subpoena.accountsCovered ?? 0;
  return {
    rows,
    unprotectedCount,
    unresolvedMovantOrders: unresolved.length > 0,
    unnamedAccounts: Math.max(0, total - input.namedAccounts.length),
  };
}
