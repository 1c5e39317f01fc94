/**
 * Sign-in attempts per minute: per client address and e-mail (slows guessing one password),
 * and per address alone (slows trying one password against many e-mails). Documented in
 * docs/staff.md.
 */
export const LOGIN_LIMITS = {
  perAccount: { max: 5, timeWindow: 60_000 },
  perAddress: { max: 20, timeWindow: 60_000 },
} as const;
