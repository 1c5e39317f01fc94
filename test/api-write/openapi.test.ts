import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestApp } from "../support/app";
import { RECORD_DEFINITIONS } from "../../server/editing/records";

type Operation = {
  security?: unknown;
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, unknown>;
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }>;
    securitySchemes?: Record<string, { type: string; scheme: string }>;
  };
};

describe("write API in the OpenAPI document", () => {
  let app: FastifyInstance;
  let doc: Document;

  beforeAll(async () => {
    ({ app } = await buildTestApp());
    doc = (await app.inject("/api/v1/openapi.json")).json();
  });
  afterAll(async () => app.close());

  it("declares the bearer token scheme", () => {
    expect(doc.components.securitySchemes?.["bearerAuth"]).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it.each(Object.values(RECORD_DEFINITIONS).map((d) => [d.type, d] as const))(
    "documents every route of %s, each behind the bearer token",
    (_type, definition) => {
      const collection = definition.parent === "case" ? `/api/v1/cases/{slug}/${definition.plural}` : `/api/v1/${definition.plural}`;
      // Records the public API reads by slug are written at the same URL.
      const key = ["case", "subpoena", "authority"].includes(definition.type) ? "slug" : "id";
      const one = `/api/v1/${definition.plural}/{${key}}`;
      const operations = [
        doc.paths[collection]?.["post"],
        doc.paths[one]?.["patch"],
        doc.paths[one]?.["delete"],
        doc.paths[`${one}/restore`]?.["post"],
        doc.paths[`${one}/revisions`]?.["get"],
      ];
      for (const operation of operations) {
        expect(operation).toBeDefined();
        expect(operation!.security).toEqual([{ bearerAuth: [] }]);
      }
      const patch = doc.paths[one]!["patch"]!;
      expect(patch.parameters!.some((p) => p.in === "header" && p.name === "if-match")).toBe(true);
      expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "404", "412", "428"]));
      expect(patch.requestBody!.content["application/json"]!.schema.$ref).toMatch(/Update/);
    },
  );

  it("says which fields a new docket entry needs", () => {
    const post = doc.paths["/api/v1/cases/{slug}/entries"]!["post"]!;
    const ref = post.requestBody!.content["application/json"]!.schema.$ref!.split("/").at(-1)!;
    expect(doc.components.schemas[ref]!.required).toEqual(["dateFiled", "description"]);
    expect(Object.keys(doc.components.schemas[ref]!.properties!)).toEqual(
      expect.arrayContaining(["number", "kind", "dateEntered", "sealed"]),
    );
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(["201", "400", "401", "403", "413"]));
  });
});
