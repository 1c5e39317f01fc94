import { STATUS_CODES } from "node:http";
import { z } from "zod";
import type { FieldError } from "../errors";

export type ProblemInput = { status: number; code: string; message: string; errors?: FieldError[] };

/**
 * An API error as RFC 9457 problem details (the `Problem` schema below). `instance`
 * is the request's path without its query string, which may hold what was refused.
 */
export function problemOf(problem: ProblemInput, url: string) {
  return {
    type: "about:blank",
    title: STATUS_CODES[problem.status] ?? "Error",
    status: problem.status,
    detail: problem.message,
    instance: url.split("?")[0]!,
    code: problem.code,
    ...(problem.errors ? { errors: problem.errors } : {}),
    error: { status: problem.status, code: problem.code, message: problem.message },
  };
}

/** The media type of every error answer (RFC 9457). */
export const PROBLEM_TYPE = "application/problem+json; charset=utf-8";

export const FieldProblem = z
  .object({
    path: z
      .string()
      .meta({ description: "The parameter or field, dotted for nested ones (`dispositions.0.motionId`); `body` for the body as a whole." }),
    message: z.string().meta({ description: "What is wrong, completing a sentence that starts with the field's name." }),
  })
  .meta({ id: "FieldProblem" });

/**
 * Every error, as RFC 9457 problem details. `type` is `about:blank` (the status says it all) and
 * `title` is the status's phrase; `detail` says what went wrong in words, `code` in a word a
 * script can switch on, and `errors` which parameters or fields. `error` repeats status, code
 * and message in the shape the API answered before it spoke RFC 9457, for scripts written then.
 */
export const ApiError = z
  .object({
    type: z.string().meta({ description: "`about:blank`: the HTTP status is the problem's type." }),
    title: z.string().meta({ description: 'The status\'s phrase ("Bad Request").' }),
    status: z.number().int(),
    detail: z.string().meta({ description: "What went wrong, in words safe to show." }),
    instance: z.string().meta({ description: "The path of the request that failed." }),
    code: z
      .string()
      .meta({ description: "The problem in one word: `invalid_input`, `not_found`, `too_many_requests`, `precondition_failed`…" }),
    errors: z.array(FieldProblem).optional().meta({ description: "With 400: every parameter or field refused, and why." }),
    error: z
      .object({ status: z.number().int(), code: z.string(), message: z.string() })
      .meta({ description: "Deprecated: status, code and detail in the API's first error shape." }),
  })
  .meta({ id: "Problem", description: "An error, as RFC 9457 `application/problem+json`. Nothing was changed." });
