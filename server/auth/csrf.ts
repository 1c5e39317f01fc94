import { hmac, randomSecret, sameSecret } from "./secrets";

/** The form field every staff form posts its token in (`{{> csrf-field}}` prints it). */
export const CSRF_FIELD = "_csrf";
/** Scripts that post forms may send the token in this header instead. */
export const CSRF_HEADER = "x-csrf-token";

/**
 * A token for one rendered form: a fresh salt and its HMAC under the session's secret. A
 * different token on every page keeps the secret itself out of the HTML; any of them is
 * valid for as long as the session is.
 */
export function csrfTokenFrom(secret: string): string {
  const salt = randomSecret(12);
  return `${salt}.${hmac(secret, salt)}`;
}

export function isValidCsrfToken(secret: string, token: string): boolean {
  const dot = token.indexOf(".");
  if (dot <= 0) return false;
  const salt = token.slice(0, dot);
  return sameSecret(token.slice(dot + 1), hmac(secret, salt));
}
