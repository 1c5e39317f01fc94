import type { RecordDefinitions } from "../definition";
import { entry } from "./entries/definition";
import { kase } from "./cases/definition";
import { party } from "./parties/definition";
import { attorney } from "./attorneys/definition";
import { representation } from "./representations/definition";
import { event } from "./events/definition";
import { motion } from "./motions/definition";
import { argument } from "./arguments/definition";
import { authority } from "./authorities/definition";
import { order } from "./orders/definition";
import { coverage } from "./coverages/definition";
import { hearing } from "./hearings/definition";
import { deadline } from "./deadlines/definition";
import { source } from "./sources/definition";
import { factSource } from "./fact-sources/definition";
import { subpoena } from "./subpoenas/definition";
import { account } from "./accounts/definition";
import { notice } from "./notices/definition";

/**
 * Every editable record type's definition, in the order the API documents them. Each type has
 * its folder here, named as its API collection: `schema.ts` (what may be sent),
 * `definition.ts` (what the write service checks and derives) and, for the 16 with a staff
 * form, `form.ts` (listed in ./forms.ts).
 */
export const RECORD_DEFINITIONS: RecordDefinitions = {
  case: kase,
  entry,
  party,
  attorney,
  representation,
  motion,
  argument,
  authority,
  order,
  coverage,
  hearing,
  deadline,
  subpoena,
  account,
  notice,
  event,
  source,
  fact_source: factSource,
};
