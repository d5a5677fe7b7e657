import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { SEED_IDS } from "../../lib/demo";
import { scriptsNamedBy } from "../helpers/page-scripts";
import { suiteConsole } from "../helpers/suite-console";

// What a page makes the browser load before it is usable (README "Benchmark"): the scripts its
// HTML names. Zod and react-hook-form belong to the forms, which load when a dialog is wanted, so
// the table pages never carry them; the dialogs' chunks still exist and still contain them. Radix
// (menus, dialogs, tooltips, their popper), sonner and next-auth's client load when a menu, dialog,
// tooltip or toast is first wanted; TanStack Query with the instance pages that poll.
const PASSWORD = "PageScripts#2026";
let app: ReturnType<typeof suiteConsole>;

/** The text of every script the page's HTML names. */
async function scriptsOf(pagePath: string, status = 200): Promise<{ html: string; scripts: string }> {
  const res = await fetch(app.server.url + pagePath, { headers: { cookie: app.cookie } });
  assert.equal(res.status, status, pagePath);
  const html = await res.text();
  const sources = scriptsNamedBy(html);
  assert.ok(sources.length > 3, `${pagePath} names its scripts`);
  // The build's files themselves: the same bytes the server sends.
  const scripts = sources.map((src) => readFileSync(path.join(".next/static", src.replace(/^\/_next\/static\//, "")), "utf8")).join("\n");
  return { html, scripts };
}

/** Zod's own error class name and react-hook-form's field registry: each library's mark in a chunk. */
const ZOD = /ZodError/;
const HOOK_FORM = /_formValues/;
/** Radix's context names, sonner's toaster attribute, next-auth's client, TanStack Query's provider check. */
const LOADED_WHEN_WANTED = {
  radixMenu: /"MenuContent"/,
  radixDialog: /"DialogContent"/,
  radixTooltip: /"TooltipContent"/,
  radixPopper: /"PopperContent"/,
  sonner: /data-sonner-toaster/,
  nextAuthClient: /\/api\/auth|__NEXTAUTH/,
} as const;
const TANSTACK_QUERY = /No QueryClient set/;

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

  it("a console page opens without Radix, sonner, next-auth's client or TanStack Query; each comes when wanted", async () => {
    const { html, scripts } = await scriptsOf("/no-such-console-page", 404);
    assert.match(html, /Page not found/);
    for (const [name, mark] of Object.entries(LOADED_WHEN_WANTED)) assert.doesNotMatch(scripts, mark, name);
    assert.doesNotMatch(scripts, TANSTACK_QUERY);
    // The marks are real: the build has the chunks that bring them.
    const chunks = readdirSync(".next/static/chunks").filter((f) => f.endsWith(".js"));
    const all = chunks.map((f) => readFileSync(path.join(".next/static/chunks", f), "utf8")).join("\n");
    for (const [name, mark] of Object.entries(LOADED_WHEN_WANTED)) assert.match(all, mark, name);
    // Data Consume polls through TanStack Query, which comes with it.
    assert.match((await scriptsOf(`/change-tracking/${SEED_IDS.normal}/consume`)).scripts, TANSTACK_QUERY);
  });
});
