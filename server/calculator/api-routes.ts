import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponses } from "../api/schemas";
import { DEADLINE_RULES } from "../deadlines";
import { ValidationError } from "../errors";
import { paths } from "../paths";
import { runCalculator } from "./question";
import { ComputeQuery, DeadlineComputation, DeadlineRuleList } from "./schemas";

/** The calculator and its rule catalogue as JSON; bad input is a 400 naming the parameter. */
export async function calculatorApiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    paths.api.deadlineCompute(),
    {
      schema: {
        tags: ["deadlines"],
        operationId: "computeDeadline",
        summary: "Compute a deadline",
        description:
          "Counts a period (`trigger`, `days`, `dir`) or applies a named rule (`rule`, `trigger`) under FRCP 6(a) and (d), FRAP 26 and the N.D. Cal. local rules: the due date, every step and why, the e-filing cut-off, warnings about readings the rules leave open, and the citations. Bad input (an impossible date such as 2026-02-30, a period out of range, an unknown rule) is a 400 whose `errors` name the parameter; no date is ever guessed.",
        querystring: ComputeQuery,
        response: { 200: DeadlineComputation, 400: errorResponses[400] },
      },
    },
    async (request) => {
      const outcome = runCalculator(request.query, { allowBlank: false });
      const errors = Object.entries(outcome.errors).map(([path, message]) => ({ path, message: message! }));
      if (errors.length > 0 || !outcome.answer || outcome.answer.mode === "blank") {
        throw new ValidationError(errors, `Invalid query string: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
      }
      return outcome.answer.result;
    },
  );

  app.get(
    paths.api.deadlineRules(),
    {
      schema: {
        tags: ["deadlines"],
        operationId: "listDeadlineRules",
        summary: "The rule catalogue",
        description: "Every named period the tracker computes (or records as stated), with its citation, substance and what starts the clock.",
        response: { 200: DeadlineRuleList },
      },
    },
    async () => {
      const data = DEADLINE_RULES.map((r) => ({
        code: r.code,
        name: r.name,
        citation: r.citation,
        summary: r.summary,
        trigger: r.trigger,
        kind: r.kind,
        computable: r.computable,
        days: r.computable ? r.days : null,
        direction: r.computable ? r.direction : null,
        runsFromService: r.computable ? r.runsFromService : null,
        chainedFrom: r.computable ? (r.chainedFrom ?? null) : null,
        why: r.computable ? null : r.why,
      }));
      return { data, count: data.length };
    },
  );
}
