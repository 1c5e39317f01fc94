import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The read-only material beside the project (`../shared`): golden PACER files and verified
 * deadline examples, read in place and never copied in. QUASH_SHARED_DIR points elsewhere
 * when the project is checked out somewhere that has no ../shared beside it.
 */
export const SHARED_DIR = resolve(process.env.QUASH_SHARED_DIR ?? fileURLToPath(new URL("../../../shared/", import.meta.url)));

export function sharedPath(...parts: string[]): string {
  if (!existsSync(SHARED_DIR)) {
    throw new Error(`The shared fixtures are not at ${SHARED_DIR}: check out the project beside ../shared or set QUASH_SHARED_DIR.`);
  }
  return resolve(SHARED_DIR, ...parts);
}
