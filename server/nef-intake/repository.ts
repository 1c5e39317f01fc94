import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { mailboxSettings, nefMessages } from "../../db/schema";

export type NefMessageRow = typeof nefMessages.$inferSelect;
export type MailboxSettingsRow = typeof mailboxSettings.$inferSelect;

/**
 * The NEF mailbox's settings and every message read from it (Message-ID, SHA-256, outcome,
 * reason). Synchronous; the intake records a message in the transaction of its merge.
 */
export function createNefIntakeRepository(db: Db) {
  return {
    nefMessageByHash(sha256: string): NefMessageRow | undefined {
      return db.select().from(nefMessages).where(eq(nefMessages.sha256, sha256)).get();
    },

    nefMessagesById(messageId: string): NefMessageRow[] {
      return db.select().from(nefMessages).where(eq(nefMessages.messageId, messageId)).all();
    },

    nefMessage(id: number): NefMessageRow | undefined {
      return db.select().from(nefMessages).where(eq(nefMessages.id, id)).get();
    },

    insertNefMessage(values: typeof nefMessages.$inferInsert): NefMessageRow {
      return db.insert(nefMessages).values(values).returning().get();
    },

    nefMessages(outcome?: NefMessageRow["outcome"], limit = 200): NefMessageRow[] {
      const query = db.select().from(nefMessages);
      return (outcome ? query.where(eq(nefMessages.outcome, outcome)) : query).orderBy(desc(nefMessages.id)).limit(limit).all();
    },

    dismissNefMessage(id: number): boolean {
      return (
        db
          .update(nefMessages)
          .set({ outcome: "dismissed" })
          .where(and(eq(nefMessages.id, id), eq(nefMessages.outcome, "review")))
          .run().changes === 1
      );
    },

    mailboxSettings(): MailboxSettingsRow | undefined {
      return db.select().from(mailboxSettings).where(eq(mailboxSettings.id, 1)).get();
    },

    saveMailboxSettings(values: Omit<MailboxSettingsRow, "id">): void {
      db.insert(mailboxSettings)
        .values({ id: 1, ...values })
        .onConflictDoUpdate({ target: mailboxSettings.id, set: values })
        .run();
    },

    deleteMailboxSettings(): void {
      db.delete(mailboxSettings).where(eq(mailboxSettings.id, 1)).run();
    },
  };
}

export type NefIntakeRepository = ReturnType<typeof createNefIntakeRepository>;
