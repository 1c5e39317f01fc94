import * as s from "../../db/schema";
import { ACCOUNTS } from "../data/accounts";
import { SUBPOENAS } from "../data/subpoenas";
import { fuzzyColumns } from "../dates";
import { findBy, type SeedContext } from "./context";

/** Targeted accounts, then each demand with its data items, accounts and platform notices. */
export function loadSubpoenas({ db, w }: SeedContext): void {
  for (const account of ACCOUNTS) {
    w.record(
      "account",
      account.slug,
      {
        slug: account.slug,
        platformId: w.num("organization", account.platform),
        handle: account.handle,
        displayName: account.displayName ?? null,
        description: account.description,
      },
      { cites: account.cites, naturalMatch: findBy(db, s.accounts, s.accounts.slug, account.slug) },
    );
  }

  for (const subpoena of SUBPOENAS) {
    const subpoenaId = w.record(
      "subpoena",
      subpoena.slug,
      {
        slug: subpoena.slug,
        title: subpoena.title,
        kind: subpoena.kind,
        issuerId: w.optionalNum("organization", subpoena.issuer),
        issuingComponent: subpoena.issuingComponent ?? null,
        recipientId: w.optionalNum("organization", subpoena.recipient),
        authorityCited: subpoena.authorityCited,
        ...fuzzyColumns("dateIssued", subpoena.issued),
        dateReturn: subpoena.dateReturn ?? null,
        statedPurpose: subpoena.statedPurpose ?? null,
        howKnown: subpoena.howKnown ?? null,
        accountsCovered: subpoena.accountsCovered ?? null,
        summary: subpoena.summary,
      },
      { cites: subpoena.cites, naturalMatch: findBy(db, s.subpoenas, s.subpoenas.slug, subpoena.slug) },
    ) as number;

    // Demand items are not a record type; their sources are the subpoena's `summary` cites.
    subpoena.demands.forEach((item, index) => {
      const now = w.now();
      w.link(["subpoena", subpoenaId], s.subpoenaDemands, { subpoenaId, position: index + 1, item, createdAt: now, updatedAt: now }, [
        "subpoenaId",
        "item",
      ]);
    });

    for (const { account, note } of subpoena.accounts) {
      w.link(["subpoena", subpoenaId], s.subpoenaAccounts, { subpoenaId, accountId: w.num("account", account), note: note ?? null }, [
        "subpoenaId",
        "accountId",
      ]);
    }

    for (const notice of subpoena.notices ?? []) {
      w.record(
        "notice",
        `${subpoena.slug}/${notice.account ?? "all"}`,
        {
          subpoenaId,
          accountId: w.optionalNum("account", notice.account),
          platformId: w.num("organization", notice.platform),
          dateNotified: notice.notified.date,
          dateNotifiedPrecision: notice.notified.precision,
          responseWindowStated: notice.responseWindowStated ?? null,
          responseWindowDays: notice.responseWindowDays ?? null,
        },
        { cites: notice.cites },
      );
    }
  }
}
