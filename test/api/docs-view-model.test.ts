import { describe, expect, it } from "vitest";
import { textRuns, toApiDocsView, type OpenApiDocument } from "../../server/api/docs-view-model";

describe("API docs view model", () => {
  it("splits markdown code spans out of descriptions", () => {
    expect(textRuns("Send `If-None-Match` to get 304.")).toEqual([
      { text: "Send ", code: false },
      { text: "If-None-Match", code: true },
      { text: " to get 304.", code: false },
    ]);
    expect(textRuns(null)).toEqual([]);
  });

  const doc: OpenApiDocument = {
    paths: {
      "/api/v1/things/{slug}": {
        get: {
          operationId: "getThing",
          tags: ["cases"],
          summary: "One thing",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
          responses: { 200: {}, 404: {} },
        },
      },
      "/api/v1/things": {
        get: {
          operationId: "listThings",
          tags: ["cases"],
          parameters: [{ name: "kind", in: "query", schema: { enum: ["a", "b"], examples: ["b"] } }],
          responses: { 200: {} },
        },
        post: {
          operationId: "createThing",
          tags: ["writes"],
          security: [{ bearerAuth: [] }],
          requestBody: { content: {} },
          responses: { 201: {} },
        },
      },
    },
  };

  it("groups operations by tag, known tags first, and writes curl lines for every method", () => {
    const view = toApiDocsView(doc, "https://quash.example", { cases: { slug: "doe" } });
    expect(view.groups.map((g) => g.id)).toEqual(["tag-cases", "tag-writes"]);
    const [get, list] = view.groups[0]!.operations;
    expect(get!.curl).toBe("curl -s 'https://quash.example/api/v1/things/doe'");
    expect(list!.curl).toBe("curl -s 'https://quash.example/api/v1/things?kind=b'");
    expect(list!.parameters[0]).toMatchObject({ name: "kind", in: "query string", required: false, type: "one of a, b" });
    expect(view.groups[1]!.operations[0]!.curl).toBe(
      `curl -s -X POST -H "Authorization: Bearer $QUASH_TOKEN" -H 'Content-Type: application/json' -d @record.json 'https://quash.example/api/v1/things'`,
    );
  });

  it("keeps the placeholder when no real slug is known", () => {
    const view = toApiDocsView(doc, "https://quash.example", {});
    expect(view.groups[0]!.operations[0]!.curl).toBe("curl -s 'https://quash.example/api/v1/things/{slug}'");
  });
});
