import type { FastifyInstance } from "fastify";
import type { RecordFormConfig } from "../../forms/record-form";
import { registerRecordForms } from "../../forms/record-routes";
import { RECORD_DEFINITIONS } from "./index";
import { accountForm } from "./accounts/form";
import { argumentForm } from "./arguments/form";
import { attorneyForm } from "./attorneys/form";
import { authorityForm } from "./authorities/form";
import { caseForm } from "./cases/form";
import { deadlineForm } from "./deadlines/form";
import { entryForm } from "./entries/form";
import { eventForm } from "./events/form";
import { factSourceForm } from "./fact-sources/form";
import { hearingForm } from "./hearings/form";
import { motionForm } from "./motions/form";
import { noticeForm } from "./notices/form";
import { orderForm } from "./orders/form";
import { partyForm } from "./parties/form";
import { representationForm } from "./representations/form";
import { sourceForm } from "./sources/form";
import { subpoenaForm } from "./subpoenas/form";

/** Every record type staff edit by hand, by its form; stay coverage is edited as part of its order. */
export const RECORD_FORMS: RecordFormConfig[] = [
  caseForm,
  entryForm,
  partyForm,
  representationForm,
  attorneyForm,
  motionForm,
  argumentForm,
  authorityForm,
  orderForm,
  hearingForm,
  deadlineForm,
  subpoenaForm,
  accountForm,
  noticeForm,
  eventForm,
  sourceForm,
  factSourceForm,
];

/** The staff forms of every record type (server/forms/record-routes.ts makes each form's routes). */
export async function recordFormsRoutes(app: FastifyInstance) {
  for (const form of RECORD_FORMS) registerRecordForms(app, form, RECORD_DEFINITIONS[form.type]);
}
