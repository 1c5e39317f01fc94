import { readdirSync, readFileSync } from "node:fs";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema";
import { createJobsRepository } from "../../server/jobs/repository";
import { saveMailboxSettings } from "../../server/nef-intake/settings";
import { createNefIntakeRepository } from "../../server/nef-intake/repository";
import { tempDataDir } from "../imports/support";
import { buildTestApp } from "../support/app";
import { insertUser, signIn } from "../support/auth";
import { createTestDb, TEST_NOW } from "../support/db";
import { collapseWhitespace, parseHtml } from "../support/html";
import { sharedPath } from "../support/shared";
import { startDovecot, type Dovecot } from "./support/dovecot";

const MIME_DIR = sharedPath("fixtures/pacer/nef/mime");
const FIXTURES = readdirSync(MIME_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort();
/** The e-mails whose expected parse is {} (claims notices, an image-bearing mail…): not notices the importer takes. */
const NOT_NOTICES = FIXTURES.filter((f) => readFileSync(`${MIME_DIR}/${f.replace(/\.txt$/, ".json")}`, "utf8").trim() === "{}");
const JOB = "nef-intake";

let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
}, 30_000);
afterAll(async () => dovecot?.stop());

function client(password = dovecot.password) {
  const c = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: dovecot.user, pass: password },
    logger: false,
  });
  c.on("error", () => undefined);
  return c;
}

async function withClient<T>(use: (c: ImapFlow) => Promise<T>): Promise<T> {
  const c = client();
  await c.connect();
  try {
    return await use(c);
  } finally {
    await c.logout();
  }
}

async function folderCount(folder: string): Promise<number> {
  return withClient(async (c) => {
    const status = await c.status(folder, { messages: true }).catch(() => false as const);
    return status ? (status.messages ?? 0) : 0;
  });
}

async function clearMailbox() {
  await withClient(async (c) => {
    for (const folder of ["INBOX", "Quash-processed"]) {
      const exists = (await c.list()).some((m) => m.path === folder);
      if (!exists) continue;
      const lock = await c.getMailboxLock(folder);
      try {
        await c.messageDelete("1:*").catch(() => undefined);
      } finally {
        lock.release();
      }
    }
  });
}

async function appApp(password = dovecot.password) {
  const db = createTestDb();
  const dataDir = tempDataDir();
  const { app } = await buildTestApp({ db, config: { dataDir } });
  saveMailboxSettings(
    app.config,
    db,
    {
      host: dovecot.host,
      port: dovecot.port,
      tls: "none",
      username: dovecot.user,
      secret: password,
      folder: "INBOX",
      processedFolder: "Quash-processed",
      intervalMinutes: 5,
      enabled: true,
    },
    "test",
    TEST_NOW,
  );
  return { app, db, dataDir };
}

describe("NEF intake from a real IMAP mailbox", () => {
  it(`imports every notice of the ${FIXTURES.length} fixture e-mails once, files the ${NOT_NOTICES.length} others for review with the reason, and never imports a message twice, even after a restart`, async () => {
    await clearMailbox();
    await withClient(async (c) => {
      for (const file of FIXTURES) await c.append("INBOX", readFileSync(`${MIME_DIR}/${file}`));
    });
    const { app: first, db, dataDir } = await appApp();
    let app = first;
    try {
      const [outcome] = await app.jobs.runDue();
      expect(outcome, JSON.stringify(outcome)).toMatchObject({ ran: true, ok: true });
      const messages = db.select().from(s.nefMessages).all();
      // almd_2 is almd_1 delivered again with other headers (same Message-ID, Date and Subject): recognised, not recorded twice.
      expect(outcome).toMatchObject({ summary: expect.stringMatching(/; 1 already processed$/) });
      expect(messages).toHaveLength(FIXTURES.length - 1);
      const review = messages.filter((m) => m.outcome === "review");
      expect(review.map((m) => m.reason)).toEqual(review.map(() => expect.stringMatching(/^not a Notice of Electronic Filing/)));
      expect(review).toHaveLength(NOT_NOTICES.length);
      const imported = messages.filter((m) => m.outcome === "imported");
      expect(imported).toHaveLength(FIXTURES.length - 1 - NOT_NOTICES.length);
      expect(imported.every((m) => m.importId !== null && /^[0-9a-f]{64}$/.test(m.sha256))).toBe(true);
      // The forwarded notices ("Fwd:", "FW:") are among them.
      expect(imported.filter((m) => /^(Fwd?|FW):/i.test(m.subject ?? "")).length).toBeGreaterThanOrEqual(2);
      // Read messages were moved out of the folder.
      expect(await folderCount("INBOX")).toBe(0);
      expect(await folderCount("Quash-processed")).toBe(FIXTURES.length);
      const counts = { imports: db.select().from(s.imports).all().length, entries: db.select().from(s.docketEntries).all().length };
      expect(counts.entries).toBeGreaterThan(0);
      // The cases the notices created arrive as every import's do: unpublished, in Unsorted, their public pages 404.
      const created = db.select().from(s.cases).all();
      expect(created.length).toBeGreaterThan(0);
      expect(created.filter((c) => c.published || c.group !== "unsorted")).toEqual([]);
      expect((await app.inject({ url: `/cases/${created[0]!.slug}` })).statusCode).toBe(404);

      // A restart: a new server process on the same database and data directory.
      await app.close();
      app = (await buildTestApp({ db, config: { dataDir } })).app;

      // After it, moved back into the folder, and delivered a second time: recognised, moved again, nothing imported.
      await withClient(async (c) => {
        const lock = await c.getMailboxLock("Quash-processed");
        try {
          await c.messageMove("1:5", "INBOX");
        } finally {
          lock.release();
        }
        await c.append("INBOX", readFileSync(`${MIME_DIR}/${FIXTURES[10]}`));
      });
      const again = await app.jobs.runNow(JOB);
      expect(again).toMatchObject({ ok: true, summary: "6 messages read; 0 imported (0 entries, 0 cases created); 6 already processed" });
      expect(db.select().from(s.imports).all()).toHaveLength(counts.imports);
      expect(db.select().from(s.docketEntries).all()).toHaveLength(counts.entries);
      expect(db.select().from(s.nefMessages).all()).toHaveLength(FIXTURES.length - 1);
      expect(await folderCount("INBOX")).toBe(0);

      // The staff page lists what needs review, with why.
      await insertUser(db, { role: "editor" });
      const cookie = await signIn(app, "editor@example.org");
      const page = parseHtml((await app.inject({ url: "/staff/watching", headers: { cookie } })).body);
      expect(page("#review li")).toHaveLength(NOT_NOTICES.length);
      expect(collapseWhitespace(page("#review").text())).toContain("unparseable message not a Notice of Electronic Filing");
      expect(collapseWhitespace(page("#mailbox").text())).toContain(
        `${dovecot.user} at 127.0.0.1:${dovecot.port}, folder INBOX (set in the settings page)`,
      );
    } finally {
      await app.close();
    }
  }, 120_000);

  it("a wrong password fails the read with 'bad credentials', backs off, and the password never reaches the page or the error", async () => {
    await clearMailbox();
    const { app, db } = await appApp("wrong-password-1234");
    try {
      const [outcome] = await app.jobs.runDue();
      expect(outcome).toMatchObject({
        ok: false,
        error: `the mailbox refused the user name or password for ${dovecot.user} (bad credentials)`,
      });
      const job = createJobsRepository(db).find(JOB)!;
      expect(job.attempts).toBe(1);
      expect(new Date(job.nextRunAt).getTime() - new Date(TEST_NOW).getTime()).toBe(10 * 60_000);
      await insertUser(db, { role: "admin", email: "admin@example.org" });
      const cookie = await signIn(app, "admin@example.org");
      const page = (await app.inject({ url: "/staff/watching", headers: { cookie } })).body;
      expect(collapseWhitespace(parseHtml(page)("#mailbox").text())).toContain(
        "bad credentials the mailbox refused the user name or password",
      );
      const settings = (await app.inject({ url: "/staff/watching/mailbox", headers: { cookie } })).body;
      for (const body of [
        page,
        settings,
        JSON.stringify(db.select().from(s.mailboxSettings).all()),
        JSON.stringify(createJobsRepository(db).all()),
      ]) {
        expect(body).not.toContain("wrong-password-1234");
      }
      expect(parseHtml(settings)('input[name="secret"]').attr("value")).toBe("");
      expect(collapseWhitespace(parseHtml(settings)("body").text())).toContain(
        "A password is stored. Leave this empty to keep it; it is never shown.",
      );
    } finally {
      await app.close();
    }
  }, 60_000);

  it("no mailbox configured: no intake job at all", async () => {
    const db = createTestDb();
    const { app } = await buildTestApp({ db });
    try {
      expect(app.jobs.list()).toEqual([]);
      expect(createNefIntakeRepository(db).mailboxSettings()).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
