import { and, asc, desc, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { apiTokens, revisions, sessions, users } from "../../db/schema";

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** Synchronous reads and writes of users, sessions and API tokens. */
export function createAuthRepository(db: Db) {
  return {
    transaction: <T>(fn: () => T): T => db.transaction(fn),

    userByEmail: (email: string) => db.select().from(users).where(eq(users.email, email)).get(),
    userById: (id: number) => db.select().from(users).where(eq(users.id, id)).get(),
    listUsers: () => db.select().from(users).orderBy(asc(users.email)).all(),
    countActiveAdmins: () =>
      db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
        .all().length,
    insertUser: (values: typeof users.$inferInsert) => db.insert(users).values(values).returning().get(),
    updateUser: (id: number, values: Partial<typeof users.$inferInsert>) =>
      db.update(users).set(values).where(eq(users.id, id)).returning().get(),

    insertSession: (values: typeof sessions.$inferInsert) => db.insert(sessions).values(values).returning().get(),
    sessionWithUser: (tokenHash: string) =>
      db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.tokenHash, tokenHash))
        .get(),
    deleteSession: (id: number) => db.delete(sessions).where(eq(sessions.id, id)).run(),
    deleteSessionsOf: (userId: number) => db.delete(sessions).where(eq(sessions.userId, userId)).run(),
    deleteExpiredSessions: (now: string) => db.delete(sessions).where(lt(sessions.expiresAt, now)).run(),

    insertToken: (values: typeof apiTokens.$inferInsert) => db.insert(apiTokens).values(values).returning().get(),
    tokenWithUser: (tokenHash: string) =>
      db
        .select({ token: apiTokens, user: users })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(eq(apiTokens.tokenHash, tokenHash))
        .get(),
    tokenById: (id: number) => db.select().from(apiTokens).where(eq(apiTokens.id, id)).get(),
    listTokens: () =>
      db
        .select({ token: apiTokens, user: { id: users.id, email: users.email, name: users.name } })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .orderBy(desc(apiTokens.id))
        .all(),
    updateToken: (id: number, values: Partial<typeof apiTokens.$inferInsert>) =>
      db.update(apiTokens).set(values).where(eq(apiTokens.id, id)).returning().get(),

    /** Account changes are changes too: the same revisions table, without the password hash. */
    recordUserRevision: (values: typeof revisions.$inferInsert) => db.insert(revisions).values(values).run(),
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
