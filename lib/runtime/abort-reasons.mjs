// Every abort reason gets its stack trace written out as text the moment it is set.
//
// React's server renderer ends each render with `cacheController.abort(new Error("This render
// completed successfully…"))`, and Next.js aborts its own controllers the same way. V8 keeps an
// Error's stack as structured frames until `.stack` is first read, and those frames hold the
// receiver and closure of every function on the stack: here the `Immediate` that ran the render.
// Node never unlinks a finished `Immediate` from the ones queued after it (`_idleNext`), so one
// pinned Immediate kept every later one alive, each with its request's async context: measured on
// this app, about 55 MiB of heap kept per 8 s of load on one page, for good (README
// "Benchmark"). Reading `.stack` turns the frames into a string and lets all of it go. The same leak
// is reported upstream (vercel/next.js#96279, #97316; react#37288); this stays until a release of
// both fixes it.
const abort = AbortController.prototype.abort;

/** Idempotent: installs the patch once per realm. */
export function materializeAbortReasons() {
  if (AbortController.prototype.abort !== abort) return;
  AbortController.prototype.abort = function abortWithWrittenStack(reason) {
    const result = abort.call(this, reason);
    try {
      const written = this.signal.reason;
      if (written !== null && typeof written === "object" && "stack" in written) void written.stack;
    } catch {
      // A reason whose `stack` getter throws keeps whatever it holds; the abort itself happened.
    }
    return result;
  };
}
