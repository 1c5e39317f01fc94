import fp from "fastify-plugin";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, ValidationError, type FieldError } from "../errors";
import { sizeText } from "../shared/bytes";
import { PROBLEM_TYPE, problemOf } from "../shared/problem";
import { toErrorPageView } from "./error-page";

/** API clients get JSON; everyone else gets a page. */
export function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith("/api/");
}

/** What a refused request is answered with; `detail` is for the log only, never the answer. */
type Described = { status: number; code: string; message: string; errors?: FieldError[]; detail?: unknown };

/** Fastify's own client errors, in words; its messages can echo the request and are logged instead. */
const CLIENT_ERRORS: Record<number, string> = {
  400: "The request could not be read. Nothing was changed.",
  405: "This address does not take that kind of request.",
  406: "This address cannot answer in the format asked for.",
  413: "The request is too large. Nothing was saved.",
  415: "The request's content type is not one this address takes. Nothing was changed.",
};

/** The parts of the address a schema refused, by name, for a page that says which without the validator's words. */
const namesOf = (errors: FieldError[]) => [
  ...new Set(errors.map((e) => e.path.split(".")[0]).filter((name) => /^[\w-]{1,40}$/.test(name ?? ""))),
];

/** Turns any thrown error into the status, safe message and field errors we may show. */
function describe(error: FastifyError | Error, request: FastifyRequest, limitBytes: number): Described {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      path: issue.instancePath.replace(/^\//, "").replace(/\//g, ".") || String(issue.params?.["key"] ?? ""),
      message: issue.message ?? "is not valid",
    }));
    const where = (error as FastifyError & { validationContext?: string }).validationContext;
    // A path that does not fit its route (`/documents/03`, `/entries/new` for an entry number) names nothing.
    if (where === "params") return { status: 404, code: "not_found", message: "Nothing is at this address.", detail: errors };
    if (wantsJson(request)) {
      return {
        status: 400,
        code: "invalid_input",
        message: `Invalid ${where === "querystring" ? "query string" : (where ?? "input")}: ${errors.map((e) => `${e.path || "value"} ${e.message}`).join("; ")}`,
        errors,
      };
    }
    const names = namesOf(errors);
    return {
      status: 400,
      code: "invalid_input",
      message: `Quash could not read ${names.length ? `the ${names.join(", ")} part of this address` : "this address"}. Check it for a typing mistake, or start again from one of the pages below.`,
      detail: errors,
    };
  }
  if (error instanceof ValidationError) return { status: 400, code: error.code, message: error.message, errors: error.errors };
  if (error instanceof AppError) return { status: error.statusCode, code: error.code, message: error.message };
  const fastifyError = error as FastifyError;
  if (fastifyError.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    // Fastify says only "Request body is too large"; say the limit and that nothing was kept.
    return {
      status: 413,
      code: "payload_too_large",
      message: `The request is larger than ${sizeText(limitBytes)}, the limit for a form or upload (MAX_UPLOAD_BYTES). Nothing was saved.`,
    };
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return {
      status,
      code: (fastifyError.code ?? "bad_request").toLowerCase(),
      message: CLIENT_ERRORS[status] ?? CLIENT_ERRORS[400]!,
      detail: error.message,
    };
  }
  return { status: 500, code: "internal_error", message: "The server could not complete this request. It has been logged." };
}

export async function sendError(request: FastifyRequest, reply: FastifyReply, described: Described) {
  reply.code(described.status);
  if (wantsJson(request)) {
    // Sent as a string: the route's response schema for this status, if any, would drop members it lacks.
    return reply.type(PROBLEM_TYPE).send(JSON.stringify(problemOf(described, request.url)));
  }
  return reply.view("errors/show.hbs", toErrorPageView(described, request.user !== null));
}

/**
 * One error handler and one not-found handler for the whole app. The answer says what went
 * wrong in plain words and never carries a stack, a path on disk or a validator's raw text;
 * the log gets the detail (5xx as errors with the stack, refusals at info).
 */
export const errorHandlerPlugin = fp(
  async (app) => {
    app.setErrorHandler(async (error: FastifyError, request, reply) => {
      const described = describe(error, request, app.config.maxUploadBytes);
      if (described.status >= 500) request.log.error({ err: error }, "request failed");
      else
        request.log.info(
          { status: described.status, code: described.code, detail: described.detail ?? described.errors ?? described.message },
          "request refused",
        );
      return sendError(request, reply, described);
    });
    app.setNotFoundHandler(async (request, reply) => {
      request.log.info({ status: 404, url: request.url }, "no route");
      return sendError(request, reply, { status: 404, code: "not_found", message: "Nothing is at this address." });
    });
  },
  { name: "error-handler", dependencies: ["views"] },
);
