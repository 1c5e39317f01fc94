import type { Db } from "../../db/client";
import { loadPublicArguments, type PublicArgument } from "../arguments/loaders";
import { toPublicEntry } from "../privacy/projection";
import { createCasesRepository } from "../cases/repository";
import { loadPublicDocket, type DocketReader, type PublicDocketData } from "../cases/loaders";

/** One motion on its own page: the case's public docket (for the header, movants, orders) and the motion's arguments. */
export type MotionPage = { docket: PublicDocketData; motion: PublicDocketData["motions"][number]; arguments: PublicArgument[] };

export function loadMotionPage(db: Db, caseSlug: string, motionId: number, reader: DocketReader = "public"): MotionPage | undefined {
  const head = loadPublicDocket(db, caseSlug, { only: [] }, reader);
  const motion = head?.motions.find((m) => m.id === motionId);
  if (!head || !motion) return undefined;
  // The motion's own entry only (its page links it), not the whole docket.
  const entries = motion.entryId === null ? [] : createCasesRepository(db).entriesById(head.case.id, [motion.entryId]).map(toPublicEntry);
  const docket = { ...head, entries };
  return { docket, motion, arguments: loadPublicArguments(db, { motionIds: [motion.id], reader }) };
}
