import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { docketEntries } from "../../db/schema";
import { insertCase, insertEntry } from "../support/factories";
import { parseHtml } from "../support/html";
import { call, fingerprint, revisionCount, setupAsEditor } from "./helpers";

describe("write API: docket entries", () => {
  let app: FastifyInstance;
  let db: Db;
  let token: string;
  let caseId: number;

  beforeEach(async () => {
    ({ app, db, token } = await setupAsEditor());
    caseId = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. DHS" }).id;
    insertEntry(db, caseId, { number: 1, sequence: 1, description: "MOTION to Quash" });
    insertEntry(db, caseId, { number: null, sequence: 1.5, description: "Clerk's notice" });
  });
  afterEach(async () => app.close());

  const post = (body: unknown, url = "/api/v1/cases/doe-v-dhs/entries") => call(app, "POST", url, { token, body });
  const patch = (id: number, body: unknown, version?: string) =>
    call(app, "PATCH", `/api/v1/entries/${id}`, { token, body, headers: version === undefined ? {} : { "if-match": version } });

  it("logs an entry with only dateFiled and description: 201, the entry with id and version, Location and ETag", async () => {
    const res = await post({ dateFiled: "2025-09-19", description: "ORDER that Meta not produce" });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      caseId,
      dateFiled: "2025-09-19",
      description: "ORDER that Meta not produce",
      version: 1,
      kind: "other",
      sealed: false,
      stricken: false,
      number: null,
    });
    expect(typeof body.id).toBe("number");
    expect(res.headers.location).toBe(`/api/v1/entries/${body.id}`);
    expect(res.headers.etag).toBe('"1"');
    // After the case's last entry (1.5), on the next whole step.
    expect(body.sequence).toBe(2);
    const fetched = await call(app, "GET", res.headers.location as string, { token });
    expect(fetched.json().description).toBe("ORDER that Meta not produce");
  });

  it("takes every optional field, and the case by numeric id as well as slug", async () => {
    const res = await post(
      {
        dateFiled: "2025-09-18",
        description: "MOTION for Leave",
        number: 12,
        kind: "motion",
        dateEntered: "2025-09-19",
        sealed: true,
        filedBy: "J. Doe",
      },
      `/api/v1/cases/${caseId}/entries`,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ number: 12, kind: "motion", dateEntered: "2025-09-19", sealed: true, filedBy: "J. Doe" });
  });

  it("refuses invalid fields with 400 and { errors: [{ path, message }] }, and changes nothing", async () => {
    const before = fingerprint(db);
    const res = await post({ dateFiled: "2025-02-30", number: "twelve", kind: "brief", sealed: "yes", extra: 1 });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { path: string; message: string }[];
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    expect(byPath).toMatchObject({
      dateFiled: "must be a real date in YYYY-MM-DD form",
      description: "is required",
      number: "must be a whole number",
      sealed: "must be true or false",
      extra: "is not a field that can be set here",
    });
    expect(byPath["kind"]).toContain("must be one of: complaint, motion");
    expect(fingerprint(db)).toBe(before);
  });

  it("refuses a body that is not JSON, or not an object, with a field error", async () => {
    const before = fingerprint(db);
    const bad = await post("{ dateFiled: 2025-09-18");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: "body", message: "is not valid JSON" }]);
    const list = await post([1, 2]);
    expect(list.statusCode).toBe(400);
    expect(list.json().errors[0].path).toBe("body");
    const empty = await call(app, "POST", "/api/v1/cases/doe-v-dhs/entries", { token });
    expect(empty.statusCode).toBe(400);
    const form = await call(app, "POST", "/api/v1/cases/doe-v-dhs/entries", {
      token,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.statusCode).toBe(415);
    expect(fingerprint(db)).toBe(before);
  });

  it("refuses a second entry with the same number in the case with a field error", async () => {
    const before = fingerprint(db);
    const res = await post({ dateFiled: "2025-09-20", description: "Duplicate", number: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: "number", message: "is already the number of another entry of this case (ECF No. 1)" }]);
    expect(fingerprint(db)).toBe(before);
    // The same number in another case is fine.
    insertCase(db, { slug: "other" });
    expect((await post({ dateFiled: "2025-09-20", description: "Elsewhere", number: 1 }, "/api/v1/cases/other/entries")).statusCode).toBe(
      201,
    );
  });

  it("refuses an entry entered before it was filed", async () => {
    const res = await post({ dateFiled: "2025-09-20", dateEntered: "2025-09-19", description: "x" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: "dateEntered", message: "must not be before dateFiled" }]);
  });

  it("answers 404 for an unknown case and an unknown entry", async () => {
    expect((await post({ dateFiled: "2025-09-20", description: "x" }, "/api/v1/cases/nope/entries")).statusCode).toBe(404);
    expect((await patch(9999, { description: "x" }, '"1"')).statusCode).toBe(404);
    expect((await call(app, "GET", "/api/v1/entries/9999/revisions", { token })).json().error.status).toBe(404);
  });

  it("refuses a body over 1 MiB with 413", async () => {
    const before = fingerprint(db);
    const res = await post({ dateFiled: "2025-09-20", description: "x".repeat(1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain("1 MiB");
    expect(fingerprint(db)).toBe(before);
  });

  it("changes fields with If-Match: 200 with the new version; a stale version is 412 and nothing changes", async () => {
    const created = (await post({ dateFiled: "2025-09-19", description: "Order" })).json();
    const first = await patch(created.id, { description: "ORDER granting stay", kind: "order" }, '"1"');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, description: "ORDER granting stay", kind: "order" });
    expect(first.headers.etag).toBe('"2"');

    const before = fingerprint(db);
    const stale = await patch(created.id, { description: "Someone else's older edit" }, '"1"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.message).toContain("version 2");
    expect(stale.json().current).toMatchObject({ version: 2, description: "ORDER granting stay" });
    expect(stale.headers.etag).toBe('"2"');
    expect(fingerprint(db)).toBe(before);
  });

  it("requires If-Match on PATCH (428) and refuses a malformed one (400)", async () => {
    const before = fingerprint(db);
    const missing = await patch(1, { description: "x" });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().error.message).toContain("If-Match");
    const malformed = await patch(1, { description: "x" }, "abc");
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe("If-Match");
    expect(fingerprint(db)).toBe(before);
  });

  it("writes nothing for a PATCH that changes nothing", async () => {
    const revisions = revisionCount(db);
    const res = await patch(1, { description: "MOTION to Quash" }, '"1"');
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(1);
    expect(revisionCount(db)).toBe(revisions);
  });

  it("lists revisions oldest first, with who, when, before and after as objects, and the reason sent", async () => {
    const created = (await post({ dateFiled: "2025-09-19", description: "First text" })).json();
    await call(app, "PATCH", `/api/v1/entries/${created.id}`, {
      token,
      body: { description: "Second text" },
      headers: { "if-match": '"1"', "x-reason": "typo in the clerk's text" },
    });
    await patch(created.id, { description: "Third text" }, '"2"');
    const res = await call(app, "GET", `/api/v1/entries/${created.id}/revisions`, { token });
    expect(res.statusCode).toBe(200);
    const { data, count } = res.json();
    expect(count).toBe(3);
    expect(data.map((r: { action: string }) => r.action)).toEqual(["create", "update", "update"]);
    expect(data.map((r: { version: number }) => r.version)).toEqual([1, 2, 3]);
    expect(data[0].before).toBeNull();
    expect(data[1].before.description).toBe("First text");
    expect(data[1].after.description).toBe("Second text");
    expect(data[1].reason).toBe("typo in the clerk's text");
    expect(data[2].actor).toContain("editor@example.org");
  });

  it("never deletes an entry (409), but strikes it and un-strikes it, each with a revision", async () => {
    const before = fingerprint(db);
    const refused = await call(app, "DELETE", "/api/v1/entries/1", { token, headers: { "if-match": '"1"' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("strike");
    expect(fingerprint(db)).toBe(before);

    const struck = await call(app, "POST", "/api/v1/entries/1/strike", {
      token,
      headers: { "if-match": '"1"', "x-reason": "stricken by the court, ECF No. 9" },
    });
    expect(struck.statusCode).toBe(200);
    expect(struck.json()).toMatchObject({ stricken: true, version: 2 });
    const docket = parseHtml((await app.inject("/cases/doe-v-dhs")).body);
    expect(docket("table.docket-entries tbody tr").first().find(".stricken").length).toBeGreaterThan(0);

    const restored = await call(app, "POST", "/api/v1/entries/1/restore", { token, headers: { "if-match": '"2"' } });
    expect(restored.json()).toMatchObject({ stricken: false, version: 3 });
    expect(db.select().from(docketEntries).all()).toHaveLength(2);
  });

  it("stores script in a text field as text and shows it escaped on the docket page", async () => {
    const script = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const res = await post({ dateFiled: "2025-09-19", description: `Notice ${script}`, filedBy: script });
    expect(res.statusCode).toBe(201);
    expect(res.json().description).toBe(`Notice ${script}`);
    const page = await app.inject("/cases/doe-v-dhs");
    expect(page.body).not.toContain("<script>alert");
    expect(page.body).not.toContain("<img src=x");
    expect(page.body).toContain("&lt;script&gt;");
    const $ = parseHtml(page.body);
    expect($("script")).toHaveLength(0);
    expect($("table.docket-entries").text()).toContain(`Notice ${script}`);
  });

  it("drops the cached docket page when an entry is logged", async () => {
    const first = await app.inject("/cases/doe-v-dhs");
    expect(first.body).not.toContain("Newly logged order");
    await post({ dateFiled: "2025-09-19", description: "Newly logged order" });
    const second = await app.inject("/cases/doe-v-dhs");
    expect(second.body).toContain("Newly logged order");
  });

  it("keeps a sealed entry's text off the public page but in its revisions for staff", async () => {
    const created = (await post({ dateFiled: "2025-09-19", description: "Declaration naming the movant", sealed: true })).json();
    expect((await app.inject("/cases/doe-v-dhs")).body).not.toContain("Declaration naming the movant");
    const revisions = await call(app, "GET", `/api/v1/entries/${created.id}/revisions`, { token });
    expect(revisions.json().data[0].after.description).toBe("Declaration naming the movant");
    expect((await call(app, "GET", `/api/v1/entries/${created.id}/revisions`)).statusCode).toBe(401);
  });
});
