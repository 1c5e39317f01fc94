import fp from "fastify-plugin";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { SwaggerTransform, SwaggerTransformObject } from "@fastify/swagger";
import { createJsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { OPENAPI_TAGS, SWAGGER_UI_PREFIX } from "../api/openapi-info";
import { applyApiConventions } from "../api/openapi-conventions";
import { paths } from "../paths";

export const API_PREFIX = "/api/v1";

const zodTransform = createJsonSchemaTransform({});

/**
 * Only routes under /api/v1 belong in the document. Every other route (pages, assets, the UI
 * itself) is hidden here rather than route by route, so a new page can never leak into it
 * and a new API route, read or write, is picked up from its zod schemas with no extra step.
 */
const transform: SwaggerTransform = (document) => {
  if (!document.url.startsWith(API_PREFIX) || document.url === paths.api.openapi()) {
    return { schema: { ...document.schema, hide: true }, url: document.url };
  }
  return zodTransform(document as Parameters<typeof zodTransform>[0]);
};

/**
 * Components from zod's registry come in an input and an output flavour; the read API only
 * answers with output shapes, so input copies nobody refers to are dropped to keep the
 * document readable. Input schemas that request bodies do use stay.
 */
const COMPONENT_REF = /"#\/components\/schemas\/([^"]+)"/g;

function componentsReferenced(document: object, schemas: Record<string, unknown>): Set<string> {
  const refsIn = (value: unknown) => [...JSON.stringify(value ?? null).matchAll(COMPONENT_REF)].map((m) => decodeURIComponent(m[1]!));
  const seen = new Set<string>();
  const queue = refsIn(document);
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...refsIn(schemas[name]));
  }
  return seen;
}

const transformObject =
  (quota: number): SwaggerTransformObject =>
  (document) => {
    const object = jsonSchemaTransformObject(document) as {
      components?: { schemas?: Record<string, unknown> };
      paths?: Record<string, Record<string, object>>;
    };
    applyApiConventions(object, quota);
    const schemas = object.components?.schemas;
    if (schemas) {
      const used = componentsReferenced({ ...object, components: { ...object.components, schemas: {} } }, schemas);
      for (const name of Object.keys(schemas)) {
        if (name.endsWith("Input") && !used.has(name)) delete schemas[name];
      }
    }
    return object as ReturnType<SwaggerTransformObject>;
  };

/**
 * Swagger UI's bundle injects one <style> element at start-up. Only its hash is allowed, and
 * only on the UI's own routes (swagger-ui applies this to them alone); the rest of the site
 * keeps `style-src 'self'`. A new swagger-ui version may change the element: the browser test
 * test/browser/api-docs.test.ts reports the new hash.
 */
const SWAGGER_UI_STYLE_HASH = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

function allowSwaggerUiStyle(header: string): string {
  return header.replace(/style-src 'self'/, `style-src 'self' ${SWAGGER_UI_STYLE_HASH}`);
}

/**
 * The OpenAPI 3.1 document of the JSON API, generated from the zod schemas of the routes
 * (params, querystring, body, responses), at /api/v1/openapi.json, and the interactive
 * Swagger UI at /api/docs. Register this before any route module: @fastify/swagger collects
 * routes as they are added.
 */
export const openapiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: "3.1.0",
        info: {
          title: "Quash public API",
          version: "1.0.0",
          description: [
            "JSON of the Quash docket tracker. The public reads (`security: []`) answer anyone with the same public records as the pages, through the same public projection; the writes (create, change, delete, restore, strike, publish) need a staff API token (`bearerAuth`).",
            "Sealed entries appear as placeholders, free text is redacted under FRCP 5.2, and every record carries the `sources` behind it.",
            "Dates are `YYYY-MM-DD`; dates known only roughly are `FuzzyDate` objects `{ date, latest, precision, label }`.",
            "Lists page with a cursor: `page_size` (at most 100) and the `next` and `previous` links of each answer; they filter by field (`court`, `judge`, `date_filed__gte`…, `__in` for several values), order with `order_by` (`-` for descending) and select members with `fields` or `omit`. A parameter a list does not know is refused with 400, never ignored.",
            `Public reads are limited to ${app.config.apiRequestsPerMinute} requests a minute per client (by address); every answer says where the client stands in \`RateLimit-Limit\`, \`RateLimit-Remaining\` and \`RateLimit-Reset\`, and one over the quota is 429 with \`Retry-After\`. They may be read from any origin (CORS, without credentials); writes are never allowed cross-origin.`,
            "Answers carry an ETag (send `If-None-Match` to get 304) and are compressed when asked (`Accept-Encoding: gzip` or `br`).",
            "Errors are RFC 9457 `application/problem+json`: `{ type, title, status, detail, instance, code, errors?: [{ path, message }] }`.",
          ].join("\n\n"),
          license: { name: "MIT", identifier: "MIT" },
        },
        servers: [{ url: app.config.publicUrl }],
        tags: OPENAPI_TAGS,
        components: {
          // Write routes declare `security: [{ bearerAuth: [] }]` in their schema; reads need nothing.
          securitySchemes: {
            bearerAuth: {
              type: "http",
              scheme: "bearer",
              description: "A staff API token, sent as `Authorization: Bearer <token>`. Only the write endpoints need one.",
            },
          },
        },
      },
      transform,
      transformObject: transformObject(app.config.apiRequestsPerMinute),
    });

    await app.register(swaggerUi, {
      routePrefix: SWAGGER_UI_PREFIX,
      // The UI's scripts and styles are its own files served from 'self', so the site-wide CSP
      // holds; the spec validator badge (an image from swagger.io) is turned off.
      validatorUrl: false,
      uiConfig: { deepLinking: true, docExpansion: "list", defaultModelsExpandDepth: 0 },
      transformStaticCSP: allowSwaggerUiStyle,
    });

    // In its own context only so the route table names it (server/plugins/route-table.ts).
    await app.register(async function openapiDocument(scope) {
      scope.get(paths.api.openapi(), { schema: { hide: true } }, async (_request, reply) =>
        reply.type("application/json; charset=utf-8").send(app.swagger()),
      );
    });
  },
  { name: "openapi", dependencies: ["context"] },
);
