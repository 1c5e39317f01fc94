import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";

/*
 * Checks real answers against the OpenAPI document the app serves, as an outside audit would:
 * the document's schemas are JSON Schema 2020-12 (OpenAPI 3.1), compiled by ajv, and an answer
 * is checked against the schema of its operation, status and media type.
 */

type Operation = { responses?: Record<string, { content?: Record<string, { schema: unknown }> }> };
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; components: Record<string, unknown> };

const pointer = (part: string) => part.replace(/~/g, "~0").replace(/\//g, "~1");

export function answerChecker(document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: "openapi" });
  const compiled = new Map<string, ValidateFunction>();
  const templates = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
  }));

  /** The document's path template for a concrete path (the most literal one when several match). */
  function templateOf(path: string): string | undefined {
    const matches = templates.filter((t) => t.pattern.test(path)).map((t) => t.template);
    return matches.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))[0];
  }

  /** Errors (empty when it conforms) of one answer: its path, method, status, media type and JSON body. */
  return function check(answer: { path: string; method: string; status: number; contentType: string; body: unknown }): string[] {
    const template = templateOf(answer.path.split("?")[0]!);
    if (!template) return [`${answer.path}: no path of the document matches`];
    const operation = document.paths[template]![answer.method.toLowerCase()];
    if (!operation) return [`${answer.method} ${template}: not in the document`];
    const response = operation.responses?.[String(answer.status)];
    if (!response) return [`${answer.method} ${template}: status ${answer.status} not documented`];
    const mediaType = answer.contentType.split(";")[0]!.trim();
    if (!response.content)
      return answer.body === undefined ? [] : [`${answer.method} ${template} ${answer.status}: a body where none is documented`];
    if (!response.content[mediaType])
      return [
        `${answer.method} ${template} ${answer.status}: media type ${mediaType} not documented (${Object.keys(response.content).join(", ")})`,
      ];
    const ref = `openapi#/paths/${pointer(template)}/${answer.method.toLowerCase()}/responses/${answer.status}/content/${pointer(mediaType)}/schema`;
    let validate = compiled.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      compiled.set(ref, validate);
    }
    if (validate(answer.body)) return [];
    return (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${answer.method} ${answer.path} ${answer.status}: ${e.instancePath} ${e.message}`);
  };
}
