// ESLint: Next.js's core-web-vitals rules and typescript-eslint's type-checked strict rules.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

// The layers (README "Architecture"): app -> components -> lib, never back. `no-restricted-imports`
// is one rule (typescript-eslint's, which knows type-only imports), so each layer repeats the zod
// and next-intl paths beside its own arrows.
const ZOD_PATH = { name: "zod", message: "Import { z } from lib/validation/zod (configured for the CSP)." };
const NO_APP = { group: ["@/app/**", "**/app/**"], message: "app/ holds routes: nothing imports them." };
const NO_COMPONENTS = {
  group: ["@/components/**", "**/components/**"],
  message: "lib never imports components: move the shared part into lib.",
};
// The tables' client code stays light: zod (about 90 KB gzipped) comes only with a dialog's form.
const NO_ZOD_SCHEMAS = {
  group: ["@/lib/validation/*", "**/validation/*", "!@/lib/validation/rules", "!@/lib/validation/consume-view-url"],
  message: "A table's code imports the zod-free rules (lib/validation/rules, consume-view-url); schemas belong to the dialogs' forms.",
  // A type is erased from the bundle.
  allowTypeImports: true,
};
// Server components translate on the shared message cache (i18n/translator.ts, README "Benchmark").
const TRANSLATIONS_PATH = {
  name: "next-intl/server",
  importNames: ["getTranslations"],
  message: "Import getTranslations from @/i18n/translator: it compiles each message once per process.",
};
// A console route is dynamic and has no loading boundary: a prefetch costs the server a render and
// brings the click nothing (README "Benchmark"), so links come from components/ui/link.tsx.
const LINK_PATH = { name: "next/link", message: "Import { Link } from @/components/ui/link: console links do not prefetch." };
// sonner loads with the first toast (README "Benchmark"), so toasts come from components/ui/toast.tsx.
const SONNER_PATH = {
  name: "sonner",
  message: "Import { toast } from @/components/ui/toast: sonner loads with the first toast.",
  allowTypeImports: true,
};
const layer = (...patterns) => ["error", { paths: [ZOD_PATH, TRANSLATIONS_PATH, LINK_PATH, SONNER_PATH], patterns }];

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
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": layer(),
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
  { files: ["lib/**"], rules: { "@typescript-eslint/no-restricted-imports": layer(NO_APP, NO_COMPONENTS) } },
  { files: ["components/**"], rules: { "@typescript-eslint/no-restricted-imports": layer(NO_APP) } },
  {
    files: [
      "components/tasks/**",
      "components/shell/**",
      "components/consumer-groups/consumer-groups-panel.tsx",
      "components/consumer-groups/group-actions.tsx",
      "components/consumer-groups/add-consumer-group-dialog.tsx",
      "components/consumer-groups/group-details.tsx",
      "components/consumer-groups/connect-guide.tsx",
      "components/consumer-groups/sparkline.tsx",
      "components/ui/**",
    ],
    rules: { "@typescript-eslint/no-restricted-imports": layer(NO_APP, NO_ZOD_SCHEMAS) },
  },
  { files: ["lib/validation/zod.ts"], rules: { "@typescript-eslint/no-restricted-imports": "off" } },
  {
    files: ["components/ui/link.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { paths: [ZOD_PATH, TRANSLATIONS_PATH, SONNER_PATH], patterns: [NO_APP, NO_ZOD_SCHEMAS] },
      ],
    },
  },
  {
    files: ["components/ui/toast.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { paths: [ZOD_PATH, TRANSLATIONS_PATH, LINK_PATH], patterns: [NO_APP, NO_ZOD_SCHEMAS] },
      ],
    },
  },
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
