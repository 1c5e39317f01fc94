/**
 * Holds back from published text what FRCP 5.2 (and, as house style, Fed. R. Crim. P. 49.1)
 * protects, plus contact details a docket line can carry. It runs on every free-text field
 * the public projection lets through; it is a safety net, not a licence to store such data.
 */
const RULES: { pattern: RegExp; replace: (match: string, ...groups: string[]) => string }[] = [
  // Social-security and taxpayer numbers: keep the last four digits (5.2(a)(1)).
  { pattern: /\b\d{3}[- ]\d{2}[- ](\d{4})\b/g, replace: (_m, last4) => `XXX-XX-${last4}` },
  { pattern: /\b\d{2}-\d{3}(\d{4})\b/g, replace: (_m, last4) => `XX-XXX${last4}` },
  // Financial-account and card numbers (12-19 digits, spaces or dashes allowed): last four (5.2(a)(4)).
  {
    pattern: /\b(?:\d[ -]?){8,15}(\d{4})\b/g,
    replace: (match, last4) => (/^\d{1,2}:\d{2}-/.test(match) ? match : `XXXX${last4}`),
  },
  // Full birth dates after a label: year only (5.2(a)(2)).
  {
    pattern: /\b(DOB|D\.O\.B\.|date of birth|born)(:?\s*)(?:\d{1,2}[/-]\d{1,2}[/-](\d{2,4})|[A-Z][a-z]+\.? \d{1,2}, (\d{4}))/gi,
    replace: (_m, label, sep, y1, y2) => `${label}${sep}${y1 ?? y2}`,
  },
  // E-mail addresses and phone numbers identify people and are never needed to follow a case.
  { pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, replace: () => "[e-mail withheld]" },
  { pattern: /(?<!\d)(?:\+1[ .-]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?!\d)/g, replace: () => "[phone withheld]" },
];

export function redactText(text: string): string {
  let out = text;
  for (const rule of RULES) out = out.replace(rule.pattern, rule.replace as (m: string, ...g: string[]) => string);
  return out;
}

export function redactNullable(text: string | null | undefined): string | null {
  return text == null ? null : redactText(text);
}
