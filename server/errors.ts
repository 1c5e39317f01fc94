import type { z } from "zod";

/**
 * Every error the app raises on purpose. Each carries a status code and a message that is
 * safe to show; the error handler turns them into pages or JSON. Anything else is a 500
 * whose internal message is logged, never shown.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(message = "This page does not exist.") {
    super(404, message, "not_found");
  }
}

export type FieldError = { path: string; message: string };

/** Input that failed validation; `errors` name the fields. */
export class ValidationError extends AppError {
  constructor(
    readonly errors: FieldError[],
    message = "Some of the input is not valid.",
  ) {
    super(400, message, "invalid_input");
  }
}

/** Saving over a newer version of a record (a form posted from a stale page). */
export class VersionConflictError extends AppError {
  constructor(
    readonly recordType: string,
    readonly recordId: string | number,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      409,
      `This record was changed by someone else (version ${currentVersion}, you started from ${expectedVersion}). Nothing was saved.`,
      "version_conflict",
    );
  }
}

/** A state the request may not move the record into. */
export class ConflictError extends AppError {
  constructor(message: string) {
    super(409, message, "conflict");
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Sign in to continue.") {
    super(401, message, "unauthorized");
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "Your account may not do this.") {
    super(403, message, "forbidden");
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super(413, message, "payload_too_large");
  }
}

/** Too many attempts (sign-in, bad API tokens) from one client; `retryAfterSeconds` says when to try again. */
export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, message, "too_many_requests");
  }
}

/** An edit that did not say which version it started from (a PATCH without If-Match). */
export class PreconditionRequiredError extends AppError {
  constructor(message: string) {
    super(428, message, "precondition_required");
  }
}

/**
 * The API's form of a version conflict: the If-Match version is not the stored one, so
 * nothing was written. `currentVersion` lets a script reload and retry.
 */
export class PreconditionFailedError extends AppError {
  constructor(
    message: string,
    readonly currentVersion: number,
  ) {
    super(412, message, "precondition_failed");
  }
}

/**
 * An edit schema's failure as field errors, the same for the API (`{ errors: [...] }`) and the
 * forms (an error beside each field): `path` is the field, dotted for nested ones
 * (`dispositions.0.motionId`), `body` for the input as a whole.
 */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: "is not a field that can be set here" }));
    }
    if (path === "") return [{ path: "body", message: "must be a JSON object with the record's fields" }];
    return [{ path, message: issue.message }];
  });
}

/** Field errors keyed by field, for templates that print the message beside each input. */
export function errorsByField(errors: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) out[error.path] ??= error.message;
  return out;
}
