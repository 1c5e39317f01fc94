import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { fingerprint } from "../api-write/helpers";
import { minimalPdf, multipartBody, tempDataDir, type Upload } from "../documents/support";
import { csrfFrom, postForm } from "../support/auth";
import { buildTestApp } from "../support/app";
import { insertCase, insertEntry } from "../support/factories";
import { parseHtml } from "../support/html";
import { staffBrowser } from "./helpers";

/*
 * Issue 5, "Bad input and attacks", through the browser's write path: each refused with a clear
 * message, and — the part checked here across the board — the database byte for byte as it was
 * (every table hashed: records, revisions, files, sessions, tokens).
 */
const LIMIT = 16 * 1024;

describe("attacks on the forms are refused and change nothing", () => {
  let app: FastifyInstance;
  let db: Db;
  let entryId: number;
  let editor: Awaited<ReturnType<typeof staffBrowser>>;
  const uploadUrl = () => `/staff/cases/doe/entries/${entryId}/documents`;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp({ config: { maxUploadBytes: LIMIT, dataDir: tempDataDir() } }));
    const caseId = insertCase(db, { slug: "doe" }).id;
    entryId = insertEntry(db, caseId, { number: 3, description: "MOTION to Quash" }).id;
    editor = await staffBrowser(app, db);
  });
  afterEach(async () => app.close());

  /** `csrf: null` sends no token field at all. */
  async function upload(file: Upload, cookie = editor.cookie, csrf: string | null = editor.csrf) {
    const body = multipartBody({ ...(csrf === null ? {} : { _csrf: csrf }), attachmentNumber: "0" }, file);
    return app.inject({ method: "POST", url: uploadUrl(), headers: { cookie, "content-type": body.contentType }, payload: body.payload });
  }

  it("refuses a form body over the documented limit with 413, naming the limit", async () => {
    const before = fingerprint(db);
    const res = await editor.post("/staff/cases/doe/entries", { number: "4", dateFiled: "2025-09-18", description: "x".repeat(LIMIT * 2) });
    expect(res.statusCode).toBe(413);
    expect(parseHtml(res.body)("main").text()).toContain(
      "larger than 16 KB, the limit for a form or upload (MAX_UPLOAD_BYTES). Nothing was saved.",
    );
    expect(fingerprint(db)).toBe(before);
  });

  it("refuses a text field over its own limit beside the field (422), under the body limit", async () => {
    await app.close(); // the default limit (20 MiB), so the body itself is accepted
    ({ app, db } = await buildTestApp());
    insertCase(db, { slug: "doe" });
    editor = await staffBrowser(app, db);
    const before = fingerprint(db);
    const res = await editor.post("/staff/cases/doe/entries", { number: "4", dateFiled: "2025-09-18", description: "x".repeat(20_001) });
    expect(res.statusCode).toBe(422);
    expect(parseHtml(res.body)("main").text()).toContain("at most 20000 characters");
    expect(fingerprint(db)).toBe(before);
  });

  it("refuses an upload over the limit (413) and files labelled PDF that are not (422)", async () => {
    const before = fingerprint(db);
    const big = await upload({ fileName: "big.pdf", content: minimalPdf(["A"], { padding: LIMIT * 2 }) });
    expect(big.statusCode).toBe(413);
    expect(parseHtml(big.body)('[role="alert"]').text()).toContain("Nothing was saved");
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    for (const file of [
      { fileName: "motion.pdf", content: png, contentType: "application/pdf" },
      { fileName: "motion.pdf", content: Buffer.from("<script>alert(1)</script>"), contentType: "application/pdf" },
      { fileName: "motion.pdf", content: Buffer.from(" %PDF-1.7 late signature"), contentType: "application/pdf" },
      { fileName: "motion.pdf", content: Buffer.alloc(0), contentType: "application/pdf" },
    ]) {
      const res = await upload(file);
      expect(res.statusCode, file.content.toString("latin1").slice(0, 12)).toBe(422);
      expect(parseHtml(res.body)('[role="alert"]').text()).toContain("Nothing was saved");
    }
    expect(fingerprint(db)).toBe(before);
  });

  it("refuses forged forms and uploads without the CSRF token (403)", async () => {
    const before = fingerprint(db);
    for (const csrf of [undefined, "", "forged.token", editor.csrf.slice(0, -2) + "xx"]) {
      const form: Record<string, string> = { number: "4", dateFiled: "2025-09-18", description: "MOTION" };
      if (csrf !== undefined) form._csrf = csrf;
      const res = await postForm(app, "/staff/cases/doe/entries", editor.cookie, form);
      expect(res.statusCode, String(csrf)).toBe(403);
      expect(parseHtml(res.body)("main").text()).toContain("nothing was saved");
      const up = await upload({ fileName: "a.pdf", content: minimalPdf(["A"]) }, editor.cookie, csrf ?? null);
      expect(up.statusCode, `upload with ${String(csrf)}`).toBe(403);
    }
    // Another session's token does not fit this session.
    const other = await staffBrowser(app, db, "admin");
    const afterSignIn = fingerprint(db);
    expect(
      (
        await postForm(app, "/staff/cases/doe/entries", editor.cookie, {
          _csrf: other.csrf,
          number: "4",
          dateFiled: "2025-09-18",
          description: "M",
        })
      ).statusCode,
    ).toBe(403);
    expect(fingerprint(db)).toBe(afterSignIn);
    expect(afterSignIn).not.toBe(before); // the admin's sign-in itself wrote a session row
  });

  it("refuses the session of a user disabled after signing in, with a clear message, on forms and uploads", async () => {
    db.update(users).set({ disabledAt: "2026-11-21T19:00:00.000Z" }).run();
    const before = fingerprint(db);
    const res = await editor.post("/staff/cases/doe/entries", { number: "4", dateFiled: "2025-09-18", description: "MOTION" });
    expect(res.statusCode).toBe(401);
    expect(parseHtml(res.body)("main").text()).toContain("This account has been disabled");
    const up = await upload({ fileName: "a.pdf", content: minimalPdf(["A"]) });
    expect(up.statusCode).toBe(401);
    expect(parseHtml(up.body)("main").text()).toContain("This account has been disabled");
    expect((await editor.post(`/staff/cases/doe/entries/${entryId}/strike`, { version: "1" })).statusCode).toBe(401);
    expect(fingerprint(db)).toBe(before);
    // Reading staff pages is refused too, with the same message.
    const staff = await editor.get("/staff");
    expect(staff.statusCode).toBe(401);
    expect(parseHtml(staff.body)("main").text()).toContain("This account has been disabled");
  });

  it("lets a viewer's session read but never write, uploads included (403)", async () => {
    const viewer = await staffBrowser(app, db, "viewer");
    const before = fingerprint(db);
    expect(
      (await viewer.post("/staff/cases/doe/entries", { number: "4", dateFiled: "2025-09-18", description: "MOTION" })).statusCode,
    ).toBe(403);
    const page = await viewer.get(uploadUrl());
    const csrf = page.statusCode === 200 ? csrfFrom(page.body) : viewer.csrf;
    expect((await upload({ fileName: "a.pdf", content: minimalPdf(["A"]) }, viewer.cookie, csrf)).statusCode).toBe(403);
    expect(fingerprint(db)).toBe(before);
  });
});
