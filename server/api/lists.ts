import { z } from "zod";
import { ValidationError } from "../errors";
import { parseIsoDate } from "../deadlines/civil-date";

const isRealIsoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && parseIsoDate(value) !== undefined;

/*
 * How every list of the API pages, filters, orders and selects, after CourtListener's REST v4:
 * - `page_size` (at most MAX_PAGE_SIZE) and an opaque `cursor`; each answer links the `next`
 *   and `previous` pages. A cursor holds the sort key of the item it follows (keyset paging),
 *   never an offset, so a record added or removed meanwhile neither repeats nor skips one;
 * - filters named after the fields (`court`, `judge`, `kind`), `__in` for several values
 *   (comma-separated), `__gte`/`__lte`/`__gt`/`__lt` on dates;
 * - `order_by` one field, `-` for descending (ties broken by the list's own order);
 * - `fields` or `omit` (comma-separated top-level members) to answer with only some members.
 * A list declares its filters and orderings once (a ListSpec); the query schema, and so the
 * OpenAPI parameters and their 400s, are made from it.
 */

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 100;

/** A sort key: compared member by member; null after every value. */
export type SortKey = (string | number | null)[];

type FilterValue = string | number | boolean | null;

export type ListFilter<I> =
  | {
      type: "enum";
      values: readonly [string, ...string[]];
      description: string;
      example?: string;
      of: (item: I) => FilterValue | FilterValue[];
    }
  | { type: "text"; description: string; example?: string; of: (item: I) => FilterValue | FilterValue[] }
  | { type: "date"; description: string; of: (item: I) => string | null };

export type ListSpec<I> = {
  /** The list's own order (the site's order), as a key; its last member must be unique. */
  key: (item: I) => SortKey;
  /** What the list can be filtered by, under the query parameter's name. */
  filters: Record<string, ListFilter<I>>;
  /** What `order_by` may name, and the key it sorts by (the list's own key breaks ties). */
  orderings: Record<string, (item: I) => SortKey>;
  /** Parameters a list keeps from before (a filter of its loader's own, such as the timeline's `year`), with their schemas. */
  extra?: Record<string, z.ZodType>;
};

export type ListRow<I> = { item: I; key: SortKey };

const csv = (value: string) =>
  value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

const dateParam = (description: string) =>
  z.string().refine(isRealIsoDate, { message: "must be a calendar day, YYYY-MM-DD" }).optional().meta({ description });

/** The query string a list takes, built from its spec so the OpenAPI document lists every parameter. */
export function listQuery<I>(spec: ListSpec<I>) {
  const orderNames = Object.keys(spec.orderings);
  const shape: Record<string, z.ZodType> = {
    page_size: z.coerce
      .number({ message: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
      .int(`must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
      .min(1, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
      .max(MAX_PAGE_SIZE, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
      .optional()
      .meta({ description: `Items per page, at most ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` }),
    cursor: z
      .string()
      .max(1000)
      .optional()
      .meta({ description: "Where the page starts: copy it from an answer's `next` or `previous` link; never build it." }),
    ...(orderNames.length
      ? {
          order_by: z
            .enum([...orderNames, ...orderNames.map((n) => `-${n}`)] as [string, ...string[]])
            .optional()
            .meta({
              description: `Sort by one field, \`-\` first for descending: ${orderNames.map((n) => `\`${n}\``).join(", ")}. Without it, the site's own order.`,
            }),
        }
      : {}),
    fields: z
      .string()
      .max(1000)
      .optional()
      .meta({ description: "Only these members of each item, comma-separated (`slug,docketNumber`)." }),
    omit: z
      .string()
      .max(1000)
      .optional()
      .meta({ description: "Every member of each item but these, comma-separated (`sources,conflicts`)." }),
    ...spec.extra,
  };
  for (const [name, filter] of Object.entries(spec.filters)) {
    if (filter.type === "date") {
      shape[name] = dateParam(`${filter.description} On this day (compares the earliest day the date can be; unknown dates never match).`);
      shape[`${name}__gte`] = dateParam(`${filter.description} On or after this day.`);
      shape[`${name}__lte`] = dateParam(`${filter.description} On or before this day.`);
      shape[`${name}__gt`] = dateParam(`${filter.description} After this day.`);
      shape[`${name}__lt`] = dateParam(`${filter.description} Before this day.`);
      continue;
    }
    const one = filter.type === "enum" ? z.enum(filter.values) : z.string().min(1).max(200);
    // An example is what the API page's curl line sends, so only real, useful values are given one.
    shape[name] = one.optional().meta({ description: filter.description, ...(filter.example ? { examples: [filter.example] } : {}) });
    shape[`${name}__in`] = z
      .string()
      .max(2000)
      .superRefine((value, ctx) => {
        if (filter.type !== "enum") {
          if (csv(value).some((v) => v.length > 200)) ctx.addIssue({ code: "custom", message: "has a value longer than 200 characters" });
          return;
        }
        const bad = csv(value).filter((v) => !filter.values.includes(v));
        if (bad.length)
          ctx.addIssue({
            code: "custom",
            message: `has ${bad.map((b) => `"${b.slice(0, 40)}"`).join(", ")}, not among ${filter.values.join(", ")}`,
          });
      })
      .optional()
      .meta({ description: `${filter.description} Any of these, comma-separated.` });
  }
  return z.object(shape);
}

type Query = Record<string, unknown>;

function matches<I>(item: I, spec: ListSpec<I>, query: Query): boolean {
  for (const [name, filter] of Object.entries(spec.filters)) {
    if (filter.type === "date") {
      const day = filter.of(item);
      const bounds: [string, (d: string, v: string) => boolean][] = [
        ["", (d, v) => d === v],
        ["__gte", (d, v) => d >= v],
        ["__lte", (d, v) => d <= v],
        ["__gt", (d, v) => d > v],
        ["__lt", (d, v) => d < v],
      ];
      for (const [suffix, test] of bounds) {
        const value = query[`${name}${suffix}`];
        if (typeof value === "string" && (day === null || !test(day, value))) return false;
      }
      continue;
    }
    const has = [filter.of(item)].flat().map((v) => (v === null ? null : String(v)));
    const one = query[name];
    if (typeof one === "string" && !has.includes(one)) return false;
    const any = query[`${name}__in`];
    if (typeof any === "string" && !csv(any).some((v) => has.includes(v))) return false;
  }
  return true;
}

/** A date filter's comparison, by its parameter's suffix (`date_signed__gte` → gte). */
export type DateBound = "eq" | "gte" | "lte" | "gt" | "lt";

/** The filters a query sends: for each value filter one set of values per parameter (`kind`, `kind__in`), each of which must hold; date bounds. */
export type SentFilters = { values: { name: string; anyOf: string[] }[]; dates: { name: string; bound: DateBound; day: string }[] };

/**
 * The filters of a list's spec as the query sends them, for a list that cuts its page in SQL
 * (server/orders/repository.ts) with the meaning matches() gives them in memory: every
 * parameter sent must hold; `__in` is any of its comma-separated values (none: nothing matches);
 * a date bound never matches an unknown date.
 */
export function sentFilters<I>(spec: ListSpec<I>, query: Query): SentFilters {
  const sent: SentFilters = { values: [], dates: [] };
  for (const [name, filter] of Object.entries(spec.filters)) {
    if (filter.type === "date") {
      for (const [suffix, bound] of [
        ["", "eq"],
        ["__gte", "gte"],
        ["__lte", "lte"],
        ["__gt", "gt"],
        ["__lt", "lt"],
      ] as const) {
        const value = query[`${name}${suffix}`];
        if (typeof value === "string") sent.dates.push({ name, bound, day: value });
      }
      continue;
    }
    const one = query[name];
    if (typeof one === "string") sent.values.push({ name, anyOf: [one] });
    const any = query[`${name}__in`];
    if (typeof any === "string") sent.values.push({ name, anyOf: csv(any) });
  }
  return sent;
}

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x).localeCompare(String(y), "en") || (String(x) < String(y) ? -1 : 1);
  }
  return 0;
}

export type Cursor = { order: string; after?: SortKey; before?: SortKey };

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");

export function decodeCursor(value: string, order: string): Cursor {
  const refuse = (why: string) =>
    new ValidationError([{ path: "cursor", message: why }], `The cursor ${why}. Start again from the list's first page.`);
  let cursor: Cursor;
  try {
    cursor = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Cursor;
  } catch {
    throw refuse("is not one this list gave out");
  }
  const key = cursor?.after ?? cursor?.before;
  if (typeof cursor !== "object" || cursor === null || typeof cursor.order !== "string" || !Array.isArray(key))
    throw refuse("is not one this list gave out");
  if (!key.every((k) => k === null || typeof k === "string" || typeof k === "number")) throw refuse("is not one this list gave out");
  if (cursor.order !== order) throw refuse(`was given for order_by=${cursor.order || "(the list's own order)"}`);
  return cursor;
}

/** One member selection (`fields` or `omit`), checked against the members the items have. */
function selection(query: Query, members: string[]): ((item: Record<string, unknown>) => Record<string, unknown>) | null {
  const fields = typeof query["fields"] === "string" ? csv(query["fields"]) : null;
  const omit = typeof query["omit"] === "string" ? csv(query["omit"]) : null;
  if (!fields && !omit) return null;
  if (fields && omit) throw new ValidationError([{ path: "omit", message: "cannot be sent with fields; send one of them" }]);
  const asked = (fields ?? omit)!;
  const unknown = asked.filter((name) => !members.includes(name));
  if (unknown.length) {
    throw new ValidationError([
      {
        path: fields ? "fields" : "omit",
        message: `names ${unknown.map((n) => `"${n.slice(0, 40)}"`).join(", ")}, not members of this list's items (${members.join(", ")})`,
      },
    ]);
  }
  return (item) => Object.fromEntries(Object.entries(item).filter(([name]) => (fields ? fields.includes(name) : !omit!.includes(name))));
}

export type Page<I> = { items: I[]; next: string | null; previous: string | null };

/**
 * Filters, orders and cuts one page of a list. `rows` are the whole list in any order, each with
 * its item and its key in the list's own order; `linkTo` makes a page's URL from its query.
 */
export function pageOf<I>(rows: ListRow<I>[], spec: ListSpec<I>, query: Query, linkTo: (query: Query) => string): Page<I> {
  const pageSize = typeof query["page_size"] === "number" ? query["page_size"] : DEFAULT_PAGE_SIZE;
  const orderBy = typeof query["order_by"] === "string" ? query["order_by"] : "";
  const descending = orderBy.startsWith("-");
  const ordering = orderBy ? spec.orderings[orderBy.replace(/^-/, "")] : undefined;
  const keyOf = (row: ListRow<I>): SortKey => (ordering ? [...ordering(row.item), ...row.key] : row.key);
  const compare = (a: SortKey, b: SortKey) => (descending ? -compareKeys(a, b) : compareKeys(a, b));

  const sorted = rows
    .filter((row) => matches(row.item, spec, query))
    .map((row) => ({ row, key: keyOf(row) }))
    .sort((a, b) => compare(a.key, b.key));
  const cursor = typeof query["cursor"] === "string" ? decodeCursor(query["cursor"], orderBy) : null;

  let start = 0;
  let end: number;
  if (cursor?.after) {
    start = sorted.findIndex((r) => compare(r.key, cursor.after!) > 0);
    if (start < 0) start = sorted.length;
    end = Math.min(sorted.length, start + pageSize);
  } else if (cursor?.before) {
    end = sorted.findIndex((r) => compare(r.key, cursor.before!) >= 0);
    if (end < 0) end = sorted.length;
    start = Math.max(0, end - pageSize);
  } else {
    end = Math.min(sorted.length, pageSize);
  }
  const page = sorted.slice(start, end);
  const { cursor: _drop, ...rest } = query;
  const link = (c: Cursor) => linkTo({ ...rest, cursor: encodeCursor(c) });
  return {
    items: page.map((r) => r.row.item),
    next: end < sorted.length && page.length ? link({ order: orderBy, after: page.at(-1)!.key }) : null,
    previous: start > 0 && page.length ? link({ order: orderBy, before: page[0]!.key }) : null,
  };
}

/** The `fields`/`omit` selection applied to encoded items; items are unchanged without one. */
export function selectMembers(items: Record<string, unknown>[], query: Query, members: string[]): Record<string, unknown>[] {
  const select = selection(query, members);
  return select ? items.map(select) : items;
}
