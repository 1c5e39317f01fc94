import type { FastifyInstance } from "fastify";
import { MOTION_KINDS, MOTION_STATUSES, REACHED } from "../../db/schema";
import { MOTION_TRACKS } from "../editing/records/motions";
import { paths } from "../paths";
import { MOTION_KIND_LABELS, MOTION_STATUS_LABELS, label } from "../shared/labels";
import { recordName } from "./choices";
import { ofThisCase } from "./parties";
import { registerRecordForms } from "./record-routes";
import type { RecordFormConfig } from "./record-form";
import { enumChoices } from "./spec";
import { fuzzyText, str, withDate } from "./words";

// Motions (who brought them, what they ask) and the arguments they make.

const TRACK_LABELS: Record<string, string> = {
  noticed: "Noticed motion (N.D. Cal. L.R. 7-2: opposition in 14 days, reply 7 days later)",
  administrative: "Administrative motion (L.R. 7-11: opposition in 4 days)",
  other: "Other (no rule deadlines)",
};
const REACHED_LABELS: Record<string, string> = { yes: "Yes, the court reached it", no: "No, the court did not reach it", unknown: "Not known yet" };

export const motionForm: RecordFormConfig = {
  type: "motion",
  segment: "motions",
  underCase: true,
  noun: "motion",
  removal: "delete",
  groups: ({ deps, scope, record }) => [
    {
      legend: "The motion",
      hint: record ? undefined : "Saving a motion sets its rule deadlines running (opposition, reply), computed from the filing date and the track.",
      fields: [
        { name: "title", label: "Title", control: "text", required: true, hint: "As filed: “Motion to Quash Administrative Subpoena”." },
        { name: "kind", label: "Kind", control: "select", required: true, choices: enumChoices(MOTION_KINDS, MOTION_KIND_LABELS), initial: "motion_to_quash" },
        { name: "entryId", label: "Docket entry that filed it", control: "select", choices: deps.choices.entries(scope!.caseId), blank: "not linked to an entry" },
        { name: "movantPartyIds", label: "Movants", control: "checkboxes", choices: deps.choices.parties(scope!.caseId), hint: "Parties of this case who brought it." },
        { name: "reliefSought", label: "Relief sought", control: "textarea", size: 3 },
        { name: "dateFiled", label: "Date filed", control: "fuzzy-date" },
        { name: "track", label: "Track", control: "select", choices: enumChoices(MOTION_TRACKS, TRACK_LABELS), initial: "noticed", hint: "Decides which deadlines apply." },
      ],
    },
    {
      legend: "Status",
      hint: "An order that records a disposition of this motion sets its status for you.",
      fields: [
        { name: "status", label: "Status", control: "select", choices: enumChoices(MOTION_STATUSES, MOTION_STATUS_LABELS), initial: "pending" },
        { name: "statusNote", label: "Why", control: "textarea", size: 2, hint: "When no order decided it: “subpoena withdrawn”." },
      ],
    },
  ],
  check: (input, scope, deps) => ofThisCase(deps, scope, "entry", "entryId", input.entryId, "a docket entry"),
  showHref: (_record, scope) => `${paths.case(scope!.caseSlug)}#motions-heading`,
  describe: (record) => withDate(str(record.title), "filed", fuzzyText(record, "dateFiled")),
  related: (record, scope, deps) => [
    {
      heading: "Arguments it makes",
      items: deps.repo.argumentsOfCase(scope!.caseId).filter((a) => a.motionId === record.id).map((a) => ({
        text: recordName("argument", a),
        href: paths.staffRecordEdit("arguments", a.id, scope!.caseSlug),
        note: label(REACHED_LABELS, a.reached),
      })),
      empty: "No arguments recorded for this motion.",
      add: { href: `${paths.staffRecordNew("arguments", scope!.caseSlug)}?motionId=${record.id}`, label: "Add an argument" },
    },
    {
      heading: "Its deadlines",
      items: deps.repo.rows("deadline", { caseId: scope!.caseId }).filter((d) => d.motionId === record.id).map((d) => ({
        text: recordName("deadline", d),
        href: paths.staffRecordEdit("deadlines", str(d.id), scope!.caseSlug),
        note: `${str(d.origin).replace(/_/g, " ")}, ${str(d.status)}`,
      })),
      empty: "No deadlines for this motion.",
      add: { href: `${paths.staffRecordNew("deadlines", scope!.caseSlug)}?motionId=${record.id}`, label: "Add a court-ordered deadline" },
    },
  ],
};

export const argumentForm: RecordFormConfig = {
  type: "argument",
  segment: "arguments",
  underCase: true,
  noun: "argument",
  removal: "delete",
  groups: ({ deps, scope }) => [
    {
      legend: "Where it is made",
      hint: "A motion, a filing, or both; all of this case.",
      fields: [
        { name: "motionId", label: "Motion", control: "select", choices: deps.choices.motions(scope!.caseId), blank: "none" },
        { name: "entryId", label: "Filing (docket entry)", control: "select", choices: deps.choices.entries(scope!.caseId), blank: "none" },
        { name: "partyId", label: "Party making it", control: "select", choices: deps.choices.parties(scope!.caseId), blank: "not stated" },
      ],
    },
    {
      legend: "The argument",
      fields: [
        { name: "doctrineTag", label: "Doctrine tag", control: "text", required: true, hint: "Lowercase words joined by hyphens: anonymous-speech, statutory-authority." },
        { name: "text", label: "The argument", control: "textarea", size: 5, required: true },
        { name: "authorityIds", label: "Authorities cited", control: "checkboxes", choices: deps.choices.authorities() },
        { name: "reached", label: "Did the court reach it?", control: "select", choices: enumChoices(REACHED, REACHED_LABELS), initial: "unknown" },
        { name: "treatment", label: "How the court treated it", control: "textarea", size: 3 },
      ],
    },
  ],
  caseIdOf: (record, deps) => {
    const of = (type: "motion" | "entry", id: unknown) => (id ? (deps.editing.find(type, id as number)?.caseId as number | undefined) : undefined);
    return of("motion", record.motionId) ?? of("entry", record.entryId) ?? null;
  },
  check: (input, scope, deps) => [
    ...ofThisCase(deps, scope, "motion", "motionId", input.motionId, "a motion"),
    ...ofThisCase(deps, scope, "entry", "entryId", input.entryId, "a docket entry"),
    ...ofThisCase(deps, scope, "party", "partyId", input.partyId, "a party"),
  ],
  showHref: (record, scope) =>
    record.motionId ? paths.staffRecordEdit("motions", str(record.motionId), scope!.caseSlug) : paths.staffCase(scope!.caseSlug),
  describe: (record) => recordName("argument", record),
};

export async function motionFormsRoutes(app: FastifyInstance) {
  registerRecordForms(app, motionForm);
  registerRecordForms(app, argumentForm);
}
