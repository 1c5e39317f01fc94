/**
 * Sign-in attempts per minute: per client address and e-mail (slows guessing one password),
 * and per address alone (slows trying one password against many e-mails). Documented in
 * docs/staff.md.
 */
export const LOGIN_LIMITS = {
  perAccount: { max: 5, timeWindow: 60_000 },
  perAddress: { max: 20, timeWindow: 60_000 },
} as const;

/**
 * Bad API tokens per minute from one client address. Past the limit, every bearer token from
 * that address is refused with 429 before it is looked up, until the minute ends: a script with
 * a good token never spends this, a guesser learns nothing more. Documented in docs/staff.md.
 */
export const TOKEN_LIMITS = { perAddress: { max: 10, timeWindow: 60_000 } } as const;
