import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");

/*
 * The linter and the formatter run as part of the suite rather than as separate CI steps:
 * `npm test` is what CI and every landing run, so code that does not pass `npm run lint` and
 * `npm run format:check` cannot reach main.
 */
describe("the code", () => {
  it("passes ESLint (npm run lint) with no errors or warnings", { timeout: 240_000 }, async () => {
    const eslint = new ESLint({ cwd: root });
    const results = await eslint.lintFiles(["."]);
    const problems = results.flatMap((file) =>
      file.messages.map((m) => `${file.filePath.replace(`${root}/`, "")}:${m.line}:${m.column} ${m.ruleId ?? "parse"}: ${m.message}`),
    );
    expect(problems, "run `npm run lint` to see them (`npx eslint --fix .` fixes some)").toEqual([]);
  });

  it("is formatted by Prettier (npm run format:check)", { timeout: 240_000 }, async () => {
    // The CLI itself, so the test honours .prettierignore and .prettierrc.json exactly as
    // `npm run format` does; --list-different prints one unformatted path per line.
    const prettier = createRequire(import.meta.url).resolve("prettier/bin/prettier.cjs");
    const unformatted = await promisify(execFile)(process.execPath, [prettier, "--list-different", "."], { cwd: root }).then(
      () => [],
      (error: { code?: number; stdout?: string }) => {
        if (error.code !== 1) throw error;
        return (error.stdout ?? "").split("\n").filter(Boolean);
      },
    );
    expect(unformatted, "run `npm run format` to format them").toEqual([]);
  });
});
