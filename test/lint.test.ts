import { resolve } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/*
 * The linter runs as part of the suite rather than as a separate CI step: `npm test` is what
 * CI and every landing run, so code that does not pass `npm run lint` cannot reach main.
 */
describe("the code", () => {
  it("passes ESLint (npm run lint) with no errors or warnings", { timeout: 240_000 }, async () => {
    const eslint = new ESLint({ cwd: resolve(import.meta.dirname, "..") });
    const results = await eslint.lintFiles(["."]);
    const problems = results.flatMap((file) =>
      file.messages.map((m) => `${file.filePath.replace(`${resolve(import.meta.dirname, "..")}/`, "")}:${m.line}:${m.column} ${m.ruleId ?? "parse"}: ${m.message}`),
    );
    expect(problems, "run `npm run lint` to see them (`npx eslint --fix .` fixes some)").toEqual([]);
  });
});
