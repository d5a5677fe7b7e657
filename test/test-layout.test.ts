import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

// The unit tests mirror lib/ (test/<folder>/ for lib/<folder>/, cross-cutting ones at test/'s
// root), so the test command names each folder: a test file in a folder no script names would never
// run, and nothing would say so. Here every *.test.ts under test/ must match one script's pattern.
const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
const patterns = ["test:unit", "test:multi", "test:after-build"].flatMap((name) =>
  scripts[name].split(/\s+/).filter((word) => word.startsWith("test/") && word.endsWith("*.test.ts")),
);

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("the test layout", () => {
  it("every test file is run by a test script", () => {
    const files = testFiles("test");
    assert.ok(files.length > 30, "the walk found the tests");
    const unrun = files.filter((file) => !patterns.some((pattern) => path.dirname(file) === path.dirname(pattern)));
    assert.deepEqual(unrun, []);
  });

  it("each folder of unit tests is one of lib's", () => {
    const unit = scripts["test:unit"].split(/\s+/).filter((word) => /^test\/[^/]+\/\*\.test\.ts$/.test(word));
    const lib = new Set(
      readdirSync("lib", { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name),
    );
    lib.add("i18n"); // i18n/ sits beside lib/, on the same layer
    assert.deepEqual(
      unit.map((word) => word.split("/")[1]).filter((folder) => !lib.has(folder)),
      [],
    );
  });
});
