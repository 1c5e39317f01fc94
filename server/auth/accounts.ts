import type { UserRole } from "../../db/schema";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import type { Actor } from "../records/store";
import type { Clock } from "../shared/clock";
import { hashPassword, verifyDecoy, verifyPassword } from "./passwords";
import type { AuthRepository, UserRow } from "./repository";
import { Email, NewUser, TokenLabel } from "./schemas";
import { randomSecret, sha256 } from "./secrets";

/** What the rest of the app knows about a signed-in person: never the password hash. */
export type AuthUser = { id: number; email: string; name: string; role: UserRole };

/** How a request proved who it is. Bearer-token requests carry no cookie, so they need no CSRF token. */
export type Authentication =
  { via: "session"; user: AuthUser; sessionId: number; csrfSecret: string } | { via: "token"; user: AuthUser; tokenId: number };

/** Sessions end this long after sign-in, whatever happens in between. */
export const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const TOKEN_PREFIX = "quash_";

export type Resolved<T> = { status: "ok"; auth: T } | { status: "disabled" } | { status: "invalid" };

const toAuthUser = (row: UserRow): AuthUser => ({ id: row.id, email: row.email, name: row.name, role: row.role });

/** The user as a revision records it: everything but the password hash. */
const auditable = ({ passwordHash: _hash, ...rest }: UserRow) => rest;

/**
 * Staff accounts, sessions and API tokens. Used by the auth plugin on every request, by the
 * login and admin pages, and by `quash user` / `quash token`.
 */
export function createAccounts(repo: AuthRepository, clock: Clock) {
  function audit(action: "create" | "update", before: UserRow | null, after: UserRow, actor: Actor, reason?: string) {
    repo.recordUserRevision({
      recordType: "user",
      recordId: String(after.id),
      action,
      userId: actor.userId,
      actor: actor.label,
      at: clock.now(),
      before: before ? JSON.stringify(auditable(before)) : null,
      after: JSON.stringify(auditable(after)),
      reason: reason ?? null,
      version: null,
    });
  }

  function requireUser(emailOrId: string | number): UserRow {
    const row = typeof emailOrId === "number" ? repo.userById(emailOrId) : repo.userByEmail(emailOrId.trim().toLowerCase());
    if (!row) throw new NotFoundError(`No account for ${emailOrId}.`);
    return row;
  }

  return {
    async addUser(input: unknown, actor: Actor): Promise<AuthUser> {
      const parsed = NewUser.safeParse(input);
      const errors = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? ""), message: i.message }));
      // Said together with the other field errors, so the form is fixed in one go.
      const email = Email.safeParse((input as Record<string, unknown> | null)?.["email"]);
      if (email.success && repo.userByEmail(email.data)) errors.push({ path: "email", message: "already has an account" });
      if (!parsed.success || errors.length > 0) throw new ValidationError(errors);
      const { email: address, name, role, password } = parsed.data;
      const passwordHash = await hashPassword(password);
      return repo.transaction(() => {
        const now = clock.now();
        // Checked again inside the transaction: the hash took time, and another process may have added the same address.
        if (repo.userByEmail(address)) throw new ValidationError([{ path: "email", message: "already has an account" }]);
        const row = repo.insertUser({ email: address, name, role, passwordHash, createdAt: now, updatedAt: now });
        audit("create", null, row, actor);
        return toAuthUser(row);
      });
    },

    /** Disabling ends the user's sessions; their tokens stop working because the user is checked on every use. */
    setDisabled(emailOrId: string | number, disabled: boolean, actor: Actor): AuthUser {
      return repo.transaction(() => {
        const before = requireUser(emailOrId);
        if (Boolean(before.disabledAt) === disabled) return toAuthUser(before);
        if (disabled && before.role === "admin" && repo.countActiveAdmins() <= 1) {
          throw new ConflictError("This is the only active admin; add or enable another admin first.");
        }
        const now = clock.now();
        const after = repo.updateUser(before.id, { disabledAt: disabled ? now : null, updatedAt: now })!;
        // Either way no earlier session survives: disabling signs out, enabling starts afresh.
        repo.deleteSessionsOf(before.id);
        audit("update", before, after, actor, disabled ? "account disabled" : "account enabled");
        return toAuthUser(after);
      });
    },

    listUsers() {
      return repo.listUsers().map((row) => ({ ...toAuthUser(row), disabledAt: row.disabledAt, createdAt: row.createdAt }));
    },

    findUser(emailOrId: string | number): AuthUser | undefined {
      const row = typeof emailOrId === "number" ? repo.userById(emailOrId) : repo.userByEmail(emailOrId.trim().toLowerCase());
      return row ? toAuthUser(row) : undefined;
    },

    /**
     * Checks an e-mail and password. Unknown e-mail and wrong password give the same answer
     * in about the same time; "disabled" is only told to someone who knows the password.
     */
    async authenticate(email: string, password: string): Promise<Resolved<AuthUser>> {
      const row = repo.userByEmail(email.trim().toLowerCase());
      if (!row) return (await verifyDecoy(password), { status: "invalid" });
      if (!(await verifyPassword(row.passwordHash, password))) return { status: "invalid" };
      if (row.disabledAt) return { status: "disabled" };
      return { status: "ok", auth: toAuthUser(row) };
    },

    /** A new session; the cookie gets `token`, the database only its hash. */
    startSession(userId: number): { token: string; expiresAt: string } {
      const token = randomSecret();
      const now = clock.now();
      const expiresAt = new Date(Date.parse(now) + SESSION_LIFETIME_MS).toISOString();
      repo.transaction(() => {
        repo.deleteExpiredSessions(now);
        repo.insertSession({ tokenHash: sha256(token), userId, csrfSecret: randomSecret(), createdAt: now, expiresAt });
      });
      return { token, expiresAt };
    },

    /** The session behind a cookie, refused when it has expired or its user is disabled. */
    resolveSession(token: string): Resolved<Extract<Authentication, { via: "session" }>> {
      const found = repo.sessionWithUser(sha256(token));
      if (!found) return { status: "invalid" };
      if (found.session.expiresAt <= clock.now()) {
        repo.deleteSession(found.session.id);
        return { status: "invalid" };
      }
      // Kept, not deleted, so every request with this cookie hears why; enabling the user deletes it.
      if (found.user.disabledAt) return { status: "disabled" };
      return {
        status: "ok",
        auth: { via: "session", user: toAuthUser(found.user), sessionId: found.session.id, csrfSecret: found.session.csrfSecret },
      };
    },

    endSession(sessionId: number): void {
      repo.deleteSession(sessionId);
    },

    /** A new API token for one user. The token is returned once and never stored. */
    createToken(emailOrId: string | number, label: string | null): { token: string; id: number; user: AuthUser } {
      const user = requireUser(emailOrId);
      if (user.disabledAt) throw new ConflictError(`${user.email} is disabled; enable the account before giving it a token.`);
      const parsedLabel = TokenLabel.safeParse(label ?? "");
      if (!parsedLabel.success) throw new ValidationError([{ path: "label", message: parsedLabel.error.issues[0]!.message }]);
      const token = `${TOKEN_PREFIX}${randomSecret()}`;
      const row = repo.insertToken({
        userId: user.id,
        tokenHash: sha256(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        label: parsedLabel.data || null,
        createdAt: clock.now(),
      });
      return { token, id: row.id, user: toAuthUser(user) };
    },

    /** The user behind a bearer token; revoked tokens and disabled users are refused. */
    resolveToken(token: string): Resolved<Extract<Authentication, { via: "token" }>> {
      if (!token.startsWith(TOKEN_PREFIX)) return { status: "invalid" };
      const found = repo.tokenWithUser(sha256(token));
      if (!found || found.token.revokedAt) return { status: "invalid" };
      if (found.user.disabledAt) return { status: "disabled" };
      return { status: "ok", auth: { via: "token", user: toAuthUser(found.user), tokenId: found.token.id } };
    },

    /**
     * Records that a token was used, after a request it made succeeded (a refused request
     * leaves the database exactly as it was). Once a minute is precise enough.
     */
    touchToken(tokenId: number): void {
      const token = repo.tokenById(tokenId);
      if (!token) return;
      const now = clock.now();
      const last = token.lastUsedAt ? Date.parse(token.lastUsedAt) : 0;
      if (Date.parse(now) - last >= 60_000) repo.updateToken(tokenId, { lastUsedAt: now });
    },

    revokeToken(id: number): void {
      const row = repo.tokenById(id);
      if (!row) throw new NotFoundError(`No API token ${id}.`);
      if (!row.revokedAt) repo.updateToken(id, { revokedAt: clock.now() });
    },

    listTokens() {
      return repo.listTokens();
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
