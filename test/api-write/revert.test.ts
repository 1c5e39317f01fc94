import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { call, fingerprint, setupAsEditor } from "./helpers";

describe("restore and revert are two operations of the write API", () => {
  let app: FastifyInstance;
  let db: Db;
  let token: string;
  beforeEach(async () => {
    ({ app, db, token } = await setupAsEditor());
  });
  afterEach(() => app.close());

  const post = (url: string, body: unknown, version?: number) =>
    call(app, "POST", url, { token, body, headers: version ? { "if-match": `"${version}"` } : {} });

  it("revert puts back an earlier revision's fields as a new revision; restore only undoes a delete and keeps the fields", async () => {
    const subpoena = (
      await post("/api/v1/subpoenas", { title: "DHS administrative subpoena to Meta", kind: "administrative_subpoena" })
    ).json();
    await call(app, "PATCH", `/api/v1/subpoenas/${subpoena.id}`, {
      token,
      body: { title: "Customs summons to Meta" },
      headers: { "if-match": '"1"' },
    });
    const revisions = (await call(app, "GET", `/api/v1/subpoenas/${subpoena.id}/revisions`, { token })).json().data;
    expect(revisions.map((r: { action: string }) => r.action)).toEqual(["create", "update"]);

    // Restore on a live record changes nothing: it is not a way back to the first title.
    const restored = await post(`/api/v1/subpoenas/${subpoena.id}/restore`, undefined, 2);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ title: "Customs summons to Meta", version: 2 });

    const reverted = await post(`/api/v1/subpoenas/${subpoena.id}/revert`, { revisionId: revisions[0].id }, 2);
    expect(reverted.statusCode).toBe(200);
    expect(reverted.json()).toMatchObject({ title: "DHS administrative subpoena to Meta", version: 3, deletedAt: null });
    const after = (await call(app, "GET", `/api/v1/subpoenas/${subpoena.id}/revisions`, { token })).json().data;
    expect(after.at(-1)).toMatchObject({ action: "update", reason: `restored revision ${revisions[0].id}` });
  });

  it("revert refuses a stale version (412), no If-Match (428), a revision of another record (404) and a missing revisionId (400), changing nothing", async () => {
    const subpoena = (await post("/api/v1/subpoenas", { title: "First", kind: "administrative_subpoena" })).json();
    const other = (await post("/api/v1/subpoenas", { title: "Other", kind: "administrative_subpoena" })).json();
    const otherRevision = (await call(app, "GET", `/api/v1/subpoenas/${other.id}/revisions`, { token })).json().data[0].id;
    const before = fingerprint(db);
    expect((await post(`/api/v1/subpoenas/${subpoena.id}/revert`, { revisionId: otherRevision }, 5)).statusCode).toBe(412);
    expect((await post(`/api/v1/subpoenas/${subpoena.id}/revert`, { revisionId: otherRevision })).statusCode).toBe(428);
    expect((await post(`/api/v1/subpoenas/${subpoena.id}/revert`, { revisionId: otherRevision }, 1)).statusCode).toBe(404);
    expect((await post(`/api/v1/subpoenas/${subpoena.id}/revert`, {}, 1)).statusCode).toBe(400);
    expect(fingerprint(db)).toBe(before);
  });

  it("the API documents each as not the other", async () => {
    const spec = (await app.inject("/api/v1/openapi.json")).json();
    const restore = spec.paths["/api/v1/entries/{id}/restore"].post;
    expect(restore.summary).toBe("Un-strike a docket entry");
    expect(restore.description).toContain("It does not go back to an earlier version: that is POST …/revert");
    const revert = spec.paths["/api/v1/entries/{id}/revert"].post;
    expect(revert.description).toContain("It does not un-delete or un-strike: that is POST …/restore");
  });
});
