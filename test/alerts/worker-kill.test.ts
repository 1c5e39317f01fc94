import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "../../db/client";
import * as s from "../../db/schema";
import { keepOutboxInStep } from "../../server/alerts/outbox";
import { createSubscriptionsRepository } from "../../server/alerts/subscriptions";
import { verifySignature } from "../../server/alerts/signing";
import { createDeliveryWorker } from "../../server/alerts/worker";
import { insertCase, insertEntry } from "../support/factories";
import { keepModuleLocations } from "../support/child-server";
import { movableClock, startWebhookReceiver } from "../support/mail-server";

/*
 * Exactly once across a real crash: a worker process sending a queue of webhook deliveries is
 * killed with SIGKILL while a request is on the wire; a worker started afterwards sends the
 * rest, and the receiver sees every event under exactly one idempotency key (the request the
 * kill cut off comes again under its own key, as a receiver that honours the key expects).
 */

const CHILD = fileURLToPath(new URL("../support/alerts-worker-child.ts", import.meta.url));
const ROOT = resolve(dirname(CHILD), "../..");
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
afterEach(async () => receiver?.close());

describe("webhook deliveries across a SIGKILL", () => {
  it("delivers each of 12 events exactly once by key when the sending process is killed mid-queue", async () => {
    receiver = await startWebhookReceiver();
    const dir = mkdtempSync(join(tmpdir(), "quash-alerts-kill-"));
    const file = join(dir, "quash.db");
    const outfile = join(ROOT, ".test-results", `alerts-worker-child-${process.pid}.mjs`);
    const db = openDatabase(file);
    try {
      keepOutboxInStep(db);
      const now = () => new Date().toISOString();
      const { secret } = createSubscriptionsRepository(db, now).addWebhook({
        url: receiver.url,
        label: "bot",
        events: ["entry"],
        createdBy: "test",
      });
      const kase = insertCase(db);
      for (let i = 1; i <= 12; i++) insertEntry(db, kase.id, { description: `Entry ${i}` });
      receiver.delay(300);

      // Bundled like the crash test's server child, each module keeping its place (db/migrations beside db/client.ts).
      await build({
        entryPoints: [CHILD],
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        packages: "external",
        outfile,
        plugins: [keepModuleLocations],
        logLevel: "warning",
      });
      const child = spawn(process.execPath, [outfile], { env: { ...process.env, QUASH_DB: file }, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<NodeJS.Signals | null>((r) => child.on("exit", (_code, signal) => r(signal)));
      const deadline = Date.now() + 60_000;
      while (receiver.requests.length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      child.kill("SIGKILL"); // the fifth request is on the wire, unanswered
      expect(await exited, stderr).toBe("SIGKILL");
      const sentBefore = db
        .select()
        .from(s.deliveries)
        .all()
        .filter((d) => d.status === "sent").length;
      expect(sentBefore).toBeGreaterThanOrEqual(4);
      expect(sentBefore).toBeLessThan(12);

      // The next process: its claim on the cut-off delivery waits out the dead one's lease.
      receiver.delay(0);
      const clock = movableClock(new Date(Date.now() + 3 * 60_000).toISOString());
      const after = createDeliveryWorker({ db, clock, publicUrl: "http://127.0.0.1:3000", mailer: null, owner: "restarted" });
      await after.runOnce();
      expect(
        db
          .select()
          .from(s.deliveries)
          .all()
          .every((d) => d.status === "sent"),
      ).toBe(true);

      const byKey = new Map<string, number>();
      for (const r of receiver.requests) {
        expect(verifySignature(secret, String(r.headers["quash-signature"]), r.body, Math.floor(Date.now() / 1000), 900)).toBe(true);
        const key = String(r.headers["idempotency-key"]);
        byKey.set(key, (byKey.get(key) ?? 0) + 1);
      }
      expect(byKey.size).toBe(12);
      // At most the one request the kill cut off was sent twice, and under the same key.
      expect(receiver.requests.length - byKey.size).toBeLessThanOrEqual(1);
      const texts = [...new Set(receiver.requests.map((r) => (JSON.parse(r.body) as { text: string }).text))].sort();
      expect(texts).toEqual(Array.from({ length: 12 }, (_, i) => `Entry ${i + 1}`).sort());
    } finally {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
      rmSync(outfile, { force: true });
    }
  }, 90_000);
});
