import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Files kept under DATA_DIR by content: `files/<first 2 of sha256>/<sha256>`. The same bytes are
 * stored once, whoever brings them (a PACER import, a document upload), and a stored file is
 * never overwritten. The `files` table names each one (size, media type, first file name).
 */

export function sha256Of(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** `files/ab/abcdef…`: the file's place under DATA_DIR. */
export function storagePathOf(sha256: string): string {
  return join("files", sha256.slice(0, 2), sha256);
}

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256.test(value);
}

/** Writes the bytes under DATA_DIR unless they are there already (content-addressed, so never overwritten). */
export function storeFileBytes(dataDir: string, sha256: string, bytes: Buffer): string {
  const relative = storagePathOf(sha256);
  const target = join(dataDir, relative);
  if (!existsSync(target)) {
    mkdirSync(dirname(target), { recursive: true });
    // Write aside and rename, so a crash never leaves a half-written file under the hash.
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, target);
  }
  return relative;
}

/** The stored bytes of a file, or undefined when there is none under that hash. */
export function readStoredFile(dataDir: string, sha256: string): Buffer | undefined {
  if (!isSha256(sha256)) return undefined;
  const target = join(dataDir, storagePathOf(sha256));
  return existsSync(target) ? readFileSync(target) : undefined;
}

/** Where a stored file is on disk (to stream it), or undefined when there is none under that hash. */
export function storedFileLocation(dataDir: string, sha256: string): string | undefined {
  if (!isSha256(sha256)) return undefined;
  const target = join(dataDir, storagePathOf(sha256));
  return existsSync(target) ? target : undefined;
}
