import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, chmodSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** Where Debian's postgresql-15 package keeps initdb, pg_ctl and postgres. */
export function findPgBin(): string | undefined {
  for (const dir of [process.env.PG_BIN, "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"]) {
    if (dir && existsSync(path.join(dir, "pg_ctl"))) return dir;
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export interface PgServer {
  url: string;
  /** The cluster's folder (data, socket and log), removed by `stop()`. */
  dir: string;
  stop(): void;
  /** Shuts the server down (clients see the database go away), keeping its data for `resume()`. */
  pause(): void;
  /** Starts it again on the same port and data, after `pause()`. */
  resume(): void;
}

/** Runs one of the cluster programs; as root, as the `postgres` user (initdb refuses root). */
function runAs(bin: string, cmd: string, args: string[]) {
  if (process.getuid?.() === 0) {
    const quoted = [path.join(bin, cmd), ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    return execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", quoted], { stdio: "pipe" });
  }
  return execFileSync(path.join(bin, cmd), args, { stdio: "pipe" });
}

/**
 * Stops the cluster in `dir` (a `PgServer.dir` of a process that died before its `stop()`) and
 * removes the folder; nothing happens when it is gone already.
 */
export function stopPgCluster(bin: string, dir: string): void {
  const data = path.join(dir, "data");
  try {
    if (existsSync(path.join(data, "postmaster.pid"))) runAs(bin, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts a throwaway PostgreSQL cluster on a free loopback port. initdb refuses to run as root,
 * so as root the cluster belongs to the `postgres` user.
 */
export async function startPgServer(bin: string): Promise<PgServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "dts-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const port = await freePort();
  const run = (cmd: string, args: string[]) => runAs(bin, cmd, args);
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const start = () =>
    run("pg_ctl", [
      "-D",
      data,
      "-l",
      path.join(dir, "log"),
      "-w",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      "start",
    ]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    stop: () => stopPgCluster(bin, dir),
    pause: () => void run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]),
    resume: () => void start(),
  };
}
