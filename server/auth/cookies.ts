/** The session cookie of a signed-in browser (server/plugins/auth.ts sets and clears it). */
export const SESSION_COOKIE = "quash_session";
/** Holds the CSRF secret of a visitor who has no session yet (the sign-in form). */
export const PRE_SESSION_COOKIE = "quash_csrf";
