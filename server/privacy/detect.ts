import { detectBirthDates } from "./detectors/birth-dates";
import { detectContact } from "./detectors/contact";
import { detectMinorNames } from "./detectors/minors";
import { detectNumbers } from "./detectors/numbers";
import type { Finding } from "./findings";

export type { Finding, FindingKind } from "./findings";

/**
 * The one detector of what FRCP 5.2 protects (and of contact details), shared by the
 * redactor (what the public sees) and the publication guard (what holds a record back).
 * Findings are in text order and never overlap: where two detectors claim the same digits,
 * the more specific reading wins (a number named as a routing or account number before an
 * SSN reading of it; a date of birth before a phone-number reading).
 */
export function detectProtected(text: string): Finding[] {
  const hasDigit = /\d/.test(text);
  const candidates: Finding[] = [
    ...(hasDigit ? detectBirthDates(text) : []),
    ...(hasDigit ? detectNumbers(text) : []),
    ...(text.includes("@") || hasDigit ? detectContact(text) : []),
    ...(MINOR_HINT.test(text) ? detectMinorNames(text) : []),
  ];
  const kept: Finding[] = [];
  for (const finding of candidates) {
    if (!kept.some((k) => finding.start < k.end && k.start < finding.end)) kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// A cheap test before the name patterns run: most text never speaks of a minor.
const MINOR_HINT = /minor|juvenile|year[-\s]old|\bage[d]?\s+\d|guardian|next friend/i;
