// The abort-reason patch server.mjs installs before Next.js loads (lib/runtime/abort-reasons.mjs):
// an Error given to `abort()` must not keep the functions that were on the stack when it was made,
// or whatever their closures hold. The first case shows the retention happens without the patch,
// so the second can fail.
import assert from "node:assert/strict";
import { setImmediate as tick } from "node:timers/promises";
import { describe, it } from "node:test";
import v8 from "node:v8";
import vm from "node:vm";
import { materializeAbortReasons } from "../../lib/runtime/abort-reasons.mjs";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/** Aborts a controller from inside a closure over a large object; returns a weak handle on it. */
function abortInsideRender(): { controller: AbortController; payload: WeakRef<object> } {
  const controller = new AbortController();
  const render = () => {
    const page = { html: "x".repeat(1 << 20) };
    const onError = () => page.html.length;
    const finish = () => {
      onError();
      controller.abort(new Error("This render completed successfully."));
    };
    finish();
    return new WeakRef(page);
  };
  return { controller, payload: render() };
}

async function collected(payload: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 5; i++) {
    await tick();
    gc();
  }
  return payload.deref() === undefined;
}

describe("abort reasons", () => {
  it("without the patch, an aborted controller's reason keeps the render's closures alive", async () => {
    const { controller, payload } = abortInsideRender();
    assert.equal(await collected(payload), false);
    assert.ok(controller.signal.aborted);
  });

  it("with it, the reason keeps its stack as text and the closures go", async () => {
    materializeAbortReasons();
    const { controller, payload } = abortInsideRender();
    assert.equal(await collected(payload), true);
    assert.match(String((controller.signal.reason as Error).stack), /render completed successfully[\s\S]*abortInsideRender/);
  });

  it("installs once, and keeps what abort() does", () => {
    const installed = () => Object.getOwnPropertyDescriptor(AbortController.prototype, "abort")?.value as unknown;
    materializeAbortReasons();
    const patched = installed();
    materializeAbortReasons();
    assert.equal(installed(), patched);
    const c = new AbortController();
    c.abort("plain reason");
    assert.equal(c.signal.reason, "plain reason");
    const d = new AbortController();
    d.abort();
    assert.equal((d.signal.reason as DOMException).name, "AbortError");
  });
});
