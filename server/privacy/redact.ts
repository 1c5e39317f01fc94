import { detectProtected } from "./detect";

/**
 * Holds back from published text what FRCP 5.2 (and, as house style, Fed. R. Crim. P. 49.1)
 * protects, plus contact details a docket line can carry: each finding of the detector is
 * replaced by the remnant the rule allows (last four digits, year of birth, initials). It runs
 * on every free-text field the public projection lets through; it is a safety net behind the
 * publication guard, not a licence to store such data.
 */
export function redactText(text: string): string {
  const known = redacted.get(text);
  if (known !== undefined) return known;
  const out = redact(text);
  if (!remembering) return out;
  redacted.set(text, out);
  if (redacted.size > REMEMBERED) redacted.delete(redacted.keys().next().value!);
  return out;
}

/**
 * What redactText answered for recent texts. It is a pure function of the text, and running the
 * detectors was a tenth of a docket page's render, on the same few thousand texts every time.
 */
const redacted = new Map<string, string>();
const REMEMBERED = 20_000;
let remembering = true;

/**
 * Runs `read` with redactText still answering from what it remembers but adding nothing: an
 * export reads each of 100,000 texts once, and remembering them would hold 20,000 texts no page
 * asks for again (megabytes, when a server is given little) and push out the ones pages do ask
 * for. `read` is synchronous, so no other request's redaction runs meanwhile.
 */
export function withoutRemembering<T>(read: () => T): T {
  const was = remembering;
  remembering = false;
  try {
    return read();
  } finally {
    remembering = was;
  }
}

function redact(text: string): string {
  const findings = detectProtected(text);
  if (findings.length === 0) return text;
  let out = "";
  let at = 0;
  for (const f of findings) {
    out += text.slice(at, f.start) + f.replacement;
    at = f.end;
  }
  return out + text.slice(at);
}

export function redactNullable(text: string | null | undefined): string | null {
  return text == null ? null : redactText(text);
}
