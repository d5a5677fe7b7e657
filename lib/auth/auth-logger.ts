import type { LoggerInstance } from "next-auth";

/** At most this many lines per code and minute; the rest are counted and said with the next line. */
const LINES_PER_MINUTE = 5;
const counts = new Map<string, { minute: number; lines: number; dropped: number }>();

/** next-auth's message in one line: a code, the error's name and message, never a stack or a token. */
function oneLine(code: string, metadata: unknown): string {
  const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | null)?.error;
  const what = error instanceof Error ? `${error.name}: ${error.message}` : typeof metadata === "string" ? metadata : "";
  return `[auth] ${code}${what ? ` ${what.replace(/\s+/g, " ").slice(0, 200)}` : ""}`;
}

/**
 * next-auth's logger (docs/rules.md "Sessions"): a rejected token (a garbage or foreign cookie,
 * which anyone may send) is one line, not a stack trace, and lines are rate-limited per code so
 * nobody can fill the log by sending them.
 */
export function logAuthLine(level: "error" | "warn", code: string, metadata: unknown, now = Date.now()): string | null {
  const minute = Math.floor(now / 60_000);
  const seen = counts.get(code);
  const entry = seen && seen.minute === minute ? seen : { minute, lines: 0, dropped: seen?.dropped ?? 0 };
  counts.set(code, entry);
  if (counts.size > 100) counts.clear();
  if (entry.lines >= LINES_PER_MINUTE) {
    entry.dropped += 1;
    return null;
  }
  entry.lines += 1;
  const dropped = entry.dropped ? ` (${entry.dropped} more not logged)` : "";
  entry.dropped = 0;
  const line = oneLine(code, metadata) + dropped;
  console[level](line);
  return line;
}

export const authLogger: Partial<LoggerInstance> = {
  error: (code, metadata) => void logAuthLine("error", code, metadata),
  warn: (code) => void logAuthLine("warn", code, null),
  debug: () => {},
};
