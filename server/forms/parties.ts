import type { FastifyInstance } from "fastify";
import { COUNSEL_STANDINGS } from "../../db/schema";
import type { FieldError } from "../errors";
import { paths } from "../paths";
import { STANDING_LABELS } from "../shared/labels";
import { registerRecordForms } from "./record-routes";
import type { FormDeps, FormScope, RecordFormConfig } from "./record-form";
import { dateField, enumChoices } from "./spec";
import { str } from "./words";

// Parties of a case, their counsel, and the attorneys counsel are drawn from.

/** An id the form sent must name a live record of the case in the URL. */
export function ofThisCase(deps: FormDeps, scope: FormScope, type: "party" | "motion" | "entry", field: string, id: unknown, what: string): FieldError[] {
  if (id === null || id === undefined) return [];
  const row = deps.editing.find(type, id as number);
  return row && !row.deletedAt && row.caseId === scope?.caseId ? [] : [{ path: field, message: `must be ${what} of this case` }];
}

export const partyForm: RecordFormConfig = {
  type: "party",
  segment: "parties",
  underCase: true,
  noun: "party",
  removal: "delete",
  groups: ({ deps }) => [
    {
      legend: "The party, as the docket names it",
      hint: "Never record the true name of a pseudonymous party: only the name on the docket.",
      fields: [
        { name: "name", label: "Name", control: "text", required: true, hint: "Exactly as on the docket: “J. Doe”." },
        { name: "role", label: "Role", control: "text", required: true, hint: "As on the docket: Movant, Respondent, Plaintiff, Defendant, Interested Party…" },
        { name: "pseudonymous", label: "Pseudonymous (the docket name is not the person's name)", control: "checkbox" },
        { name: "description", label: "Description", control: "textarea", size: 2 },
        { name: "organizationId", label: "Organization", control: "select", choices: deps.choices.organizations(), blank: "none" },
        { name: "accountIds", label: "Accounts the party operates", control: "checkboxes", choices: deps.choices.accounts(), hint: "Public handles only." },
        dateField("dateTerminated", "Date terminated"),
      ],
    },
    {
      legend: "Staff-only and ordering",
      collapsed: true,
      fields: [
        { name: "extraInfo", label: "What PACER prints under the name", control: "textarea", size: 3, hint: "Staff-only; never shown publicly (it may hold addresses)." },
        { name: "position", label: "Position in the list", control: "number" },
      ],
    },
  ],
  showHref: (_record, scope) => `${paths.case(scope!.caseSlug)}#parties-heading`,
  describe: (record) => `${str(record.name)} (${str(record.role)})`,
};

export const counselForm: RecordFormConfig = {
  type: "representation",
  segment: "counsel",
  underCase: true,
  noun: "counsel",
  removal: "delete",
  groups: ({ deps, scope }) => [
    {
      legend: "Counsel of a party",
      hint: "An attorney, or a firm when no attorney is named. An attorney not in the list is added under Staff → Attorneys first.",
      fields: [
        { name: "partyId", label: "Party represented", control: "select", required: true, choices: deps.choices.parties(scope!.caseId), blank: "choose the party" },
        { name: "attorneyId", label: "Attorney", control: "select", choices: deps.choices.attorneys(), blank: "no attorney named" },
        { name: "organizationId", label: "Firm or organization", control: "select", choices: deps.choices.organizations(), blank: "none" },
        { name: "roles", label: "Roles on the docket", control: "text", hint: "LEAD ATTORNEY, ATTORNEY TO BE NOTICED, PRO HAC VICE…" },
        { name: "standing", label: "How we know", control: "select", choices: enumChoices(COUNSEL_STANDINGS, STANDING_LABELS), initial: "reported" },
      ],
    },
  ],
  caseIdOf: (record, deps) => (deps.editing.find("party", record.partyId as number)?.caseId as number | undefined) ?? null,
  check: (input, scope, deps) => ofThisCase(deps, scope, "party", "partyId", input.partyId, "a party"),
  showHref: (_record, scope) => `${paths.case(scope!.caseSlug)}#parties-heading`,
  describe: (record, deps) => {
    const attorney = record.attorneyId ? deps.editing.find("attorney", record.attorneyId as number) : undefined;
    const firm = record.organizationId ? deps.repo.find("organization", record.organizationId as number) : undefined;
    const party = deps.editing.find("party", record.partyId as number);
    return `${str(attorney?.name ?? firm?.name ?? "counsel")} for ${str(party?.name)}`;
  },
};

export const attorneyForm: RecordFormConfig = {
  type: "attorney",
  segment: "attorneys",
  underCase: false,
  noun: "attorney",
  removal: "delete",
  groups: ({ deps }) => [
    {
      legend: "The attorney",
      fields: [
        { name: "name", label: "Name", control: "text", required: true },
        { name: "organizationId", label: "Firm or organization", control: "select", choices: deps.choices.organizations(), blank: "none" },
        { name: "position", label: "Position", control: "text", hint: "Staff Attorney, Partner…" },
        { name: "contact", label: "Contact lines", control: "textarea", size: 3, hint: "As on a PACER docket; staff-only, never public." },
      ],
    },
    { legend: "Address", collapsed: true, fields: [{ name: "slug", label: "Address in URLs", control: "text", hint: "Made from the name when empty." }] },
  ],
  showHref: (record) => paths.staffRecordEdit("attorneys", record.id),
  describe: (record) => str(record.name),
};

export async function partyFormsRoutes(app: FastifyInstance) {
  registerRecordForms(app, partyForm);
  registerRecordForms(app, counselForm);
  registerRecordForms(app, attorneyForm);
}
