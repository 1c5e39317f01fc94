import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startPeerParser } from "../../bench/juriscraper";
import { sharedPath } from "../support/shared";

// juriscraper cannot be installed here, so the harness is run against a stand-in that speaks the
// same protocol over the same files (Python's own html.parser instead of DocketReport).
const STAND_IN = join(import.meta.dirname, "stand_in_pass.py");
const DISTRICT = sharedPath("fixtures", "pacer", "district");
const files = readdirSync(DISTRICT)
  .filter((name) => name.endsWith(".html"))
  .sort()
  .map((name) => ({ path: join(DISTRICT, name), court: name.split(/[_.]/)[0]! }));

describe("the juriscraper timing harness", () => {
  it("times every fixture in each pass it asks for", async () => {
    const peer = await startPeerParser("python3", files, STAND_IN);
    try {
      for (let pass = 0; pass < 2; pass++) {
        const ms = await peer.pass();
        expect(ms).toHaveLength(31);
        expect(ms.every((n) => Number.isFinite(n) && n >= 0)).toBe(true);
      }
    } finally {
      await peer.close();
    }
  });

  it("says why when the script fails, in the Python's own last words", async () => {
    const dir = mkdtempSync(join(tmpdir(), "quash-peer-"));
    try {
      const failing = join(dir, "failing.py");
      writeFileSync(failing, "raise ModuleNotFoundError(\"No module named 'juriscraper'\")\n");
      await expect(startPeerParser("python3", files, failing)).rejects.toThrow(
        /exit code 1 \(ModuleNotFoundError: No module named 'juriscraper'\)/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says why when the Python does not exist", async () => {
    await expect(startPeerParser("/nonexistent/python", files)).rejects.toThrow(/ENOENT/);
  });
});
