import { day, range } from "../dates";
import type { OrderSeed } from "../types";

/*
 * The interim non-production orders (Cases 1, 2, 4; none is reported for Case 3) and what each
 * protects. All three dates are inferred. Once DHS withdrew a demand the protection is moot,
 * not dissolved: no source says any order was lifted.
 */
export const ORDERS: OrderSeed[] = [
  {
    slug: "hixson-non-production-order-2025-09-19",
    case: "lbprotest-motion-to-quash",
    entry: 3,
    judge: "thomas-s-hixson",
    title: "Order that Meta not produce the requested information (Hixson)",
    kind: "non_production",
    signed: day("2025-09-19", "Friday 19 Sep 2025 (inferred)"),
    summary: "Directed Meta not to produce the information the subpoena requested, without further order of the Court, pending a decision on the subpoena.",
    quotedText: "not to produce the requested information without further order of the Court",
    coverages: [
      {
        subpoena: "dhs-meta-2025-09-03",
        account: "instagram-lbprotest",
        addressee: "meta",
        endCondition: "until further order of the Court",
        status: "moot",
        statusReason: "subpoena withdrawn",
        cites: [
          { tag: "S01", field: "endCondition", quote: "without further order of the Court" },
          { tag: "S02", field: "status" },
        ],
      },
    ],
    cites: [
      { tag: "S01" },
      { tag: "S01", field: "quotedText", quote: "not to produce the requested information without further order of the Court" },
      {
        tag: "S01",
        field: "dateSigned",
        quote: "on Friday",
        inferred: "Politico reports the order came \"on Friday\" after the Thursday filings, and the ACLU dates the filing 18 Sep 2025",
      },
      { tag: "S02", field: "dateSigned" },
      { tag: "S01", field: "judgeId", quote: "Magistrate Judge Thomas Hixson" },
    ],
  },
  {
    slug: "tse-non-disclosure-order-2025-09",
    case: "lbrrn-motion-to-quash",
    judge: "alex-g-tse",
    title: "Order that Meta not disclose pending the motions (Tse)",
    kind: "non_production",
    signed: range("2025-09-19", "2025-09-26", "between 19 and about 26 Sep 2025 (inferred)"),
    summary: "Ordered Meta not to disclose the account information until the motions to quash were resolved.",
    coverages: [
      {
        subpoena: "dhs-meta-2025-09-03",
        // The order's accounts are not named in the source; the LBRRN handle is unconfirmed.
        account: null,
        addressee: "meta",
        endCondition: "until the motions are resolved",
        status: "moot",
        // Only Ars says the withdrawal reached all six accounts (Q5).
        statusReason: "subpoena withdrawn",
        cites: [{ tag: "S03", field: "endCondition" }, { tag: "S14", field: "status" }],
      },
    ],
    cites: [
      { tag: "S03" },
      { tag: "S03", field: "judgeId" },
      {
        tag: "S05",
        field: "dateSigned",
        quote: "recently",
        inferred:
          "A late-September report says two other targets' motions had \"recently\" been granted, so the order probably issued between 19 and about 26 Sep 2025",
      },
    ],
  },
  {
    slug: "kang-non-production-order-2025-10-17",
    case: "montco-doe-v-dhs",
    entry: 1,
    judge: "peter-h-kang",
    title: "Order that Meta not produce in response to the summonses (Kang)",
    kind: "non_production",
    signed: day("2025-10-17", "Friday 17 Oct 2025 (inferred from \"late Friday\")"),
    summary: "Ordered Meta not to produce anything in response to the customs summonses without a court order while the case proceeds.",
    quotedText: "not to produce any documents or information … without further order of the Court",
    coverages: ["facebook-montco-community-watch", "instagram-montcowatch"].map((account) => ({
      subpoena: "dhs-meta-2025-09-11-montco-summonses",
      account,
      addressee: "meta",
      endCondition: "until further order of the Court",
      status: "moot" as const,
      statusReason: "subpoena withdrawn",
      dateEnded: "2026-01-16",
      cites: [
        { tag: "S12", field: "endCondition", quote: "without further order of the Court" },
        { tag: "S14", field: "dateEnded" },
        { tag: "S14", field: "status" },
      ],
    })),
    cites: [
      { tag: "S11" },
      { tag: "S12", field: "quotedText", quote: "not to produce any documents or information" },
      { tag: "S12", field: "quotedText", quote: "without further order of the Court" },
      {
        tag: "S11",
        field: "dateSigned",
        quote: "late Friday",
        inferred: "The Inquirer story dated 18 Oct 2025 says the order came \"late Friday\", i.e. 17 Oct 2025",
      },
      { tag: "S11", field: "judgeId" },
    ],
  },
];

export const coverageKey = (order: string, subpoena: string, account: string | null) =>
  `${order}/${subpoena}/${account ?? "all"}`;
