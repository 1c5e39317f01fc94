import type { Db } from "../../db/client";
import { loadPublicArguments, type PublicArgument } from "../arguments/loaders";
import { loadPublicDocket, type DocketReader, type PublicDocketData } from "../cases/loaders";

/** One motion on its own page: the case's public docket (for the header, movants, orders) and the motion's arguments. */
export type MotionPage = { docket: PublicDocketData; motion: PublicDocketData["motions"][number]; arguments: PublicArgument[] };

export function loadMotionPage(db: Db, caseSlug: string, motionId: number, reader: DocketReader = "public"): MotionPage | undefined {
  const docket = loadPublicDocket(db, caseSlug, "all", reader);
  const motion = docket?.motions.find((m) => m.id === motionId);
  if (!docket || !motion) return undefined;
  return { docket, motion, arguments: loadPublicArguments(db, { motionIds: [motion.id], reader }) };
}
