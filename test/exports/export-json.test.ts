import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { Db } from "../../db/client";
import { exportJsonSchema } from "../../server/api/schemas/export";
import { buildTestApp } from "../support/app";
import { createSeededDb } from "../seeds/support";
import { insertCase, insertEntry, holdRecord } from "../support/factories";

/*
 * /api/v1/export.json validated by ajv against the committed JSON Schema (docs/export.schema.json,
 * which must equal the one the code generates: UPDATE_EXPORT_SCHEMA=1 rewrites it), and read
 * back against what the API lists say of the same record.
 */
const SCHEMA_FILE = new URL("../../docs/export.schema.json", import.meta.url);

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as object);
}

type Export = {
  schemaVersion: number;
  cases: { slug: string; entries: { number: number | null; sealed: boolean; source?: string; ecf?: string | null }[] }[];
  subpoenas: { slug: string }[];
  timeline: unknown[];
};

describe("the JSON export over the bundled record", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await buildTestApp({ db: createSeededDb() }));
  });
  afterAll(async () => app.close());

  it("commits the JSON Schema the code generates, and serves it", async () => {
    const generated = `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_EXPORT_SCHEMA) writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(generated);
    expect((await app.inject("/api/v1/export.schema.json")).json()).toEqual(exportJsonSchema());
  });

  it("validates against its schema (ajv) and holds every public case, entry, subpoena and timeline item", async () => {
    const res = await app.inject("/api/v1/export.json");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    const doc = res.json() as Export;
    const validate = validator();
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(doc.schemaVersion).toBe(1);
    const cases = (await app.inject("/api/v1/cases?page_size=100")).json().data as { slug: string }[];
    expect(doc.cases.map((c) => c.slug)).toEqual(cases.map((c) => c.slug));
    for (const c of doc.cases) {
      const listed = (await app.inject(`/api/v1/cases/${c.slug}/entries?page_size=100`)).json() as { data: unknown[]; next: string | null };
      if (!listed.next) expect(c.entries, c.slug).toEqual(listed.data);
    }
    expect(
      doc.cases
        .flatMap((c) => c.entries)
        .filter((e) => !e.sealed && e.number !== null)
        .every((e) => e.ecf === `ECF No. ${e.number}`),
    ).toBe(true);
    const subpoenas = (await app.inject("/api/v1/subpoenas?page_size=100")).json().data as { slug: string }[];
    expect(doc.subpoenas.map((s) => s.slug)).toEqual(subpoenas.map((s) => s.slug));
    expect(doc.timeline).toHaveLength((await app.inject("/api/v1/timeline?page_size=100")).json().count as number);
  });

  it("refuses a parameter it does not take", async () => {
    expect((await app.inject("/api/v1/export.json?limit=5")).statusCode).toBe(400);
  });
});

describe("the JSON export and what is not public", () => {
  let app: FastifyInstance;
  let db: Db;
  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
  });
  afterEach(async () => app.close());

  it("shows a sealed entry as its placeholder and leaves out held entries and unpublished cases", async () => {
    const kase = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. DHS" });
    insertEntry(db, kase.id, { number: 1, description: "Open entry", source: "press" });
    insertEntry(db, kase.id, { number: 2, description: "SEALED-SECRET-TEXT", filedBy: "SEALED-FILER", sealed: true });
    const held = insertEntry(db, kase.id, { number: 3, description: "HELD-ENTRY-TEXT" });
    holdRecord(db, "entry", held.id, kase.id);
    const hidden = insertCase(db, { slug: "unpublished-case", caption: "UNPUBLISHED-CAPTION", published: false });
    insertEntry(db, hidden.id, { description: "UNPUBLISHED-ENTRY-TEXT" });
    const res = await app.inject("/api/v1/export.json");
    for (const secret of ["SEALED-SECRET-TEXT", "SEALED-FILER", "HELD-ENTRY-TEXT", "UNPUBLISHED-CAPTION", "UNPUBLISHED-ENTRY-TEXT"])
      expect(res.body).not.toContain(secret);
    const doc = res.json() as Export;
    const validate = validator();
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(doc.cases.map((c) => c.slug)).toEqual(["doe-v-dhs"]);
    expect(doc.cases[0]!.entries).toMatchObject([
      { number: 1, source: "press report", ecf: "ECF No. 1" },
      { number: 2, sealed: true, description: "SEALED" },
    ]);
  });
});
