/**
 * What the FRCP 5.2 detector reports: where in a text something protected sits, what kind it
 * is, and what the public may see in its place (the remnant the rule allows). The matched text
 * itself is never copied into a finding: staff read it from the record, the public never does.
 */
export type FindingKind =
  "ssn" | "itin" | "ein" | "card" | "routing" | "account" | "alien-number" | "passport" | "birth-date" | "minor-name" | "email" | "phone";

export type Finding = {
  kind: FindingKind;
  /** Offsets in the text (UTF-16 code units, as JavaScript strings count). */
  start: number;
  end: number;
  /** What the public sees instead: the last four digits, the year, the initials. */
  replacement: string;
};

type KindInfo = { label: string; rule: string; holds: boolean };

/**
 * Each kind in words, the rule that protects it, and whether a hit holds the record back for
 * staff review. E-mail addresses and phone numbers are redacted on public surfaces but do not
 * hold a record: counsel's contact lines are public in every filing.
 */
export const FINDING_KINDS: Record<FindingKind, KindInfo> = {
  ssn: { label: "Social Security number", rule: "FRCP 5.2(a)(1)", holds: true },
  itin: { label: "Individual taxpayer identification number", rule: "FRCP 5.2(a)(1)", holds: true },
  ein: { label: "Employer identification number", rule: "FRCP 5.2(a)(1)", holds: true },
  card: { label: "Payment card number", rule: "FRCP 5.2(a)(4)", holds: true },
  routing: { label: "Bank routing number", rule: "FRCP 5.2(a)(4)", holds: true },
  account: { label: "Financial account number", rule: "FRCP 5.2(a)(4)", holds: true },
  "alien-number": { label: "Alien registration number", rule: "house rule (identifies a person, like an SSN)", holds: true },
  passport: { label: "Passport number", rule: "house rule (identifies a person, like an SSN)", holds: true },
  "birth-date": { label: "Full date of birth", rule: "FRCP 5.2(a)(2)", holds: true },
  "minor-name": { label: "Name of a minor", rule: "FRCP 5.2(a)(3)", holds: true },
  email: { label: "E-mail address", rule: "house rule (contact details)", holds: false },
  phone: { label: "Phone number", rule: "house rule (contact details)", holds: false },
};

export const holdsBack = (finding: Finding) => FINDING_KINDS[finding.kind].holds;

/** The remnant FRCP 5.2(a) allows for a number: its last four digits. */
export const lastFour = (digits: string) => digits.replace(/\D/g, "").slice(-4);
