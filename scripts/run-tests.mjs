#!/usr/bin/env node
// Runs the whole suite and ends with the plain "N passed, N failed" line CI looks for.
// Vitest's own summary is not in that format, so we read its JSON report.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";

const outDir = ".test-results";
const outFile = join(outDir, "vitest.json");
mkdirSync(outDir, { recursive: true });
if (existsSync(outFile)) rmSync(outFile);

const args = ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${outFile}`, ...process.argv.slice(2)];
const run = spawnSync("npx", args, { stdio: "inherit" });

let passed = 0;
// Without a report nothing ran, and that counts as a failure.
let failed = 1;
if (existsSync(outFile)) {
  const report = JSON.parse(readFileSync(outFile, "utf8"));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  // A file that fails to load has no tests to count; still count it, or a broken file would pass.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === "failed" && (file.assertionResults ?? []).length === 0,
  ).length;
  failed += brokenFiles;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
