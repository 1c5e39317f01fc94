import type { EditType, RecordDefinition } from "../definition";
import { entry } from "./docket";
import { attorney, kase, party, representation } from "./cases";
import { event } from "./events";
import { argument, motion } from "./motions";
import { coverage, deadline, hearing, order } from "./orders";
import { factSource, source } from "./sources";
import { account, notice, subpoena } from "./subpoenas";

/** Every editable record type's definition, in the order the API documents them. */
export const RECORD_DEFINITIONS: Record<EditType, RecordDefinition> = {
  case: kase,
  entry,
  party,
  attorney,
  representation,
  motion,
  argument,
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
