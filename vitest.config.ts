import { defineConfig } from "vitest/config";
import { testFilesByApp } from "./test/support/test-projects";

// Pure and repository tests (the `unit` project) never load the app; the rest (`app`) build it.
// Both run their files one after another in long-lived worker processes (`isolate: false`), so
// each process loads the app's modules, compiles its templates and migrates its template
// database once, not once per file. That is safe here because the app keeps no state at module
// level except caches of pure results (the README says more; keep it so).
const { withoutApp } = testFilesByApp(import.meta.dirname);

export default defineConfig({
  test: {
    // Browser tests start Chromium; give them room without slowing the unit tests.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    isolate: false,
    projects: [
      { extends: true, test: { name: "unit", include: withoutApp } },
      { extends: true, test: { name: "app", include: ["test/**/*.test.ts"], exclude: withoutApp } },
    ],
  },
});
