import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { insertCase, insertEntry, insertSource, insertSubpoena } from "../support/factories";
import { call, fingerprint, setupAsEditor } from "./helpers";

/*
 * Audit findings: DELETE succeeded without If-Match (PATCH already needed it), and
 * …/restore answered 200 to a body of fields it does not have. Every write to an existing
 * record now says which version it started from, and takes no field it would ignore.
 */
describe("write API: hiding, restoring and striking need the version and take no fields", () => {
  let app: FastifyInstance;
  let db: Db;
  let token: string;
  let subpoenaSlug: string;
  let entryId: number;
  let sourceId: number;

  beforeEach(async () => {
    ({ app, db, token } = await setupAsEditor());
    const caseId = insertCase(db, { slug: "doe-v-dhs" }).id;
    entryId = insertEntry(db, caseId, { number: 1 }).id;
    subpoenaSlug = insertSubpoena(db, { slug: "dhs-to-meta" }).slug;
    sourceId = insertSource(db).id;
  });
  afterEach(async () => app.close());

  const writes = () =>
    [
      ["DELETE", `/api/v1/subpoenas/${subpoenaSlug}`],
      ["DELETE", `/api/v1/sources/${sourceId}`],
      ["POST", `/api/v1/subpoenas/${subpoenaSlug}/restore`],
      ["POST", `/api/v1/entries/${entryId}/strike`],
      ["POST", `/api/v1/entries/${entryId}/restore`],
    ] as const;

  it("answers 428 without If-Match on DELETE, …/restore and …/strike, and changes nothing", async () => {
    const before = fingerprint(db);
    for (const [method, url] of writes()) {
      const res = await call(app, method, url, { token });
      expect(res.statusCode, `${method} ${url}`).toBe(428);
      expect(res.json().error.code).toBe("precondition_required");
      expect(res.json().error.message).toContain("If-Match");
    }
    expect(fingerprint(db)).toBe(before);
  });

  it("answers 400 naming the field when the body holds any field, even with the right version, and changes nothing", async () => {
    const before = fingerprint(db);
    for (const [method, url] of writes()) {
      const res = await call(app, method, url, { token, body: { deletedAt: null, reason: "x" }, headers: { "if-match": '"1"' } });
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.json().errors).toEqual([
        { path: "deletedAt", message: "is not a field that can be set here" },
        { path: "reason", message: "is not a field that can be set here" },
      ]);
    }
    expect(fingerprint(db)).toBe(before);
  });

  it("does the write with the version and no body, or an empty object", async () => {
    const gone = await call(app, "DELETE", `/api/v1/subpoenas/${subpoenaSlug}`, { token, headers: { "if-match": '"1"' } });
    expect(gone.statusCode).toBe(200);
    const back = await call(app, "POST", `/api/v1/subpoenas/${subpoenaSlug}/restore`, { token, body: {}, headers: { "if-match": '"2"' } });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ deletedAt: null, version: 3 });
    const struck = await call(app, "POST", `/api/v1/entries/${entryId}/strike`, { token, headers: { "if-match": '"1"' } });
    expect(struck.json()).toMatchObject({ stricken: true, version: 2 });
  });

  it("says so in the OpenAPI document", async () => {
    const doc = (await app.inject("/api/v1/openapi.json")).json();
    for (const operation of [
      doc.paths["/api/v1/subpoenas/{slug}"].delete,
      doc.paths["/api/v1/entries/{id}/strike"].post,
      doc.paths["/api/v1/orders/{id}/restore"].post,
    ]) {
      expect(operation.responses["428"]).toBeDefined();
      expect(operation.description).toContain("without it 428");
    }
  });
});
