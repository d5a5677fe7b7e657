// ESLint: Next.js's core-web-vitals rules and typescript-eslint's type-checked strict rules.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Numbers and ids in template strings are what the messages are made of.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // Server actions and handlers are passed as promises to React on purpose.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-confusing-void-expression": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // zod is configured once (jitless, for the CSP) in lib/validation/zod.ts; import it from there.
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "zod", message: "Import { z } from lib/validation/zod (configured for the CSP)." }] },
      ],
      // node:test's describe/it return promises the runner itself awaits.
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            { from: "package", package: "node:test", name: ["describe", "it", "test", "before", "after", "beforeEach", "afterEach"] },
          ],
        },
      ],
    },
  },
  {
    files: ["test/**", "e2e/**", "scripts/**"],
    rules: {
      // Assertions after `assert.ok(x)` narrow what the type system cannot.
      "@typescript-eslint/no-non-null-assertion": "off",
      // Tests assert what the types already claim: that is the point of a test.
      "@typescript-eslint/no-unnecessary-condition": "off",
    },
  },
  { files: ["lib/validation/zod.ts"], rules: { "no-restricted-imports": "off" } },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/generated/**",
    "playwright-report/**",
    "test-results/**",
    ".data/**",
  ]),
]);
