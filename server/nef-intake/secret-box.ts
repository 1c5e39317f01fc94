import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The mailbox password as the database keeps it: AES-256-GCM under a key kept in
 * DATA_DIR/mailbox.key (created on first use, readable by the server's user only). A copy of
 * the database alone, a backup say, does not reveal the password; the key and the database
 * together do, as they must for the server to log in.
 */

const KEY_FILE = "mailbox.key";

function keyOf(dataDir: string, create: boolean): Buffer | null {
  const file = join(dataDir, KEY_FILE);
  if (!existsSync(file)) {
    if (!create) return null;
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return Buffer.from(readFileSync(file, "utf8").trim(), "hex");
}

export function sealSecret(dataDir: string, secret: string): string {
  const key = keyOf(dataDir, true)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(":");
}

/** The password, or null when the key file is missing or does not open it (a database moved without its key). */
export function openSecret(dataDir: string, sealed: string): string | null {
  const key = keyOf(dataDir, false);
  const [version, iv, tag, body] = sealed.split(":");
  if (!key || version !== "v1" || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
