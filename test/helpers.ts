import { connect, type Connection } from "../lib/db/connect";

/** A fresh in-memory PGlite with the real migrations applied. */
export function openTestDb(): Promise<Connection> {
  return connect({ dataDir: "memory://" });
}
