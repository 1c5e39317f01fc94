import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import type { z } from "zod";
import { PayloadTooLargeError, PreconditionRequiredError, ValidationError, fieldErrors } from "../errors";

/*
 * How the write API reads a request: JSON bodies only, within a size limit; field errors in
 * the API's shape; the version an edit started from (If-Match) and why (X-Reason).
 */

/** Largest JSON body the write API reads (1 MiB); a larger one is refused with 413 before it is parsed. */
export const API_BODY_LIMIT = 1024 * 1024;
export const REASON_MAX = 500;

/** `"3"`, `W/"3"` or `3` → 3. */
export function versionFrom(header: string | undefined, required: boolean): number | undefined {
  if (header === undefined || header.trim() === "") {
    if (!required) return undefined;
    throw new PreconditionRequiredError(
      'Send the version your edit started from: If-Match: "<version>" (the record\'s ETag). Nothing was changed.',
    );
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new ValidationError([{ path: "If-Match", message: 'must be the record\'s version in quotes, such as "3"' }]);
  return Number(match[1]);
}

export function reasonFrom(request: FastifyRequest): string | null {
  const header = request.headers["x-reason"];
  const reason = (Array.isArray(header) ? header.join(" ") : (header ?? "")).trim();
  if (reason.length > REASON_MAX) throw new ValidationError([{ path: "X-Reason", message: `must be at most ${REASON_MAX} characters` }]);
  return reason || null;
}

export const etag = (record: { version: number }) => `"${record.version}"`;

/**
 * Sets up one encapsulated route module (the write API) to take JSON only, parsed by
 * Fastify's own parser (prototype-poisoning safe): a body that is not JSON is a field error
 * like any other, a form post is 415, and schema failures become `{ errors: [{ path, message }] }`.
 */
export function acceptJsonOnly(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser(["application/json", "application/x-www-form-urlencoded"]);
  app.addContentTypeParser("application/json", { parseAs: "string", bodyLimit: API_BODY_LIMIT }, (request, body, done) => {
    if (body === "") return done(null, undefined);
    parseJson(request, String(body), (error, value) => {
      if (error)
        done(new ValidationError([{ path: "body", message: "is not valid JSON" }], "The request body is not valid JSON."), undefined);
      else done(null, value);
    });
  });
  // Say the limit instead of Fastify's bare "Request body is too large"; the app's error handler answers.
  app.setErrorHandler(async (error: FastifyError) => {
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      throw new PayloadTooLargeError(
        `The request body is larger than ${API_BODY_LIMIT / (1024 * 1024)} MiB, the write API's limit. Nothing was changed.`,
      );
    }
    throw error;
  });
  app.setValidatorCompiler(({ schema }) => (data) => {
    const result = (schema as z.ZodType).safeParse(data);
    return result.success ? { value: result.data } : { error: new ValidationError(fieldErrors(result.error)) };
  });
}
