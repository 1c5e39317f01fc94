import { z } from "zod";
import { checkIsoDate } from "./civil-date";
import { DeadlineInputError } from "./errors";

/**
 * The one description of a deadline question, shared by the calculator, the CLI, the JSON API
 * and the HTML forms. Forms and the CLI send strings ("14", "on"), the API sends numbers and
 * booleans; both are accepted, and each field carries its own message for display beside it.
 */

export const MAX_PERIOD_DAYS = 1000;

export const isoDate = (label: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be a date (YYYY-MM-DD)`) })
    .superRefine((text, ctx) => {
      const checked = checkIsoDate(text);
      if (!checked.ok) ctx.addIssue({ code: "custom", message: checked.message });
    });

const WHOLE_NUMBER = /^\s*[+-]?\d+(\.\d+)?\s*$/;

export const periodDays = (label: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && WHOLE_NUMBER.test(value) ? Number(value) : value),
    z
      .number({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be a whole number of days`) })
      .int({ error: `${label} must be a whole number of days` })
      .min(0, { error: `${label} cannot be negative` })
      .max(MAX_PERIOD_DAYS, { error: `${label} must be at most ${MAX_PERIOD_DAYS}` }),
  );

const SWITCH_WORDS: Record<string, boolean> = {
  on: true,
  true: true,
  yes: true,
  "1": true,
  off: false,
  false: false,
  no: false,
  "0": false,
};

const onOff = (label: string) =>
  z.preprocess(
    (value) => (typeof value === "string" ? (SWITCH_WORDS[value.trim().toLowerCase()] ?? value) : value),
    z.boolean({ error: `${label} must be on or off` }),
  );

export const Direction = z.enum(["after", "before"], { error: 'direction must be "after" or "before"' });
export type Direction = z.output<typeof Direction>;

export const ServiceMethod = z.enum(["electronic", "mail"], {
  error: 'service must be "electronic" or "mail" (mail also covers leaving it with the clerk and other consented means)',
});
export type ServiceMethod = z.output<typeof ServiceMethod>;

export const DeadlineRequest = z.object({
  trigger: isoDate("trigger"),
  days: periodDays("days"),
  direction: Direction,
  service: ServiceMethod.default("electronic"),
  /** Count days the President closed the executive departments as legal holidays (FRCP 6(a)(6)(B)). */
  eoClosures: onOff("eoClosures").default(true),
  /** Let California holidays extend a forward period (FRCP 6(a)(6)(C)). */
  caHolidays: onOff("caHolidays").default(false),
});

export type DeadlineRequest = z.output<typeof DeadlineRequest>;

/**
 * What TypeScript callers pass to the calculator. Untyped input (form bodies, query strings, CLI
 * flags) goes through DeadlineRequest first; the calculator checks again either way.
 */
export type DeadlineRequestInput = {
  trigger: string;
  days: number;
  direction: Direction;
  service?: ServiceMethod;
  eoClosures?: boolean;
  caHolidays?: boolean;
};

/** The options a named rule takes (its days and direction are fixed). */
export const RuleOptions = DeadlineRequest.pick({ service: true, eoClosures: true, caHolidays: true });
export type RuleOptions = Pick<DeadlineRequestInput, "service" | "eoClosures" | "caHolidays">;

/** Parses with any schema and turns the first problem into a DeadlineInputError naming its field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "input";
  throw new DeadlineInputError(field, issue.message);
}
