import { createHmac, timingSafeEqual } from "node:crypto";

/*
 * Webhook signatures (server/alerts/README.md says how a receiver checks one): the header
 * `Quash-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the secret>`,
 * the scheme Stripe made familiar. The timestamp inside the signed text lets a receiver refuse
 * a replayed request whose signature is otherwise valid.
 */

export const SIGNATURE_HEADER = "quash-signature";
export const IDEMPOTENCY_HEADER = "idempotency-key";
export const EVENT_HEADER = "quash-event";

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;
}

/** What a receiver does (and the tests do): recompute and compare in constant time, and refuse an old timestamp. */
export function verifySignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const given = parts.get("v1");
  if (!Number.isInteger(t) || !given || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureOf(secret, t, body), "hex");
  const actual = Buffer.from(given, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
