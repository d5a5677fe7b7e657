// The rules the code cites are written down (docs/rules.md), and what is written there is what
// the code does: every error code the console answers with is listed under "Error codes", and
// every `docs/rules.md "Section"` cited in the code, the tests or the README names a section that
// exists.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { ERROR_CODES } from "../lib/error-codes";

const rules = readFileSync("docs/rules.md", "utf8");
const sections = new Set([...rules.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1].trim()));

function sectionText(title: string): string {
  const start = rules.indexOf(`## ${title}\n`);
  assert.ok(start >= 0, `docs/rules.md has no "${title}" section`);
  const next = rules.indexOf("\n## ", start + 3);
  return rules.slice(start, next < 0 ? undefined : next);
}

const SKIP = new Set(["node_modules", ".next", ".git", "generated", "test-results", "playwright-report", ".data", "bench"]);
function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name) || name.startsWith(".")) continue;
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) yield* sourceFiles(file);
    else if (/\.(ts|tsx|mts|mjs|md|sql|css)$/.test(name)) yield file;
  }
}

describe("docs/rules.md", () => {
  it("lists every error code the console answers with", () => {
    const listed = sectionText("Error codes");
    const missing = ERROR_CODES.filter((code) => !listed.includes(`\`${code}\``));
    assert.deepEqual(missing, [], `not in docs/rules.md "Error codes": ${missing.join(", ")}`);
  });

  it("has every section the code, the tests and the README cite", () => {
    const cited = new Map<string, string>();
    for (const file of [
      "README.md",
      ...["app", "components", "lib", "i18n", "scripts", "test", "e2e", "prisma"].flatMap((d) => [...sourceFiles(d)]),
    ]) {
      if (file === path.join("test", "docs.test.ts")) continue; // its own comments show the pattern
      const text = readFileSync(file, "utf8");
      // `docs/rules.md "Languages"`, and a list after one citation: `docs/rules.md "A", "B"`.
      for (const m of text.matchAll(/docs\/rules\.md[`)]*\s*((?:"[^"\n]+"(?:,\s*|\s+and\s+)?)+)/g)) {
        for (const title of m[1].matchAll(/"([^"\n]+)"/g)) if (!cited.has(title[1])) cited.set(title[1], file);
      }
    }
    assert.ok(cited.size > 10, `found only ${cited.size} citations: the pattern no longer matches how the code cites`);
    const dangling = [...cited].filter(([title]) => !sections.has(title)).map(([title, file]) => `"${title}" (${file})`);
    assert.deepEqual(dangling, [], `cited but not in docs/rules.md: ${dangling.join(", ")}`);
  });
});
