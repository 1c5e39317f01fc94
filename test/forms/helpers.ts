import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Db } from "../../db/client";
import type { UserRole } from "../../db/schema";
import { FLASH_COOKIE } from "../../server/forms/flash";
import { buildTestApp } from "../support/app";
import { cookiesFrom, csrfFrom, insertUser, postForm, signIn } from "../support/auth";
import { parseHtml } from "../support/html";

/**
 * A signed-in browser for the staff forms, on the sign-in helpers of test/support/auth.ts: the
 * session cookie, the CSRF token a page of the session carries, and helpers to open pages,
 * post forms and follow a redirect carrying the confirmation cookie as a browser would.
 */
export async function staffBrowser(app: FastifyInstance, db: Db, role: UserRole = "editor") {
  const user = await insertUser(db, { role, email: `${role}@example.org` });
  const cookie = await signIn(app, user.email);
  const csrf = csrfFrom((await app.inject({ url: "/staff", headers: { cookie } })).body);
  const get = (url: string, extraCookie = "") =>
    app.inject({ url, headers: { cookie: extraCookie ? `${cookie}; ${extraCookie}` : cookie } });
  return {
    user,
    cookie,
    csrf,
    get,
    /** Posts a form with the session's CSRF token (pass `_csrf: ""` to send an empty one). */
    post: (url: string, form: Record<string, string>) => postForm(app, url, cookie, { _csrf: csrf, ...form }),
    /** Follows a 303 with the confirmation cookie it set, as a browser would. */
    follow: (res: LightMyRequestResponse) => {
      const flash = cookiesFrom(res)[FLASH_COOKIE];
      return get(String(res.headers.location), flash ? `${FLASH_COOKIE}=${encodeURIComponent(flash)}` : "");
    },
  };
}

export type StaffBrowser = Awaited<ReturnType<typeof staffBrowser>>;

/** A fresh app with a staff member signed in (an editor unless `role` says otherwise): where most form tests start. */
export async function appWithStaffBrowser(role: UserRole = "editor") {
  const { app, db } = await buildTestApp();
  return { app, db, browser: await staffBrowser(app, db, role) };
}

/** What the page says beside a field (its error message), found through aria-describedby. */
export function errorBeside(html: string, inputId: string): string | null {
  const $ = parseHtml(html);
  const input = $(`#${inputId}`);
  if (input.attr("aria-invalid") !== "true") return null;
  const ids = (input.attr("aria-describedby") ?? "").split(" ").filter(Boolean);
  const error = ids.map((id) => $(`#${id}.field-error`).text().trim()).find(Boolean);
  return error ?? null;
}

/** The confirmation a page shows at the top, if any. */
export const flashText = (html: string) => parseHtml(html)("#flash").text().trim() || null;
