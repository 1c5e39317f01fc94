import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import SwaggerParser from "@apidevtools/swagger-parser";
import { buildTestApp } from "../support/app";
import { createSeededDb } from "../seeds/support";
import { answerChecker, type OpenApiDocument } from "../support/openapi-check";

/*
 * The API against its own OpenAPI document, checked by outside tools: the document by
 * swagger-parser's OpenAPI 3.1 validator, and real answers over the bundled record (every list,
 * every page of it, every record, and the errors) by ajv against the schema of their status
 * and media type. The counts are printed for the note.
 */
type Operation = {
  operationId?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
};

describe("the API and its OpenAPI document, by outside validators", () => {
  let app: FastifyInstance;
  let doc: OpenApiDocument & { info: { description: string }; paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    ({ app } = await buildTestApp({ db: createSeededDb() }));
    doc = (await app.inject("/api/v1/openapi.json")).json();
  });
  afterAll(async () => app.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

  it("is a valid OpenAPI 3.1 document (swagger-parser)", async () => {
    const api = await SwaggerParser.validate(structuredClone(doc) as never);
    expect((api as { openapi: string }).openapi).toBe("3.1.0");
  });

  it("names every operation with a unique operationId", () => {
    const all = operations();
    const ids = all.map((o) => o.op.operationId);
    expect(all.filter((o) => !o.op.operationId).map((o) => `${o.method} ${o.path}`)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    console.log(`operations with an operationId: ${ids.length} of ${all.length}`);
  });

  it("marks public reads security: [] and every write bearer-only, and documents 304, 400, 404 and 429 on reads", () => {
    for (const { path, method, op } of operations()) {
      if (method !== "get") {
        expect(op.security, `${method} ${path}`).toEqual([{ bearerAuth: [] }]);
        continue;
      }
      if (op.security!.length > 0) continue;
      expect(op.security, path).toEqual([]);
      for (const status of ["200", "304", "400", "429"]) expect(op.responses[status], `${path} ${status}`).toBeDefined();
      if (path.includes("{")) expect(op.responses["404"], path).toBeDefined();
      expect(Object.keys(op.responses["429"]!.headers ?? {})).toEqual(
        expect.arrayContaining(["Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]),
      );
    }
  });

  it("declares every error as application/problem+json", () => {
    for (const { path, method, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400 && response.content)
          expect(Object.keys(response.content), `${method} ${path} ${status}`).toEqual(["application/problem+json"]);
      }
    }
  });

  it("no longer calls itself read-only beside its write operations", () => {
    expect(doc.info.description).not.toMatch(/read-only/i);
    expect(doc.info.description).toMatch(/bearerAuth/);
  });

  it("answers as documented: every list, page and record of the bundled record, and its errors (ajv)", async () => {
    const check = answerChecker(doc);
    let checked = 0;
    const failures: string[] = [];
    const get = async (path: string, headers: Record<string, string> = {}) => {
      const res = await app.inject({ url: path, headers });
      const contentType = String(res.headers["content-type"] ?? "");
      const body = res.statusCode === 304 ? undefined : res.json();
      failures.push(...check({ path, method: "GET", status: res.statusCode, contentType, body }));
      checked++;
      return res;
    };
    const lists = (await get("/api/v1")).json().collections.map((c: { url: string }) => new URL(c.url).pathname) as string[];
    lists.push("/api/v1/deadlines/rules");
    for (const list of lists) {
      let next: string | null = list;
      while (next) {
        const page = await get(next);
        const body = page.json() as { data: { url?: string }[]; next?: string | null };
        for (const item of body.data) if (item.url) await get(new URL(item.url).pathname);
        next = body.next ? new URL(body.next).pathname + new URL(body.next).search : null;
      }
      await get(`${list}?no_such_parameter=1`);
    }
    await get("/api/v1/cases/no-such-case");
    await get("/api/v1/deadlines/compute?trigger=2026-02-30&days=14");
    await get("/api/v1/deadlines/compute?trigger=2026-03-02&days=14");
    const etag = (await get("/api/v1/cases")).headers.etag as string;
    await get("/api/v1/cases", { "if-none-match": etag });
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(40);
    console.log(`API answers conforming to the OpenAPI document (ajv): ${checked - failures.length} of ${checked}`);
  });
});
