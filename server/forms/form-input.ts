import type { z } from "zod";

type Row = Record<string, unknown>;
type Kind = { type: "string" | "number" | "boolean" | "enum" | "array" | "object" | "other"; nullable: boolean; inner?: z.ZodType };

/** What a form value must become for one field of an edit schema. */
function kindOf(schema: z.ZodType, nullable = false): Kind {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
      return kindOf(def.innerType as z.ZodType, nullable);
    case "nullable":
      return kindOf(def.innerType as z.ZodType, true);
    case "pipe":
      return kindOf(def.in as z.ZodType, nullable);
    case "string":
    case "number":
    case "boolean":
    case "enum":
    case "object":
      return { type: def.type, nullable, ...(def.type === "object" ? { inner: schema } : {}) };
    case "array":
      return { type: "array", nullable, inner: def.element as z.ZodType };
    default:
      return { type: "other", nullable };
  }
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const TRUE = new Set(["on", "true", "1", "yes"]);

function convert(kind: Kind, raw: unknown): unknown {
  // A hidden "false" before a checkbox sends both values; the last one is the checkbox's.
  const value = Array.isArray(raw) && kind.type !== "array" ? raw.at(-1) : raw;
  switch (kind.type) {
    case "number":
      if (value === "" || value === undefined) return kind.nullable ? null : undefined;
      return typeof value === "string" && NUMBER.test(value.trim()) ? Number(value) : value;
    case "boolean":
      return typeof value === "string" ? TRUE.has(value.toLowerCase()) : value;
    case "enum":
      return value === "" ? (kind.nullable ? null : undefined) : value;
    case "array": {
      const items = Array.isArray(raw) ? raw : raw === undefined || raw === "" ? [] : [raw];
      const element = kindOf(kind.inner!);
      return items.filter((item) => item !== "").map((item) => convert(element, item));
    }
    case "object":
      return typeof value === "object" && value !== null ? formInput(kind.inner as z.ZodObject, value) : value;
    default:
      return value;
  }
}

/** `coverage[0][subpoenaId]=3` → `{ coverage: [{ subpoenaId: "3" }] }`; other keys unchanged. */
function nest(body: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(body)) {
    const match = /^([A-Za-z_]\w*)\[(\d+)\]\[([A-Za-z_]\w*)\]$/.exec(key);
    if (!match) {
      out[key] = value;
      continue;
    }
    const [, field, index, inner] = match as unknown as [string, string, string, string];
    const list = (Array.isArray(out[field]) ? out[field] : (out[field] = [])) as Row[];
    (list[Number(index)] ??= {})[inner] = value;
  }
  for (const [key, value] of Object.entries(out)) if (Array.isArray(value)) out[key] = value.filter((v) => v !== undefined);
  return out;
}

/**
 * Turns an HTML form body (strings; unchecked boxes absent) into the JSON types an edit
 * schema takes, keeping only the schema's fields (`_csrf`, `version` and `reason` are the
 * route's). Numbers are parsed, "" becomes null or "not sent", checkboxes become booleans,
 * and `name[0][field]` inputs become lists of objects (an order's dispositions).
 * `unchecked` names the checkboxes and multi-selects the form shows: when absent from the
 * body they mean false or an empty set, not "leave unchanged".
 */
export function formInput(schema: z.ZodObject, body: unknown, options: { unchecked?: readonly string[] } = {}): Row {
  const source = nest(typeof body === "object" && body !== null ? (body as Row) : {});
  const out: Row = {};
  for (const [field, fieldSchema] of Object.entries(schema.shape)) {
    const kind = kindOf(fieldSchema as z.ZodType);
    if (!(field in source)) {
      if (options.unchecked?.includes(field)) out[field] = kind.type === "boolean" ? false : [];
      continue;
    }
    const value = convert(kind, source[field]);
    if (value !== undefined) out[field] = value;
  }
  return out;
}
