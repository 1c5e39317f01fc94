import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { attachDocument } from "../../server/documents/service";
import { parseRecordId } from "../../server/shared/record-id";
import { setupAsEditor, call } from "../api-write/helpers";
import { minimalPdf } from "../documents/support";
import { signIn } from "../support/auth";
import { testActor, testClock } from "../support/db";
import { insertCase, insertEntry } from "../support/factories";

/** Every other spelling Number() or z.coerce reads as 3 — the audit found each serving record 3. */
const LOOSE_THREE = ["03", "003", "3.0", "+3", "0x3", "3e0", "%203", "3%20", "0b11", "0o3", "３"];

describe("parseRecordId: canonical decimal only", () => {
  it("reads 1, 3, 4096", () => {
    expect([parseRecordId("1"), parseRecordId("3"), parseRecordId("4096")]).toEqual([1, 3, 4096]);
  });
  it("refuses every other spelling, zero, negatives and numbers past what a double holds exactly", () => {
    for (const text of [...LOOSE_THREE.map(decodeURIComponent), "0", "-3", "", "3a", "1234567890123456"]) {
      expect(parseRecordId(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});

describe("every :id route names a record by one spelling", () => {
  let app: FastifyInstance;
  afterEach(async () => app.close());

  it("audit: /documents/03, /3.0, /+3, /0x3 are 404 while /documents/3 serves the file; entries, the write API, staff forms and history likewise", async () => {
    const setup = await setupAsEditor();
    app = setup.app;
    const { db, token } = setup;
    const kase = insertCase(db, { slug: "doe-v-dhs" });
    // Records 1 and 2 first, so the entry and the document under test are number 3.
    insertEntry(db, kase.id, { number: 1 });
    insertEntry(db, kase.id, { number: 2 });
    const entry = insertEntry(db, kase.id, { number: 3 });
    expect(entry.id).toBe(3);
    const pdf = minimalPdf(["Motion"]);
    for (let n = 0; n < 3; n++) {
      const attached = attachDocument(
        db,
        app.store,
        testClock,
        app.config.dataDir,
        {
          entryId: entry.id,
          attachmentNumber: n,
          description: null,
          sealed: false,
          bytes: pdf,
          fileName: "m.pdf",
          contents: { pageCount: 1, text: "Motion" },
        },
        testActor,
      );
      if (n === 2) expect(attached.document.id).toBe(3);
    }
    const cookie = await signIn(app, "viewer@example.org");

    const canonical = [
      ["/documents/3", {}],
      ["/cases/doe-v-dhs/entries/3", {}],
      ["/api/v1/entries/3", { authorization: `Bearer ${token}` }],
      ["/staff/history/entry/3", { cookie }],
      ["/staff/cases/doe-v-dhs/entries/3/edit", { cookie }],
      ["/staff/cases/doe-v-dhs/entries/3/documents", { cookie }],
    ] as const;
    for (const [url, headers] of canonical) {
      expect((await app.inject({ url, headers })).statusCode, url).toBe(200);
      for (const loose of LOOSE_THREE) {
        const looseUrl = url.replace(/\/3(\/|$)/, `/${loose}$1`);
        const res = await app.inject({ url: looseUrl, headers });
        expect(res.statusCode, looseUrl).toBe(404);
        expect(res.body).not.toContain("Motion");
      }
    }
    // A write through a loose id changes nothing either.
    const patched = await call(app, "PATCH", "/api/v1/entries/03", {
      token,
      body: { description: "changed" },
      headers: { "if-match": '"1"' },
    });
    expect(patched.statusCode).toBe(404);
  });
});
