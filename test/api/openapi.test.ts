import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { buildTestApp } from "../support/app";
import { parseHtml } from "../support/html";
import { openPage } from "../support/pages";
import { insertCase, insertJudge, insertSubpoena } from "../support/factories";

type OpenApi = {
  openapi: string;
  info: { title: string; description: string };
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        tags?: string[];
        description?: string;
        security?: unknown[];
        parameters?: { name: string; in: string; description?: string }[];
        responses: Record<string, unknown>;
      }
    >
  >;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

describe("OpenAPI document and docs pages", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
  });
  afterEach(async () => app.close());

  const openapi = async () => (await app.inject("/api/v1/openapi.json")).json() as OpenApi;

  it("is an OpenAPI 3.1 document of every /api/v1 route and no page", async () => {
    const res = await app.inject("/api/v1/openapi.json");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    const doc = res.json() as OpenApi;
    expect(doc.openapi).toBe("3.1.0");
    const paths = Object.keys(doc.paths);
    for (const path of [
      "/api/v1",
      "/api/v1/cases",
      "/api/v1/cases/{slug}",
      "/api/v1/subpoenas",
      "/api/v1/subpoenas/{slug}",
      "/api/v1/judges",
      "/api/v1/judges/{slug}",
      "/api/v1/orders",
      "/api/v1/timeline",
      "/api/v1/sources",
    ]) {
      expect(paths).toContain(path);
    }
    expect(paths.every((p) => p.startsWith("/api/v1"))).toBe(true);
    expect(paths).not.toContain("/api/v1/openapi.json");
  });

  it("describes every public read, its parameters and its answers from the route schemas", async () => {
    const doc = await openapi();
    for (const [path, item] of Object.entries(doc.paths)) {
      const get = item["get"];
      if (!get || get.security?.length) continue;
      expect(get.operationId, path).toBeTruthy();
      expect(get.description, path).toBeTruthy();
      expect(get.responses["200"], path).toBeDefined();
      for (const p of get.parameters ?? []) expect(p.description, `${path} ${p.name}`).toBeTruthy();
    }
    const timeline = doc.paths["/api/v1/timeline"]!["get"]!;
    expect(timeline.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining([
        "query:year",
        "query:kind",
        "query:kind__in",
        "query:date__gte",
        "query:date__lte",
        "query:page_size",
        "query:cursor",
        "query:order_by",
        "query:fields",
        "query:omit",
      ]),
    );
    expect(timeline.responses["400"]).toBeDefined();
    expect(doc.paths["/api/v1/cases/{slug}"]!["get"]!.responses["404"]).toBeDefined();
  });

  it("has no two paths that differ only in their parameter names", async () => {
    // OpenAPI 3.1 (Paths Object): templated paths with the same hierarchy but different
    // parameter names are identical and must not both exist; client generators reject them.
    // A write route on a public read URL uses the read's parameter name ({slug}).
    const shapes = new Map<string, string[]>();
    for (const path of Object.keys((await openapi()).paths)) {
      const shape = path.replace(/\{[^}]+\}/g, "{}");
      shapes.set(shape, [...(shapes.get(shape) ?? []), path]);
    }
    expect([...shapes.values()].filter((paths) => paths.length > 1)).toEqual([]);
  });

  it("names the shared shapes as components, including the fuzzy date and the source", async () => {
    const { components } = await openapi();
    for (const name of [
      "Case",
      "CaseListItem",
      "DocketEntry",
      "SealedEntry",
      "Subpoena",
      "Judge",
      "Order",
      "TimelineItem",
      "FuzzyDate",
      "Source",
      "Conflict",
      "Problem",
    ]) {
      expect(components.schemas[name], name).toBeDefined();
    }
    expect(Object.keys(components.schemas["FuzzyDate"]!.properties!)).toEqual(["date", "latest", "precision", "label"]);
    // Input copies of output-only shapes are left out; those a request body refers to stay.
    const doc = await openapi();
    const referenced = JSON.stringify({ ...doc, components: {} }) + JSON.stringify(components.schemas);
    for (const name of Object.keys(components.schemas).filter((n) => n.endsWith("Input"))) {
      expect(referenced, name).toContain(`"#/components/schemas/${name}"`);
    }
    expect(components.schemas["CaseInput"]).toBeUndefined();
  });

  it("lists every collection at /api/v1, each answering 200", async () => {
    const root = (await app.inject("/api/v1")).json();
    expect(root.openapiUrl).toBe("http://127.0.0.1:3000/api/v1/openapi.json");
    expect(root.collections.map((c: { name: string }) => c.name)).toEqual([
      "cases",
      "subpoenas",
      "judges",
      "orders",
      "timeline",
      "sources",
      "doctrines",
      "authorities",
      "search",
      "arguments",
    ]);
    for (const c of root.collections) expect((await app.inject(new URL(c.url).pathname)).statusCode, c.url).toBe(200);
  });

  it("renders /api without JavaScript: one h1, every operation with parameters and a curl line using real slugs", async () => {
    insertCase(db, { slug: "doe-v-dhs" });
    insertSubpoena(db, { slug: "dhs-to-meta" });
    insertJudge(db, { slug: "thomas-s-hixson" });
    const { $ } = await openPage(app, "/api");
    expect($('a[href="/api/v1/openapi.json"]')).toHaveLength(1);
    expect($('a[href="/api/docs/"]')).toHaveLength(1);
    const doc = await openapi();
    const headings = $("article.api-operation h3")
      .map((_, el) => $(el).text())
      .get();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) expect(headings).toContain(`${method.toUpperCase()} ${path}`);
    }
    const curls = $("pre.api-example")
      .map((_, el) => $(el).text())
      .get();
    expect(curls).toContain("curl -s 'http://127.0.0.1:3000/api/v1/cases/doe-v-dhs'");
    expect(curls).toContain("curl -s 'http://127.0.0.1:3000/api/v1/subpoenas/dhs-to-meta'");
    expect(curls).toContain("curl -s 'http://127.0.0.1:3000/api/v1/timeline?year=2025&kind=withdrawal'");
    // HTML ids hold no whitespace (the validator's one error on this page was id="tag-docket entries").
    const ids = $("[id]")
      .map((_, el) => $(el).attr("id"))
      .get();
    expect(ids.filter((id) => /\s/.test(id))).toEqual([]);
    const timeline = $("#op-listTimeline");
    expect(
      timeline
        .find("tbody th[scope=row]")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(expect.arrayContaining(["year", "kind", "page_size", "cursor", "order_by", "date__gte"]));
    expect(timeline.find("tbody").text()).toContain("withdrawal");
  });

  it("serves Swagger UI under /api/docs with the site's strict CSP and its own script files", async () => {
    const res = await app.inject("/api/docs/");
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    // Swagger UI's one <style> element is allowed by hash on its own routes only.
    expect(csp).toMatch(/style-src 'self' 'sha256-[^']+'/);
    expect(String((await app.inject("/api")).headers["content-security-policy"])).toMatch(/style-src 'self'(;|$)/);
    const $ = parseHtml(res.body);
    expect($("script:not([src])")).toHaveLength(0);
    const init = await app.inject("/api/docs/static/swagger-initializer.js");
    expect(init.statusCode).toBe(200);
    expect(init.headers["content-type"]).toMatch(/javascript/);
    expect((await app.inject("/api/docs/json")).json().openapi).toBe("3.1.0");
  });
});
