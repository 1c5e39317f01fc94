import { pyStrip } from "./strings";
import { titlecase } from "./titlecase";

/**
 * Party type headings ("Defendant (1)", "Counter-defendant", "Intervenor Pla") reduced to a
 * small vocabulary, as juriscraper's `normalize_party_types` does.
 */
const RULES: Array<[RegExp, string]> = [
  [/defendant\s+\(\d+\)/g, "defendant"],
  [/debtor\s+\d+/g, "debtor"],
  [/(thirdparty|3rd pty|3rd party)/g, "third party"],
  [/(fourthparty|4th pty|4th party)/g, "fourth party"],
  [/counter-(defendant|claimaint)/g, "counter $1"],
  [/\bus\b/g, "u.s."],
  [/u\. s\./g, "u.s."],
  [/united states/g, "u.s."],
  [/jointadmin/g, "jointly administered"],
  [/consolidated-debtor/g, "consolidated debtor"],
  [/plaintiff-? consolidated/g, "consolidated plaintiff"],
  [/defendant-? consolidated/g, "consolidated defendant"],
  [/intervenor-plaintiff/g, "intervenor plaintiff"],
  [/intervenor pla\b/g, "intervenor plaintiff"],
  [/intervenor dft\b/g, "intervenor defendant"],
];

export function normalizePartyType(heading: string): string {
  let t = pyStrip(heading.toLowerCase());
  for (const [pattern, replacement] of RULES) t = t.replace(pattern, replacement);
  return titlecase(t);
}
