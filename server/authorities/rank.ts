import type { PublicRecord } from "../privacy/projection";

type Ranked = Pick<PublicRecord<"authority">, "kind" | "court" | "year" | "shortName">;

/*
 * The order a doctrine lists its leading authorities in, as a casebook would: the
 * Constitution and statutes that set the rule, then the Supreme Court, the courts of appeals,
 * the rules of procedure, the district courts, and state courts; oldest first within each.
 * The court is free text on the record ("U.S. Court of Appeals for the Ninth Circuit",
 * "N.D. Cal."), so it is read by its words.
 */
export function authorityRank(a: Ranked): number {
  if (a.kind === "constitution") return 0;
  if (a.kind === "statute") return 1;
  const court = a.court ?? "";
  if (a.kind === "case" && /^U\.S\. Supreme Court$/i.test(court)) return 2;
  if (a.kind === "case" && /court of appeals|\bcir\./i.test(court)) return 3;
  if (a.kind === "rule" || a.kind === "regulation") return 4;
  if (a.kind === "case" && /^[A-Z]\.D\.|district court/i.test(court)) return 5;
  if (a.kind === "case") return 6;
  return 7;
}

export function compareAuthorities(a: Ranked, b: Ranked): number {
  return authorityRank(a) - authorityRank(b) || (a.year ?? 9999) - (b.year ?? 9999) || a.shortName.localeCompare(b.shortName, "en");
}
