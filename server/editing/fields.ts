import { z } from "zod";
import { DATE_PRECISIONS } from "../../db/schema";
import { RECORD_TABLES, type EditableType } from "../records/tables";
import { isCalendarDate } from "../shared/dates";

/*
 * Field builders for the edit schemas. Each takes JSON types (the API's); HTML forms go
 * through `formInput` first, which turns form strings into these types. Messages complete
 * a sentence that starts with the field's name: "dateFiled must be a real date…".
 */

/** "is required" when the field is missing, "must be <what>" when it has the wrong type. */
const typed = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : `must be ${what}`),
});

const DATE_MESSAGE = "must be a real date in YYYY-MM-DD form";

/** Empty text means "no value": a cleared form field, or "" sent by a script. */
function blankToNull<T extends z.ZodType<string>>(schema: T) {
  return schema
    .nullable()
    .transform((value) => (value === "" ? null : value))
    .optional();
}

/*
 * Control characters. A one-line field (a label, a caption, a place) holds none: a line break
 * there is a typo or an attack, and it would reach one-line outputs raw (an iCalendar property,
 * an HTTP header, a CSV cell). Text typed in a text area may break lines (LF, CR LF, tab) but
 * holds no other control character (NUL, VT, ESC, the Unicode line separators…).
 */

const ONE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const MULTILINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;

type TextOptions = { multiline?: boolean };

function plainText(max: number, options: TextOptions) {
  const forbidden = options.multiline ? MULTILINE_FORBIDDEN : ONE_LINE_FORBIDDEN;
  const message = options.multiline ? "must not contain control characters" : "must be one line, without line breaks or control characters";
  return z
    .string(typed("text"))
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !forbidden.test(v), message);
}

/** One line of text unless `{ multiline: true }` (a text area). */
export function requiredText(max: number, options: TextOptions = {}) {
  return plainText(max, options).refine((v) => v.length > 0, { message: "is required", abort: true });
}

export function optionalText(max: number, options: TextOptions = {}) {
  return blankToNull(plainText(max, options));
}

export function requiredDate() {
  // `abort`: an empty date is "required", not also "not a real date".
  return z
    .string(typed("a date in YYYY-MM-DD form"))
    .trim()
    .min(1, { message: "is required", abort: true })
    .refine(isCalendarDate, DATE_MESSAGE);
}

export function optionalDate() {
  return blankToNull(
    z
      .string(typed("a date in YYYY-MM-DD form"))
      .trim()
      .refine((v) => v === "" || isCalendarDate(v), DATE_MESSAGE),
  );
}

export function integer(min: number, max: number) {
  return z
    .number(typed("a whole number"))
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

export function optionalInteger(min: number, max: number) {
  return integer(min, max).nullable().optional();
}

/** The numeric id of another record; whether it exists is checked by the write service. */
export function recordId() {
  return z
    .number(typed("the numeric id of a record"))
    .int("must be the numeric id of a record")
    .positive("must be the numeric id of a record")
    .max(2 ** 31 - 1, "must be the numeric id of a record");
}

export function optionalRecordId() {
  return recordId().nullable().optional();
}

export function flag() {
  return z.boolean(typed("true or false"));
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? "is required" : `must be one of: ${values.join(", ")}`),
  });
}

export function optionalOneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return oneOf(values).nullable().optional();
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The record's address in URLs; made from its name when left out. */
export function optionalSlug() {
  return blankToNull(
    z
      .string(typed("text"))
      .trim()
      .max(120, "must be at most 120 characters")
      .refine((v) => v === "" || SLUG.test(v), "may contain only lowercase letters, digits and single hyphens"),
  );
}

/** Only http(s) addresses: a `javascript:` URL must never become a link on a page. */
export function optionalUrl() {
  return blankToNull(
    z
      .string(typed("text"))
      .trim()
      .max(2000, "must be at most 2000 characters")
      .refine((v) => v === "" || isWebAddress(v), "must be a web address starting with https:// or http://"),
  );
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

export function optionalTime() {
  return blankToNull(
    z
      .string(typed("text"))
      .trim()
      .refine((v) => v === "" || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), "must be a time like 09:30 (24-hour clock)"),
  );
}

/** A set of record ids (a motion's movants); the whole set is replaced when sent. */
export function idSet(max = 200) {
  return z
    .array(recordId(), typed("a list of record ids"))
    .max(max, `must have at most ${max} items`)
    .refine((ids) => new Set(ids).size === ids.length, "must not name the same record twice");
}

/**
 * The four columns of a date that may be known only roughly (see db/schema/columns.ts):
 * `<name>` (earliest possible day), `<name>Latest`, `<name>Precision`, `<name>Label`.
 */
export function fuzzyDate<const N extends string>(name: N) {
  return {
    [name]: optionalDate(),
    [`${name}Latest`]: optionalDate(),
    [`${name}Precision`]: optionalOneOf(DATE_PRECISIONS),
    [`${name}Label`]: optionalText(100),
  } as {
    [K in N | `${N}Latest`]: ReturnType<typeof optionalDate>;
  } & { [K in `${N}Precision`]: ReturnType<typeof optionalOneOf<typeof DATE_PRECISIONS>> } & {
    [K in `${N}Label`]: ReturnType<typeof optionalText>;
  };
}

/** Every record type a link may name ("any record"). */
export const LINKABLE_TYPES = Object.keys(RECORD_TABLES) as [EditableType, ...EditableType[]];

/** Ids are numbers, except courts' (`cand`); links store them as text. */
export const AnyRecordId = z
  .union([z.number().int().positive(), z.string().trim().min(1).max(100)], { error: "must be a record id" })
  .transform(String);
