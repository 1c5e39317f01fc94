import type { Finding } from "../findings";

/*
 * Contact details a docket line can carry. They are not FRCP 5.2 material, and counsel's are
 * public in every filing, but a party's e-mail or phone identifies them and no reader needs
 * either to follow a case: public surfaces withhold both.
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const PHONE = /(?<![\d\w])(?:\+1[ .-]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?!\d)/g;

export function detectContact(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(EMAIL))
    findings.push({ kind: "email", start: m.index, end: m.index + m[0].length, replacement: "[e-mail withheld]" });
  for (const m of text.matchAll(PHONE))
    findings.push({ kind: "phone", start: m.index, end: m.index + m[0].length, replacement: "[phone withheld]" });
  return findings;
}
