import { z } from "zod";
import { listOf } from "../api/schemas";
import { MAX_PERIOD_DAYS } from "../deadlines";

/*
 * The calculator's JSON API as zod schemas, for the OpenAPI document and to encode every answer
 * (keys not declared here are dropped). The query parameters are declared as text: the
 * calculator itself checks them, so an impossible date or a period out of range gets the same
 * message here as in the CLI and the form, beside the parameter's name.
 */

const text = (description: string, example?: string) =>
  z
    .string()
    .optional()
    .meta(example ? { description, example } : { description });

export const ComputeQuery = z.object({
  trigger: text(
    "The day of the triggering event, `YYYY-MM-DD`; it is not counted. Impossible dates (2026-02-30) are refused.",
    "2025-09-18",
  ),
  days: text(`Length of the period in days, a whole number from 0 to ${MAX_PERIOD_DAYS}. Not with \`rule\`.`, "14"),
  dir: text("`after` (counted forward from the trigger) or `before` (counted backward). Not with `rule`.", "after"),
  service: text(
    "`electronic` (default) or `mail` (also leaving it with the clerk or other consented means: FRCP 6(d) adds 3 days to periods that run from service).",
  ),
  eo: text("`on` (default) or `off`: count days the President closed the executive departments as legal holidays (FRCP 6(a)(6)(B))."),
  ca: text(
    "`on` or `off` (default): let California holidays extend a forward period (FRCP 6(a)(6)(C)); the answer warns with the other reading either way.",
  ),
  rule: text("A rule's code from `/api/v1/deadlines/rules` (e.g. `lr-7-3a`), instead of `days` and `dir`.", "lr-7-3a"),
});

const Step = z
  .object({
    kind: z.enum(["count", "weekend", "federal-holiday", "executive-closure", "california-holiday", "service-by-mail"]),
    from: z.string(),
    to: z.string(),
    reason: z.string().meta({ description: 'Short: "Saturday", "Christmas Day", "service by mail".' }),
    text: z.string().meta({ description: "The step as a sentence with its rule." }),
    citation: z.string(),
  })
  .meta({ id: "DeadlineStep", description: "One move of the date and the rule that makes it." });

const Warning = z
  .object({
    code: z.enum(["inauguration-day", "california-holiday", "executive-closure", "closures-not-recorded", "service-not-applicable"]),
    message: z.string(),
    alternativeDue: z.string().optional().meta({ description: "The due date under the other reading, when there is one." }),
  })
  .meta({ id: "DeadlineWarning", description: "A reading the rules leave open, or something to check." });

export const DeadlineComputation = z
  .object({
    request: z
      .object({
        trigger: z.string(),
        days: z.number().int(),
        direction: z.enum(["after", "before"]),
        service: z.enum(["electronic", "mail"]),
        eoClosures: z.boolean(),
        caHolidays: z.boolean(),
      })
      .meta({ description: "The question as understood, defaults filled in." }),
    rule: z
      .object({
        code: z.string(),
        name: z.string(),
        citation: z.string(),
        kind: z.enum(["filing-deadline", "hearing-floor", "private-window"]),
      })
      .optional()
      .meta({ description: "With `rule`: the rule applied." }),
    due: z.string().meta({ description: "The due date, `YYYY-MM-DD`.", example: "2025-10-02" }),
    weekday: z.string(),
    steps: z.array(Step),
    cutoff: z
      .object({
        at: z
          .string()
          .meta({ description: "The instant e-filing closes (midnight in the court's zone), UTC.", example: "2025-10-03T07:00:00Z" }),
        timeZone: z.string(),
        utcOffset: z.string(),
        citation: z.string(),
      })
      .meta({
        description: "When electronic filing closes on the due day (FRCP 6(a)(4)(A)); for a hearing floor it is only the end of that day.",
      }),
    warnings: z.array(Warning),
    citations: z.array(z.string()).meta({ description: "Every rule relied on, most specific first." }),
  })
  .meta({
    id: "DeadlineComputation",
    description: "A deadline computed under FRCP 6 / FRAP 26 and the N.D. Cal. local rules, with every step.",
  });

export const DeadlineRuleRecord = z
  .object({
    code: z.string(),
    name: z.string(),
    citation: z.string(),
    summary: z.string().meta({ description: "The rule's substance in the tracker's words." }),
    trigger: z.string().meta({ description: "What starts the clock." }),
    kind: z.enum(["filing-deadline", "hearing-floor", "private-window"]),
    computable: z.boolean().meta({ description: "False for dates recorded as stated (a platform's notice window), never computed." }),
    days: z.number().int().nullable(),
    direction: z.enum(["after", "before"]).nullable(),
    runsFromService: z.boolean().nullable().meta({ description: "Only periods that run from service get FRCP 6(d)'s 3 days for mail." }),
    chainedFrom: z
      .string()
      .nullable()
      .meta({ description: "The rule whose due date starts this one (the reply counts from the opposition's due date)." }),
    why: z.string().nullable().meta({ description: "For rules that are not computed: why." }),
  })
  .meta({ id: "DeadlineRule" });

export const DeadlineRuleList = listOf(DeadlineRuleRecord, "One page of the rule catalogue, in its order.");
