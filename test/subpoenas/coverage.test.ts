import { describe, expect, it } from "vitest";
import type { PublicRecord } from "../../server/privacy/projection";
import { buildCoverageTable } from "../../server/subpoenas/coverage";
import type { StatusCoverage } from "../../server/status/subpoena-status";

const account = (id: number, handle: string): PublicRecord<"account"> => ({
  id,
  slug: `a-${id}`,
  platformId: null,
  handle,
  displayName: null,
  description: null,
});

function coverage(
  id: number,
  orderId: number,
  caseId: number,
  accountId: number | null,
  signed: string | null = "2025-09-19",
): StatusCoverage {
  return {
    coverage: {
      id,
      orderId,
      subpoenaId: 1,
      accountId,
      addresseeId: null,
      endCondition: null,
      status: "in_force",
      statusReason: null,
      dateEnded: null,
    },
    order: {
      order: {
        id: orderId,
        slug: `o-${orderId}`,
        caseId,
        entryId: null,
        judgeId: null,
        title: `Order ${orderId}`,
        kind: "non_production",
        dateSigned: signed,
        dateSignedLatest: null,
        dateSignedPrecision: signed ? "day" : "unknown",
        dateSignedLabel: null,
        summary: null,
        quotedText: null,
        updatedAt: "2026-11-01T00:00:00.000Z",
      },
      judge: null,
    },
    addressee: null,
  };
}

const subpoena = { accountsCovered: 4 } as PublicRecord<"subpoena">;

describe("buildCoverageTable", () => {
  it("gives one row per account × order, and one row for each account nothing protects", () => {
    const a = account(1, "@alpha");
    const b = account(2, "@beta");
    const c = account(3, "@gamma");
    const table = buildCoverageTable({
      subpoena,
      namedAccounts: [c, a, b],
      coverages: [coverage(1, 10, 100, 1, "2025-09-22"), coverage(2, 11, 101, 1, "2025-09-19"), coverage(3, 12, 102, null)],
      otherAccounts: [],
      caseAccounts: [{ caseId: 102, accountId: 2 }],
    });
    expect(table.rows.map((r) => [r.account?.handle, r.order?.order.id ?? null, r.via])).toEqual([
      ["@alpha", 11, "account"],
      ["@alpha", 10, "account"],
      ["@beta", 12, "movant"],
      ["@gamma", null, null],
    ]);
    expect(table.unprotectedCount).toBe(1);
    expect(table.unresolvedMovantOrders).toBe(false);
    expect(table.unnamedAccounts).toBe(1);
  });

  it("keeps a movant-wide order whose accounts are unknown as its own row and flags it", () => {
    const table = buildCoverageTable({
      subpoena: { accountsCovered: null } as PublicRecord<"subpoena">,
      namedAccounts: [account(1, "@alpha")],
      coverages: [coverage(1, 10, 100, null)],
      otherAccounts: [],
      caseAccounts: [],
    });
    expect(table.rows.map((r) => [r.account?.handle ?? null, r.order?.order.id ?? null])).toEqual([
      ["@alpha", null],
      [null, 10],
    ]);
    expect(table.unresolvedMovantOrders).toBe(true);
    expect(table.unnamedAccounts).toBe(0);
  });

  it("lists an account an order protects even when the subpoena's list does not name it", () => {
    const table = buildCoverageTable({
      subpoena,
      namedAccounts: [],
      coverages: [coverage(1, 10, 100, 9)],
      otherAccounts: [account(9, "@extra")],
      caseAccounts: [],
    });
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]!.named).toBe(false);
    expect(table.unnamedAccounts).toBe(4);
  });
});
