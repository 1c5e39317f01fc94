#!/usr/bin/env node
// The `quash` command (`npx quash …`, and `npm start` for `quash serve`). It runs the CLI as
// compiled into dist/ by `npm install` (scripts/build.mjs), which starts in a fraction of the
// time tsx takes to compile the TypeScript on every call. When a source file has changed since
// that build, it rebuilds first (under a second), so what runs is always what the sources say.
// If the build cannot be made (esbuild missing, a read-only checkout), it runs the TypeScript
// through tsx as before: slower, never stale.
import { pathToFileURL } from "node:url";
import { build, checkBuild } from "../scripts/build.mjs";

// `quash import … | head` closes the pipe early: stop quietly, as other commands do.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

const check = checkBuild();
const entry = check.entry ?? (await rebuild(check.stale));
const { main } = entry ? await import(pathToFileURL(entry).href) : await fromSource();
process.exitCode = await main(process.argv.slice(2));

async function rebuild(reason) {
  try {
    const started = performance.now();
    const built = await build();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`quash: ${reason}; compiled the TypeScript into dist/ in ${seconds} s\n`);
    return built;
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    process.stderr.write(`quash: ${reason} and compiling it failed (${why}); running the TypeScript through tsx\n`);
    return undefined;
  }
}

async function fromSource() {
  const { register } = await import("tsx/esm/api");
  register();
  return import("../server/cli/main.ts");
}
