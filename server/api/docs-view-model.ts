import { paths } from "../paths";
import { OPENAPI_TAGS, SWAGGER_UI_PREFIX } from "./openapi-info";

/** The part of an OpenAPI document the docs page reads. */
type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  example?: unknown;
  examples?: unknown[];
  anyOf?: JsonSchema[];
  description?: string;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; example?: unknown; schema?: JsonSchema };
type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: unknown;
  security?: Record<string, unknown>[];
  responses?: Record<string, unknown>;
};
export type OpenApiDocument = { info?: { description?: string }; paths?: Record<string, Record<string, Operation | undefined>> };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** Splits OpenAPI's markdown `code` spans out of a description, so the template can print them as <code>. */
export function textRuns(text: string | null | undefined): { text: string; code: boolean }[] {
  if (!text) return [];
  return text
    .split(/(`[^`]+`)/)
    .filter((part) => part !== "")
    .map((part) =>
      part.startsWith("`") && part.endsWith("`") && part.length > 1 ? { text: part.slice(1, -1), code: true } : { text: part, code: false },
    );
}

function typeText(schema: JsonSchema | undefined): string {
  if (!schema) return "string";
  if (schema.enum) return `one of ${schema.enum.map((v) => String(v)).join(", ")}`;
  if (schema.anyOf) return schema.anyOf.map(typeText).join(" or ");
  return Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "string");
}

/** A value for the parameter: a real one we were given, else the example its schema declares. */
function exampleValue(p: Parameter, examples: Record<string, string>): string | undefined {
  // @fastify/swagger lifts a schema's `examples` onto the parameter as `example`.
  const declared = p.example ?? p.schema?.example ?? p.schema?.examples?.[0];
  return examples[p.name] ?? (declared === undefined ? undefined : String(declared));
}

/**
 * A curl line for the operation: path parameters filled with real values where we have them,
 * a token header when the operation needs one, a JSON body when it takes one.
 */
function curlFor(baseUrl: string, method: string, path: string, op: Operation, examples: Record<string, string>): string {
  const params = op.parameters ?? [];
  const filled = path.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const p = params.find((x) => x.in === "path" && x.name === name);
    const value = p ? exampleValue(p, examples) : undefined;
    return value ? encodeURIComponent(value) : whole;
  });
  const query = params
    .filter((p) => p.in === "query")
    .flatMap((p) => {
      const value = exampleValue(p, {});
      return value === undefined ? [] : [`${encodeURIComponent(p.name)}=${encodeURIComponent(value)}`];
    });
  const url = `${baseUrl}${filled}${query.length ? `?${query.join("&")}` : ""}`;
  const parts = ["curl -s"];
  if (method !== "get") parts.push(`-X ${method.toUpperCase()}`);
  if (op.security?.some((s) => Object.keys(s).length > 0)) parts.push(`-H "Authorization: Bearer $QUASH_TOKEN"`);
  if (op.requestBody) parts.push("-H 'Content-Type: application/json' -d @record.json");
  parts.push(`'${url}'`);
  return parts.join(" ");
}

/**
 * The /api page: every operation of the OpenAPI document, grouped by tag, with its
 * parameters and a curl line. It reads the generated document, so a new route appears here
 * as soon as it is registered. `examples` maps a path parameter to a value that exists.
 */
export function toApiDocsView(doc: OpenApiDocument, baseUrl: string, examples: Record<string, Record<string, string>>) {
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item[method];
      if (!op) return [];
      const params = op.parameters ?? [];
      const tag = op.tags?.[0] ?? "other";
      return [
        {
          tag,
          id: `op-${op.operationId ?? `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, "-").replace(/-$/, "")}`,
          method: method.toUpperCase(),
          path,
          summary: op.summary ?? `${method.toUpperCase()} ${path}`,
          description: textRuns(op.description),
          parameters: params.map((p) => ({
            name: p.name,
            in: p.in === "query" ? "query string" : p.in === "path" ? "path" : p.in,
            required: Boolean(p.required),
            type: typeText(p.schema),
            description: textRuns(p.description ?? p.schema?.description),
          })),
          statuses: Object.keys(op.responses ?? {}).join(", "),
          curl: curlFor(baseUrl, method, path, op, examples[tag] ?? {}),
        },
      ];
    }),
  );
  const known = OPENAPI_TAGS.map((t) => t.name);
  const tags = [...known, ...new Set(operations.map((o) => o.tag).filter((t) => !known.includes(t)))];
  return {
    title: "API",
    openapiHref: paths.api.openapi(),
    uiHref: `${SWAGGER_UI_PREFIX}/`,
    rootHref: paths.api.root(),
    rootUrl: `${baseUrl}${paths.api.root()}`,
    groups: tags
      .map((tag) => ({
        // An id holds no spaces (HTML's rule): "docket entries" is tag-docket-entries.
        id: `tag-${tag.replace(/[^A-Za-z0-9_-]+/g, "-")}`,
        heading: tag.charAt(0).toUpperCase() + tag.slice(1),
        description: OPENAPI_TAGS.find((t) => t.name === tag)?.description ?? null,
        operations: operations.filter((o) => o.tag === tag),
      }))
      .filter((g) => g.operations.length > 0),
  };
}

export type ApiDocsView = ReturnType<typeof toApiDocsView>;
