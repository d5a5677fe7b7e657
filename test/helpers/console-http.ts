// The console over real HTTP, as a browser drives it, for the multi-process proofs and the bench:
// production servers (`node server.mjs`), sign-in through next-auth's own endpoints, and server
// actions called by name from the build's manifest.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/**
 * The Node.js flags of `npm start` (package.json's start script: a V8 heap cap, README "Benchmark"),
 * so the servers of the tests and the bench run as the console runs.
 */
export const START_FLAGS: string[] = (() => {
  const start = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
  const match = /^node ((?:--[\w-]+(?:=\S+)? )*)server\.mjs$/.exec(start);
  if (!match) throw new Error(`package.json's start script is not "node [flags] server.mjs": ${start}`);
  return match[1].trim().split(/\s+/).filter(Boolean);
})();

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export interface ConsoleServer {
  url: string;
  process: ChildProcess;
  /** Everything the server printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `node server.mjs` (the production build in .next) on a free port and resolves once it
 * answers. `env` is added to this process's environment.
 */
export async function startConsole(
  env: Record<string, string>,
  options: { port?: number; timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<ConsoleServer> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [...START_FLAGS, ...(options.nodeArgs ?? []), "server.mjs"], {
    env: { ...process.env, NODE_ENV: "production", HOSTNAME: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the console exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/auth/csrf`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the console did not answer within the time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 8000).unref();
      }),
  };
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";", 1)[0]);
}

/** Signs in through next-auth (csrf token, then the credentials callback); returns the Cookie header of the session. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${baseUrl}/change-tracking`, json: "true" }),
    redirect: "manual",
  });
  const session = cookiesOf(res).find((c) => c.includes("next-auth.session-token="));
  if (!session) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  return session;
}

/** The id of a server action in the production build, by its exported name. */
export function actionId(name: string, dir = ".next"): string {
  const manifest = JSON.parse(readFileSync(path.join(dir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`No server action named ${name} in the build`);
  return found[0];
}

/** The request a browser sends for a server action (arguments as a JSON array, as React's client does). */
export function actionRequest(
  baseUrl: string,
  cookie: string,
  id: string,
  args: unknown[],
  pagePath: string,
): { url: string; init: RequestInit } {
  return {
    url: `${baseUrl}${pagePath}`,
    init: {
      method: "POST",
      headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: baseUrl, cookie },
      body: JSON.stringify(args),
    },
  };
}

export interface ActionResultJson {
  ok: boolean;
  code?: string;
  message?: string;
  data?: unknown;
}

/** The action's result object in a React Server Components answer, if it carries one. */
export function actionResultOf(text: string): ActionResultJson | undefined {
  const at = text.indexOf('{"ok":');
  if (at < 0) return undefined;
  try {
    return JSON.parse(text.slice(at).split("\n")[0]) as ActionResultJson;
  } catch {
    return undefined;
  }
}

/** Calls a server action over HTTP; the status, the result object and the raw text. */
export async function callAction(baseUrl: string, cookie: string, id: string, args: unknown[], pagePath: string) {
  const { url, init } = actionRequest(baseUrl, cookie, id, args, pagePath);
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, result: actionResultOf(text), text };
}
