#!/usr/bin/env node
// The `quash` command. The code is TypeScript run through tsx, so `npx quash …` works
// from the project root right after `npm install`, with no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../server/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
