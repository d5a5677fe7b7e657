import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { SEED_IDS } from "../../lib/demo";
import { suiteConsole } from "../helpers/suite-console";

// What a page makes the browser load before it is usable (README "Benchmark"): the scripts its
// HTML names. Zod and react-hook-form belong to the forms, which load when a dialog is wanted, so
// the table pages never carry them; the dialogs' chunks still exist and still contain them.
const PASSWORD = "PageScripts#2026";
let app: ReturnType<typeof suiteConsole>;

/** The text of every script the page's HTML names. */
async function scriptsOf(pagePath: string): Promise<{ html: string; scripts: string }> {
  const res = await fetch(app.server.url + pagePath, { headers: { cookie: app.cookie } });
  assert.equal(res.status, 200, pagePath);
  const html = await res.text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
  assert.ok(sources.length > 3, `${pagePath} names its scripts`);
  // The build's files themselves: the same bytes the server sends.
  const scripts = sources.map((src) => readFileSync(path.join(".next/static", src.replace(/^\/_next\/static\//, "")), "utf8")).join("\n");
  return { html, scripts };
}

/** Zod's own error class name and react-hook-form's field registry: each library's mark in a chunk. */
const ZOD = /ZodError/;
const HOOK_FORM = /_formValues/;

describe("the scripts a page loads", () => {
  app = suiteConsole("page-scripts", PASSWORD);

  it("Data Consume opens without zod or react-hook-form; its dialogs bring them", async () => {
    const { html, scripts } = await scriptsOf(`/change-tracking/${SEED_IDS.normal}/consume`);
    assert.match(html, /Add Consumer Group/);
    assert.doesNotMatch(scripts, ZOD);
    assert.doesNotMatch(scripts, HOOK_FORM);
    // The marks are real: the build has chunks with them (the forms, loaded on demand).
    const chunks = readdirSync(".next/static/chunks").filter((f) => f.endsWith(".js"));
    const text = (f: string) => readFileSync(path.join(".next/static/chunks", f), "utf8");
    assert.ok(chunks.some((f) => ZOD.test(text(f))));
    assert.ok(chunks.some((f) => HOOK_FORM.test(text(f))));
  });

  it("the task list opens without zod or react-hook-form", async () => {
    const { html, scripts } = await scriptsOf("/change-tracking?region=cn-hangzhou");
    assert.match(html, /dtsg2m10r1x15a/);
    assert.doesNotMatch(scripts, ZOD);
    assert.doesNotMatch(scripts, HOOK_FORM);
  });
});
