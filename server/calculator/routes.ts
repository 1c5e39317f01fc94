import type { FastifyInstance } from "fastify";
import { paths } from "../paths";
import { CalculatorQuery, runCalculator } from "./question";
import { toCalculatorView } from "./view-models";

/**
 * The deadline calculator page. It is a GET form (a computation changes nothing), so bad input
 * answers 400 — not 422, which is for POSTed forms — with the form re-rendered, the user's input
 * kept and the message beside the field.
 */
export async function calculatorRoutes(app: FastifyInstance) {
  app.get(paths.deadlineCalculator(), async (request, reply) => {
    const parsed = CalculatorQuery.safeParse(request.query);
    if (!parsed.success) {
      // A parameter repeated (?days=1&days=2) or absurdly long: say so beside it.
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), "give this once, as a short value"]));
      const mode = "rule" in errors ? "rule" : "period";
      return reply.code(400).view("deadlines/calculator.hbs", toCalculatorView({}, { mode, answer: null, errors }));
    }
    const outcome = runCalculator(parsed.data, { allowBlank: true });
    const status = Object.keys(outcome.errors).length > 0 ? 400 : 200;
    return reply.code(status).view("deadlines/calculator.hbs", toCalculatorView(parsed.data, outcome));
  });
}
