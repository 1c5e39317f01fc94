import { z } from "zod";
import type { DeadlineStep, DeadlineWarning, RuleDeadline } from "../deadlines";

/**
 * What a computed deadline keeps in its `computation` column: the calculator's question, steps,
 * warnings and citations, so a page can explain the date exactly as it was computed even after
 * the holiday tables change. Parsed defensively: a row written by hand that does not fit shows
 * no explanation rather than breaking the page.
 */
export const StoredComputation = z.object({
  rule: z.object({ code: z.string(), citation: z.string() }).optional(),
  trigger: z.string(),
  options: z.object({ eoClosures: z.boolean(), caHolidays: z.boolean() }).optional(),
  due: z.string(),
  steps: z.array(
    z.object({ kind: z.string(), from: z.string(), to: z.string(), reason: z.string(), text: z.string(), citation: z.string() }),
  ),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), alternativeDue: z.string().optional() })),
  citations: z.array(z.string()),
});

export type StoredComputation = z.infer<typeof StoredComputation>;

export function fromRuleDeadline(result: RuleDeadline): StoredComputation {
  return {
    rule: { code: result.rule.code, citation: result.rule.citation },
    trigger: result.request.trigger,
    options: { eoClosures: result.request.eoClosures, caHolidays: result.request.caHolidays },
    due: result.due,
    steps: result.steps.map(copyStep),
    warnings: result.warnings.map(copyWarning),
    citations: [...result.citations],
  };
}

function copyStep(step: DeadlineStep): StoredComputation["steps"][number] {
  return { kind: step.kind, from: step.from, to: step.to, reason: step.reason, text: step.text, citation: step.citation };
}

function copyWarning(warning: DeadlineWarning): StoredComputation["warnings"][number] {
  return warning.alternativeDue === undefined
    ? { code: warning.code, message: warning.message }
    : { code: warning.code, message: warning.message, alternativeDue: warning.alternativeDue };
}

export function serializeComputation(computation: StoredComputation): string {
  return JSON.stringify(computation);
}

export function parseComputation(text: string | null | undefined): StoredComputation | null {
  if (!text) return null;
  try {
    const parsed = StoredComputation.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
