import { readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

// The README names the oldest Node the project runs on; every installed package must declare
// that it supports it, or `npm install` warns (EBADENGINE) and the promise is only hoped for.
const ROOT = join(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean; dev?: boolean }>;
};
const readmeNode = /^Node (\d+\.\d+) or later\./m.exec(readFileSync(join(ROOT, "README.md"), "utf8"))?.[1];

describe("the Node version the project names", () => {
  it("is the same in the README and in package.json's engines", () => {
    expect(readmeNode).toBeDefined();
    expect(pkg.engines.node).toBe(`>=${readmeNode}`);
  });

  it("is supported by every package the lock file installs", () => {
    const oldest = `${readmeNode}.0`;
    const refusing = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== "" && entry.engines && !Array.isArray(entry.engines) && entry.engines.node)
      .filter(([, entry]) => !semver.satisfies(oldest, (entry.engines as { node: string }).node))
      .map(
        ([path, entry]) =>
          `${path.replace(/^.*node_modules\//, "")}@${entry.version} wants node ${(entry.engines as { node: string }).node}`,
      );
    expect(refusing).toEqual([]);
  });
});
