import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { DEADLINE_ORIGINS, DEADLINE_STATUSES, HEARING_STATUSES } from "../../db/schema";
import { fieldErrors } from "../editing/validation";
import { NotFoundError, ValidationError } from "../errors";
import { paths } from "../paths";
import { actorFor, requireCsrf, requireRole } from "../plugins/auth";
import { markDeadline } from "../schedule/service";
import { DEADLINE_STATUS_LABELS, HEARING_STATUS_LABELS } from "../shared/labels";
import { RecordIdParam } from "../shared/record-id";
import { deadlineActions } from "./case-page";
import { setFlash } from "./flash";
import { ofThisCase } from "./parties";
import { registerRecordForms } from "./record-routes";
import type { RecordFormConfig } from "./record-form";
import { dateField, enumChoices } from "./spec";
import { dayText, fuzzyText, str, withDate } from "./words";

// Hearings and deadlines of a case; a deadline is marked met or vacated, or opened again.

const ORIGIN_LABELS: Record<string, string> = {
  computed: "Computed from a rule",
  court_ordered: "Set by a court order (wins over a computed date)",
  stated: "Stated by a platform or a party",
};

export const hearingForm: RecordFormConfig = {
  type: "hearing",
  segment: "hearings",
  underCase: true,
  noun: "hearing",
  removal: "delete",
  groups: ({ deps, scope }) => [
    {
      legend: "The hearing",
      fields: [
        { name: "title", label: "Title", control: "text", required: true, hint: "“Hearing on the motion to quash”." },
        { name: "motionId", label: "Motion heard", control: "select", choices: deps.choices.motions(scope!.caseId), blank: "none" },
        { name: "judgeId", label: "Judge", control: "select", choices: deps.choices.judges(), blank: "unknown" },
        { name: "date", label: "Date", control: "fuzzy-date" },
        { name: "time", label: "Time", control: "time", hint: "Local time at the court, 24-hour: 09:30." },
        { name: "place", label: "Place", control: "text", hint: "“Courtroom E, 15th Floor, San Francisco” or “by Zoom”." },
        { name: "status", label: "Status", control: "select", choices: enumChoices(HEARING_STATUSES, HEARING_STATUS_LABELS), initial: "scheduled" },
        { name: "notes", label: "Notes", control: "textarea", size: 3 },
      ],
    },
  ],
  check: (input, scope, deps) => ofThisCase(deps, scope, "motion", "motionId", input.motionId, "a motion"),
  showHref: (record, scope) => `${paths.case(scope!.caseSlug)}#hearing-${record.id}`,
  describe: (record) => withDate(str(record.title), "on", fuzzyText(record, "date")),
};

export const deadlineForm: RecordFormConfig = {
  type: "deadline",
  segment: "deadlines",
  underCase: true,
  noun: "deadline",
  removal: "delete",
  groups: ({ deps, scope }) => [
    {
      legend: "The deadline",
      hint: "Rule deadlines are computed when a motion is saved; enter here a date an order set or a party stated.",
      fields: [
        { name: "label", label: "What is due", control: "text", required: true, hint: "“Opposition due”." },
        dateField("dateDue", "Due date", { required: true }),
        { name: "motionId", label: "Motion", control: "select", choices: deps.choices.motions(scope!.caseId), blank: "none" },
        { name: "orderId", label: "Order that set it", control: "select", choices: deps.choices.orders(scope!.caseId), blank: "none" },
        { name: "origin", label: "Where the date comes from", control: "select", choices: enumChoices(DEADLINE_ORIGINS, ORIGIN_LABELS), initial: "court_ordered" },
        { name: "status", label: "Status", control: "select", choices: enumChoices(DEADLINE_STATUSES, DEADLINE_STATUS_LABELS), initial: "open" },
      ],
    },
    {
      legend: "Rule and notes",
      fields: [
        { name: "ruleCode", label: "Rule code", control: "text", hint: "The calculator's code (lr-7-3a), when a rule applies; the calculator page lists them." },
        { name: "ruleCitation", label: "Rule as cited", control: "text", hint: "N.D. Cal. Civ. L.R. 7-3(a)" },
        dateField("triggerDate", "Counted from", { hint: "YYYY-MM-DD: the day the period starts from, if any." }),
        { name: "supersededById", label: "Replaced by", control: "select", choices: deps.choices.deadlines(scope!.caseId), blank: "not replaced" },
        { name: "notes", label: "Notes", control: "textarea", size: 3 },
      ],
    },
  ],
  check: (input, scope, deps) => ofThisCase(deps, scope, "motion", "motionId", input.motionId, "a motion"),
  actions: (record, scope) => deadlineActions(record, scope!.caseSlug),
  showHref: (record, scope) => paths.deadline(scope!.caseSlug, record.id),
  describe: (record) => withDate(str(record.label), "due", dayText(record.dateDue)),
};

const MarkParams = z.object({ slug: z.string().min(1).max(200), id: RecordIdParam });
const MarkBody = z.object({ status: z.enum(["met", "vacated", "open"]), version: z.coerce.number().int().positive() });
const MARKED: Record<string, string> = { met: "Marked met", vacated: "Marked vacated", open: "Reopened" };

export async function scheduleFormsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  registerRecordForms(app, hearingForm);
  registerRecordForms(app, deadlineForm);

  // Met, vacated, or open again: one click on the case's staff page or the deadline's form.
  app.post(
    "/staff/cases/:slug/deadlines/:id/mark",
    { onRequest: requireRole("editor"), preHandler: requireCsrf, schema: { params: MarkParams } },
    async (request, reply) => {
      const { slug, id } = request.params;
      const caseId = app.editing.resolveId("case", slug);
      const deadline = app.editing.find("deadline", id);
      if (caseId === undefined || !deadline || deadline.caseId !== caseId) throw new NotFoundError(`No deadline ${id} in the case at /cases/${slug}.`);
      const parsed = MarkBody.safeParse(request.body);
      if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error), "The form did not say how to mark the deadline, or from which version; nothing was saved.");
      const body = parsed.data;
      const marked = markDeadline({ db: app.db, store: app.store }, id, body.status, { actor: actorFor(request), expectedVersion: body.version });
      setFlash(reply, `${MARKED[body.status]}: ${withDate(marked.label, "due", dayText(marked.dateDue))}.`);
      return reply.redirect(paths.deadline(slug, id), 303);
    },
  );
}
