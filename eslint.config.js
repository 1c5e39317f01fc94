// ESLint (flat config) with typescript-eslint: `npm run lint`, run by the suite (test/lint.test.ts).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "data/", ".test-results/", "db/migrations/", "dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module" },
    rules: {
      // `_name` marks a parameter or binding kept for its position or to drop a key from a rest object.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none" },
      ],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-var": "error",
      "prefer-const": "error",
      // The PACER, MIME and PDF readers match control characters on purpose (binary sniffing, separators).
      "no-control-regex": "off",
    },
  },
  {
    // Server code logs through Fastify's logger or a command's io, never the console (docs/STYLE.md).
    files: ["server/**/*.ts"],
    rules: { "no-console": "error" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", performance: "readonly", URL: "readonly" } },
  },
);
