import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import { signIn, startConsole, type ConsoleServer } from "./console-http";

/**
 * For the describe block it is called in: the production server on a fresh embedded database,
 * signed in as admin (`cookie`), started before the block's tests and stopped after them, its data
 * folder removed. Read `server` and `cookie` inside the tests, once `before` has run.
 */
export function suiteConsole(name: string, password: string): { server: ConsoleServer; cookie: string } {
  const dir = mkdtempSync(path.join(tmpdir(), `dts-${name}-`));
  const state = { cookie: "" } as { server: ConsoleServer; cookie: string };
  before(async () => {
    state.server = await startConsole({ DATABASE_URL: "", DTS_DATA_DIR: path.join(dir, "pglite"), DEMO_PASSWORD: password });
    state.cookie = await signIn(state.server.url, "admin", password);
  });
  after(async () => {
    await state.server.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return state;
}
