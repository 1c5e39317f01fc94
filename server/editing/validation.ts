import type { z } from "zod";
import type { FieldError } from "../errors";

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
