import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { createGuardRepository } from "../../server/guard/repository";
import { tempDataDir } from "../imports/support";
import { FIXTURES_DIR } from "../pacer/fixtures";
import { runCli } from "../support/cli";

/*
 * The guard on the PACER import path (`quash import`, the same import service the import page
 * and RSS/e-mail intake use): a real criminal docket, caed_2, has a receipt entry that prints
 * a defendant's passport number. The import stores it and the guard holds that entry, and
 * nothing else of the docket.
 */
describe("quash import and the publication guard", () => {
  it("holds the one entry of a real docket that prints a passport number", async () => {
    const dir = tempDataDir();
    const env = { DATABASE_FILE: join(dir, "quash.db"), DATA_DIR: join(dir, "data"), LOG_LEVEL: "silent" };
    const result = await runCli(["import", join(FIXTURES_DIR, "district/caed_2.html")], { env });
    expect(result.code).toBe(0);
    const db = openDatabase(env.DATABASE_FILE);
    try {
      const holds = createGuardRepository(db).holds({ status: "held" });
      expect(holds.map((h) => [h.recordType, h.heldBy, h.findings.map((f) => `${f.field}:${f.kind}`)])).toEqual([
        ["entry", "import #1 by cli", ["description:passport"]],
      ]);
      const entry = db.$client.prepare("SELECT description FROM docket_entries WHERE id = ?").get(Number(holds[0]!.recordId)) as {
        description: string;
      };
      const f = holds[0]!.findings[0]!;
      expect(entry.description.slice(f.start, f.end)).toBe("055732811");
    } finally {
      db.$client.close();
    }
  });
});
