import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { listQuery, type ListSpec } from "../api/lists";
import { errorResponses } from "../api/schemas";
import { sendList } from "../api/send-list";
import { DEADLINE_RULES } from "../deadlines";
import { ValidationError } from "../errors";
import { paths } from "../paths";
import { runCalculator } from "./question";
import { ComputeQuery, DeadlineComputation, DeadlineRuleList } from "./schemas";

type RuleItem = ReturnType<typeof ruleRows>[number]["item"];

const RULE_LIST: ListSpec<RuleItem> = {
  key: () => [],
  filters: {
    kind: {
      type: "enum",
      values: ["filing-deadline", "hearing-floor", "private-window"],
      description: "Only rules of this kind.",
      of: (r) => r.kind,
    },
    computable: {
      type: "enum",
      values: ["true", "false"],
      description: "Only rules the tracker computes (`true`) or only those it records as stated (`false`).",
      of: (r) => r.computable,
    },
  },
  orderings: { code: (r) => [r.code], name: (r) => [r.name] },
};

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
        description:
          "The named periods the tracker computes (or records as stated), with their citation, substance and what starts the clock, a page at a time. Filter by `kind` or `computable`; order with `order_by`; pick members with `fields` or `omit`.",
        querystring: listQuery(RULE_LIST),
        response: { 200: DeadlineRuleList, 400: errorResponses[400] },
      },
    },
    async (request, reply) => sendList(app, request, reply, { spec: RULE_LIST, schema: DeadlineRuleList, rows: () => ruleRows() }),
  );
}

/** The catalogue is code: its order is fixed, so an item's place in it is a stable key. */
function ruleRows() {
  return DEADLINE_RULES.map((r, position) => ({
    key: [position],
    item: {
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
    },
  }));
}
