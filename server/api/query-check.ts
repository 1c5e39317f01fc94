import { ValidationError } from "../errors";

/** The names a route's querystring schema declares (a zod object's keys); none when it has no schema. */
function declaredNames(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * Refuses a query parameter the route does not take, naming it, instead of answering as if it
 * had not been sent: a script that sends `limit` or `sort` believing it works would otherwise
 * get everything, unordered, and never know.
 */
export function refuseUnknownParameters(query: unknown, querystringSchema: unknown): void {
  const sent = Object.keys((query as Record<string, unknown> | null) ?? {});
  if (sent.length === 0) return;
  const known = declaredNames(querystringSchema);
  const unknown = sent.filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  const takes = known.length ? `this address takes ${known.join(", ")}` : "this address takes no parameters";
  throw new ValidationError(
    unknown.map((name) => ({ path: name.slice(0, 80), message: `is not a parameter here (${takes})` })),
    `Unknown query parameter${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => `"${n.slice(0, 80)}"`).join(", ")}: ${takes}.`,
  );
}
