import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { safeReturnTo } from "../../server/auth/return-to";
import { buildTestApp } from "../support/app";
import { insertUser, postLogin, signIn, TEST_PASSWORD } from "../support/auth";

const SITE = "http://127.0.0.1:3000";

/** What an attacker put in `?next=` (decoded, as the server reads it). */
const HOSTILE = [
  "//evil.example",
  "/\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\v",
  "/\u3000",
  "/\u00a0/evil.example",
  "/\u2028",
  "/\u200b/evil.example",
  "/ /evil.example",
  "/%09/evil.example".replace("%09", "\t"),
  "https://evil.example/",
  "http:evil.example",
  "evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "",
];

describe("safeReturnTo: the path to go back to after signing in", () => {
  it("keeps a path on this site with its query and fragment", () => {
    expect(safeReturnTo("/staff?x=1#top", SITE)).toBe("/staff?x=1#top");
    expect(safeReturnTo("/cases/doe-v-dhs", SITE)).toBe("/cases/doe-v-dhs");
  });

  it("refuses every value a browser could read as another site, and control characters or whitespace", () => {
    for (const next of HOSTILE) expect(safeReturnTo(next, SITE), JSON.stringify(next)).toBeUndefined();
  });

  it("answers a path that is always a valid header value (non-ASCII percent-encoded)", () => {
    expect(safeReturnTo("/staff/search?q=café", SITE)).toBe("/staff/search?q=caf%C3%A9");
    expect(safeReturnTo("/a/../staff", SITE)).toBe("/staff");
  });
});

describe("sign-in never sends anyone to another site, and never fails on a strange ?next=", () => {
  let app: FastifyInstance;
  beforeEach(async () => {
    const built = await buildTestApp();
    app = built.app;
    await insertUser(built.db, { email: "editor@example.org", role: "editor" });
  });
  afterEach(async () => app.close());

  it("audit: next=/%09/evil.example after signing in goes to the staff home, not to //evil.example", async () => {
    const res = await postLogin(app, { email: "editor@example.org", password: TEST_PASSWORD, next: "/\t/evil.example" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/staff");
  });

  it("audit: a line feed, vertical tab or U+3000 in next is refused, not a 500 (GET signed in, and POST)", async () => {
    const cookie = await signIn(app, "editor@example.org");
    for (const encoded of ["/%0a", "/%0b", "/%E3%80%80", "/%0d%0aSet-Cookie:%20x=1", "/%09/evil.example", "/%5cevil.example"]) {
      const get = await app.inject({ url: `/login?next=${encoded}`, headers: { cookie } });
      expect(get.statusCode, encoded).toBe(303);
      expect(get.headers.location, encoded).toBe("/staff");
    }
    // Sign-in is limited to 5 attempts a minute per address and e-mail: the three the audit tried.
    for (const encoded of ["/%0a", "/%0b", "/%E3%80%80"]) {
      const post = await postLogin(app, { email: "editor@example.org", password: TEST_PASSWORD, next: decodeURIComponent(encoded) });
      expect(post.statusCode, encoded).toBe(303);
      expect(post.headers.location, encoded).toBe("/staff");
      expect(post.headers["set-cookie"]?.toString() ?? "").not.toContain("x=1");
    }
  });

  it("the sign-in form carries only a safe next, and an anonymous visitor with a hostile one sees the form", async () => {
    const res = await app.inject("/login?next=/%09/evil.example");
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain("evil.example");
    const ok = await app.inject("/login?next=%2Fadmin%2Fusers");
    expect(ok.body).toContain('name="next" value="/admin/users"');
  });
});
