import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** 32 random bytes, URL-safe: session cookies, CSRF secrets, API tokens. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * What the database keeps of a session cookie or an API token. These secrets are long and
 * random, so a fast hash is enough: nobody can guess their way back from it.
 */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function hmac(key: string, value: string): string {
  return createHmac("sha256", key).update(value).digest("base64url");
}

/** Compares two strings in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
