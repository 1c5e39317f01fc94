import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { fingerprint } from "../api-write/helpers";
import { buildTestApp } from "../support/app";
import { insertUser } from "../support/auth";
import { insertCase, insertEntry } from "../support/factories";

/** Found by the route fuzz: a multipart body cut off or with a boundary that is never found was a 500. */
describe("a malformed multipart upload is the sender's mistake: 400, nothing saved", () => {
  let app: FastifyInstance;
  let db: Db;
  let token: string;
  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    await insertUser(db, { email: "admin@example.org", role: "admin" });
    token = app.accounts.createToken("admin@example.org", "uploads").token;
    const caseId = insertCase(db, { slug: "doe" }).id;
    insertEntry(db, caseId, { number: 1 });
  });
  afterEach(async () => app.close());

  const bodies = [
    ["a cut-off body", "multipart/form-data; boundary=fuzz", '--fuzz\r\nContent-Disposition: form-data; name="role"\r\n\r\nx'],
    [
      "a boundary with a space, never closed",
      "multipart/form-data; boundary=a b",
      '--a b\r\nContent-Disposition: form-data; name="role"\r\n\r\nx\r\n--a b--\r\n',
    ],
  ] as const;

  for (const url of ["/staff/import/preview", "/staff/import/confirm", "/staff/cases/doe/entries/1/documents"]) {
    it(`answers 400 on ${url}`, async () => {
      const before = fingerprint(db);
      for (const [what, contentType, payload] of bodies) {
        const res = await app.inject({
          method: "POST",
          url,
          headers: { authorization: `Bearer ${token}`, "content-type": contentType },
          payload,
        });
        expect(res.statusCode, `${what} to ${url}`).toBe(400);
        expect(res.body).toContain("The upload could not be read");
      }
      expect(fingerprint(db)).toBe(before);
    });
  }
});
