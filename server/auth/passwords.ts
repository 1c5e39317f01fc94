import { hash, verify, type Algorithm } from "@node-rs/argon2";

export const MIN_PASSWORD_LENGTH = 12;
/** Argon2 would hash a megabyte happily; a cap keeps a login request cheap to refuse. */
export const MAX_PASSWORD_LENGTH = 256;

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. 2 is Algorithm.Argon2id (a const enum
// the compiler cannot inline under isolatedModules).
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) with its own random salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A damaged hash in the database is a failed sign-in, not a crash.
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Spends the same time as a real check when the e-mail is unknown, so the answer's timing
 * does not reveal which addresses have accounts. Always false.
 */
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword("decoy password that no account has");
  await verifyPassword(await decoy, password);
  return false;
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  return null;
}
