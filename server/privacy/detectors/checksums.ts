/*
 * The published numbering rules that tell a real identifier from any run of digits. They keep
 * the detector from taking a docket number, a PACER id or a phone number for an SSN.
 */

/**
 * A Social Security number as the SSA issues them: area 001–899 except 666, group 01–99,
 * serial 0001–9999 (SSA, "Social Security Number Randomization", 2011). Areas 900–999 are
 * never SSNs: the IRS uses them for ITINs.
 */
export function isSsn(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a >= 1 && a <= 899 && a !== 666 && Number(group) >= 1 && Number(serial) >= 1;
}

/** An Individual Taxpayer Identification Number: area 9xx, group 50–65, 70–88, 90–92 or 94–99 (IRS). */
export function isItin(area: string, group: string, serial: string): boolean {
  const g = Number(group);
  const groupOk = (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
  return area.startsWith("9") && groupOk && Number(serial) >= 1;
}

/** Prefixes the IRS never assigns to an Employer Identification Number (its campus prefix list). */
const UNASSIGNED_EIN_PREFIXES = new Set([
  "00",
  "07",
  "08",
  "09",
  "17",
  "18",
  "19",
  "28",
  "29",
  "49",
  "69",
  "70",
  "78",
  "79",
  "89",
  "96",
  "97",
]);

export function isEinPrefix(prefix: string): boolean {
  return /^\d{2}$/.test(prefix) && !UNASSIGNED_EIN_PREFIXES.has(prefix);
}

/** The Luhn (mod 10) check digit every payment card number carries (ISO/IEC 7812-1). */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * Issuer prefixes of the card networks (Visa 4; Mastercard 51–55 and 2221–2720; American
 * Express 34, 37; Diners 30, 36, 38, 39; JCB 35; Discover, UnionPay and Maestro 6, 50, 56–59)
 * and their lengths. A Luhn-valid number outside them is not treated as a card.
 */
export function isCardNumber(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19 || !passesLuhn(digits)) return false;
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if (digits[0] === "4") return true;
  if (two >= 51 && two <= 55) return digits.length === 16;
  if (four >= 2221 && four <= 2720) return digits.length === 16;
  if (two === 34 || two === 37) return digits.length === 15;
  if (two === 30 || two === 36 || two === 38 || two === 39) return digits.length >= 14;
  if (two === 35) return digits.length >= 16;
  if (digits[0] === "6" || two === 50 || (two >= 56 && two <= 59)) return digits.length >= 16;
  return false;
}

/**
 * An ABA routing transit number: a Federal Reserve prefix (00–12, 21–32, 61–72, 80) and the
 * ABA check digit, 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10).
 */
export function isRoutingNumber(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const prefix = Number(digits.slice(0, 2));
  const prefixOk = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  const d = [...digits].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return prefixOk && sum % 10 === 0;
}
