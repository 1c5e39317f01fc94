import { z } from "zod";

/*
 * The one way a record id is read from a URL. Only the canonical decimal form names a record:
 * `/documents/3`, never `/documents/03`, `/3.0`, `/+3`, `/0x3` or `/3e0` (which Number() and
 * z.coerce all read as 3). One address per record keeps caches, logs and citations honest, and
 * leaves no second spelling for a filter or a deny rule to miss.
 */
const CANONICAL_ID = /^[1-9][0-9]{0,14}$/;

/** 3 for "3"; undefined for anything else (including "03", "3.0", "+3", "0x3", " 3"). */
export function parseRecordId(text: string): number | undefined {
  return CANONICAL_ID.test(text) ? Number(text) : undefined;
}

/** A path parameter holding a record id; a route with it answers 404 to any other spelling. */
export const RecordIdParam = z
  .string()
  .regex(CANONICAL_ID, "is not a record number")
  .transform(Number)
  .meta({ description: "A record's number, in decimal without leading zeros." });
