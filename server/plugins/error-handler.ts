import fp from "fastify-plugin";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, ValidationError, type FieldError } from "../errors";

/** "8 KB", "20.0 MB". */
const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.ceil(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** API clients get JSON; everyone else gets a page. */
export function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith("/api/");
}

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Sign in required",
  403: "Not allowed",
  404: "Page not found",
  409: "Conflict",
  412: "Precondition failed",
  413: "Too large",
  415: "Unsupported media type",
  422: "Check the form",
  429: "Too many requests",
  500: "Something went wrong",
};

/** Turns any thrown error into the status, safe message and field errors we may show. */
function describe(error: FastifyError | Error, limitBytes?: number): { status: number; code: string; message: string; errors?: FieldError[] } {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      path: issue.instancePath.replace(/^\//, "").replace(/\//g, ".") || String(issue.params?.["key"] ?? ""),
      message: issue.message ?? "is not valid",
    }));
    const where = (error as FastifyError & { validationContext?: string }).validationContext;
    return {
      status: 400,
      code: "invalid_input",
      message: `Invalid ${where === "querystring" ? "query string" : (where ?? "input")}: ${errors.map((e) => `${e.path || "value"} ${e.message}`).join("; ")}`,
      errors,
    };
  }
  if (error instanceof ValidationError) return { status: 400, code: error.code, message: error.message, errors: error.errors };
  if (error instanceof AppError) return { status: error.statusCode, code: error.code, message: error.message };
  const fastifyError = error as FastifyError;
  if (fastifyError.code === "FST_ERR_CTP_BODY_TOO_LARGE" && limitBytes !== undefined) {
    // Fastify says only "Request body is too large"; say the limit and that nothing was kept.
    return {
      status: 413,
      code: "payload_too_large",
      message: `The request is larger than ${sizeText(limitBytes)}, the limit for a form or upload (MAX_UPLOAD_BYTES). Nothing was saved.`,
    };
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (bad JSON, body too large, bad content type) have safe messages.
    return { status, code: (fastifyError.code ?? "bad_request").toLowerCase(), message: error.message };
  }
  return { status: 500, code: "internal_error", message: "The server could not complete this request. It has been logged." };
}

export async function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  described: { status: number; code: string; message: string; errors?: FieldError[] },
) {
  reply.code(described.status);
  if (wantsJson(request)) {
    return reply.type("application/json; charset=utf-8").send({
      error: { status: described.status, code: described.code, message: described.message },
      ...(described.errors ? { errors: described.errors } : {}),
    });
  }
  return reply.view("errors/show.hbs", {
    title: TITLES[described.status] ?? "Error",
    status: described.status,
    message: described.message,
    errors: described.errors,
  });
}

/** One error handler and one not-found handler for the whole app (no stack traces, ever). */
export const errorHandlerPlugin = fp(
  async (app) => {
    app.setErrorHandler(async (error: FastifyError, request, reply) => {
      const described = describe(error, app.config.maxUploadBytes);
      if (described.status >= 500) request.log.error({ err: error }, "request failed");
      return sendError(request, reply, described);
    });
    app.setNotFoundHandler(async (request, reply) =>
      sendError(request, reply, { status: 404, code: "not_found", message: `Nothing is at ${request.url.split("?")[0]}.` }),
    );
  },
  { name: "error-handler", dependencies: ["views"] },
);
