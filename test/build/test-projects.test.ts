import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { testFilesByApp } from "../support/test-projects";

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

function project(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), "quash-projects-"));
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), source);
  }
  return root;
}

describe("which tests load the app", () => {
  it("follows static, re-exported and dynamic imports, through cycles, to server/app.ts", () => {
    const dir = project({
      "server/app.ts": "export const app = 1;\n",
      "server/pure.ts": 'import { other } from "./cycle";\nexport const pure = other;\n',
      "server/cycle.ts": 'import { pure } from "./pure";\nexport const other = 2; export { pure };\n',
      "server/lazy.ts": 'export const load = () => import("./app");\n',
      "server/reexport/index.ts": 'export { app } from "../app";\n',
      "test/support/app.ts": 'import { app } from "../../server/app";\nexport { app };\n',
      "test/pure.test.ts": 'import { pure } from "../server/pure";\n',
      "test/direct.test.ts": 'import { app } from "./support/app";\n',
      "test/lazy.test.ts": 'import { load } from "../server/lazy";\n',
      "test/folder.test.ts": 'import { app } from "../server/reexport";\n',
      "test/packages-only.test.ts": 'import { it } from "vitest";\n',
    });
    expect(testFilesByApp(dir)).toEqual({
      withApp: ["test/direct.test.ts", "test/folder.test.ts", "test/lazy.test.ts"],
      withoutApp: ["test/packages-only.test.ts", "test/pure.test.ts"],
    });
  });

  it("puts this project's pure tests in the unit project and its page tests in the app project", () => {
    const { withApp, withoutApp } = testFilesByApp(join(import.meta.dirname, "../.."));
    expect(withoutApp).toContain("test/pacer/fixtures.test.ts");
    expect(withoutApp).toContain("test/deadlines/compute.test.ts");
    expect(withApp).toContain("test/cases/docket-page.test.ts");
    expect(withApp).toContain("test/cli/deadline.test.ts");
  });
});
