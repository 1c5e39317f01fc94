import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Db } from "../../db/client";
import type { UserRole } from "../../db/schema";
import { hashPassword } from "../../server/auth/passwords";
import { createAuthRepository } from "../../server/auth/repository";
import { TEST_NOW } from "./db";
import { parseHtml } from "./html";

export const TEST_PASSWORD = "correct horse battery staple";

let testPasswordHash: Promise<string> | undefined;

/**
 * A staff account row with TEST_PASSWORD, hashed once per test file: argon2id is slow on
 * purpose, and most tests are not about hashing.
 */
export async function insertUser(db: Db, o: { email?: string; role?: UserRole; name?: string; disabledAt?: string } = {}) {
  const passwordHash = await (testPasswordHash ??= hashPassword(TEST_PASSWORD));
  const role = o.role ?? "editor";
  return createAuthRepository(db).insertUser({
    email: o.email ?? `${role}@example.org`,
    name: o.name ?? `Test ${role}`,
    role,
    passwordHash,
    disabledAt: o.disabledAt ?? null,
    createdAt: TEST_NOW,
    updatedAt: TEST_NOW,
  });
}

/** A staff account made the way the admin page makes one (validation, hashing, revision). */
export async function createUser(app: FastifyInstance, o: { email?: string; role?: UserRole; name?: string; password?: string } = {}) {
  const email = o.email ?? `${o.role ?? "editor"}@example.org`;
  return app.accounts.addUser(
    { email, name: o.name ?? `Test ${o.role ?? "editor"}`, role: o.role ?? "editor", password: o.password ?? TEST_PASSWORD },
    { userId: null, label: "test" },
  );
}

/** `name=value` pairs from a response's Set-Cookie headers (expired ones left out). */
export function cookiesFrom(res: LightMyRequestResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
    const expired = c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now()) || c.value === "";
    if (!expired) out[c.name] = c.value;
  }
  return out;
}

export function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
}

export function csrfFrom(html: string): string {
  const value = parseHtml(html)('input[name="_csrf"]').first().attr("value");
  if (!value) throw new Error("no CSRF field on the page");
  return value;
}

/** A browser's view of the sign-in page: its pre-session cookie and the form's token. */
export async function openLoginPage(app: FastifyInstance) {
  const page = await app.inject("/login");
  return { cookies: cookiesFrom(page), csrf: csrfFrom(page.body), page };
}

export async function postLogin(
  app: FastifyInstance,
  form: { email: string; password: string; next?: string },
  login?: { cookies: Record<string, string>; csrf: string },
) {
  const { cookies, csrf } = login ?? (await openLoginPage(app));
  return app.inject({
    method: "POST",
    url: "/login",
    headers: { cookie: cookieHeader(cookies), "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ ...form, _csrf: csrf }).toString(),
  });
}

/** Signs in through the real form and returns the session cookie header, ready for inject. */
export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await postLogin(app, { email, password });
  if (res.statusCode !== 303) throw new Error(`sign-in failed with ${res.statusCode}`);
  return cookieHeader(cookiesFrom(res));
}

/** Posts a form as a signed-in browser would: urlencoded, with the session cookie. */
export function postForm(app: FastifyInstance, url: string, cookie: string, form: Record<string, string>) {
  return app.inject({
    method: "POST",
    url,
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams(form).toString(),
  });
}
