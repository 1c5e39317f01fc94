import { paths } from "../paths";
import { LOGIN_LIMITS } from "./limits";

export type LoginView = {
  title: string;
  action: string;
  email: string;
  next: string | null;
  message: string | null;
  signedOut: boolean;
  csrfToken: string;
  attemptsPerMinute: number;
};

export function toLoginView(input: { csrfToken: string; email?: string; next?: string; message?: string; signedOut?: boolean }): LoginView {
  return {
    title: "Sign in",
    action: paths.login(),
    email: input.email ?? "",
    next: input.next ?? null,
    message: input.message ?? null,
    signedOut: input.signedOut ?? false,
    csrfToken: input.csrfToken,
    attemptsPerMinute: LOGIN_LIMITS.perAccount.max,
  };
}

/** Said for an unknown e-mail and for a wrong password alike. */
export const WRONG_CREDENTIALS = "That e-mail address and password do not match an account. Check both and try again.";
export const DISABLED_ACCOUNT = "This account has been disabled. Ask an admin to enable it.";
export const TOO_MANY_ATTEMPTS = "Too many sign-in attempts. Wait a minute, then try again.";
