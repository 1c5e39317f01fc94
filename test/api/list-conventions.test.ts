import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestApp } from "../support/app";
import { createSeededDb } from "../seeds/support";

/*
 * Every public list the OpenAPI document describes keeps the list conventions of docs/api.md
 * (issue 19.1–19.2), found from the document itself so a list added later is held to them the
 * day it appears: a parameter it does not take (`limit`, `foo`), a malformed `cursor` and an
 * unknown `order_by` or `fields` member are each a 400 in problem details naming the parameter;
 * an answer is a page with `next` and `previous`, carries an ETag that a 304 answers, is
 * compressed when asked, may be read from any origin without credentials, and says where the
 * client stands against the quota.
 */
type Parameter = { name: string; in: string };
type Operation = {
  security?: unknown[];
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }>;
};
type Document = { paths: Record<string, Record<string, Operation>> };

describe("every public API list, by its OpenAPI description", () => {
  let app: FastifyInstance;
  let lists: { path: string; query: string[] }[];

  beforeAll(async () => {
    ({ app } = await buildTestApp({ db: createSeededDb() }));
    const document = (await app.inject("/api/v1/openapi.json")).json() as Document;
    lists = Object.entries(document.paths).flatMap(([path, methods]) => {
      const get = methods["get"];
      const page = get?.responses["200"]?.content?.["application/json"]?.schema?.properties;
      const isPublicList =
        get && Array.isArray(get.security) && get.security.length === 0 && page?.["next"] && page["previous"] && !path.includes("{");
      return isPublicList ? [{ path, query: (get.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name) }] : [];
    });
  });
  afterAll(async () => app.close());

  const refusal = async (url: string) => {
    const res = await app.inject(url);
    expect(res.statusCode, url).toBe(400);
    expect(res.headers["content-type"], url).toMatch(/^application\/problem\+json/);
    return (res.json() as { errors: { path: string }[] }).errors.map((e) => e.path);
  };

  it("finds the lists: cases, subpoenas, judges, orders, timeline, sources and the students' three", () => {
    console.log(`public lists in the OpenAPI document: ${lists.length} (${lists.map((l) => l.path).join(", ")})`);
    const paths = lists.map((l) => l.path);
    for (const path of [
      "/api/v1/cases",
      "/api/v1/subpoenas",
      "/api/v1/judges",
      "/api/v1/orders",
      "/api/v1/timeline",
      "/api/v1/sources",
      "/api/v1/arguments",
      "/api/v1/authorities",
      "/api/v1/doctrines",
    ]) {
      expect(paths).toContain(path);
    }
  });

  it("refuses, naming it, a parameter a list does not take or a value it cannot read", async () => {
    let refused = 0;
    for (const { path, query } of lists) {
      expect(await refusal(`${path}?foo=bar`), path).toContain("foo");
      if (!query.includes("limit")) expect(await refusal(`${path}?limit=5`), path).toContain("limit");
      expect(query, path).toEqual(expect.arrayContaining(["page_size", "cursor"]));
      expect(await refusal(`${path}?cursor=not-a-cursor`), path).toContain("cursor");
      expect(await refusal(`${path}?page_size=101`), path).toContain("page_size");
      if (query.includes("order_by")) expect(await refusal(`${path}?order_by=colour`), path).toContain("order_by");
      if (query.includes("fields")) expect(await refusal(`${path}?fields=colour`), path).toContain("fields");
      refused++;
    }
    expect(refused).toBe(lists.length);
  });

  it("answers a page with next and previous, an ETag a 304 answers, gzip when asked, CORS for any origin and the quota's headers", async () => {
    for (const { path } of lists) {
      const res = await app.inject({ url: path, headers: { "accept-encoding": "gzip", origin: "https://elsewhere.example" } });
      expect(res.statusCode, path).toBe(200);
      expect(res.headers["content-type"], path).toBe("application/json; charset=utf-8");
      expect(res.headers["access-control-allow-origin"], path).toBe("*");
      expect(res.headers["access-control-allow-credentials"], path).toBeUndefined();
      expect(res.headers["ratelimit-limit"], path).toBeDefined();
      expect(res.headers["ratelimit-remaining"], path).toBeDefined();
      // Small answers are not worth compressing (the compression plugin's threshold is 1 KiB).
      if (res.rawPayload.length >= 1024 || res.headers["content-encoding"]) expect(res.headers["content-encoding"], path).toBe("gzip");
      const plain = await app.inject(path);
      const page = plain.json() as Record<string, unknown>;
      expect(Object.keys(page), path).toEqual(expect.arrayContaining(["data", "count", "next", "previous"]));
      expect(page["previous"], path).toBeNull();
      const etag = plain.headers["etag"];
      expect(etag, path).toBeDefined();
      const again = await app.inject({ url: path, headers: { "if-none-match": String(etag) } });
      expect(again.statusCode, path).toBe(304);
    }
  });
});
