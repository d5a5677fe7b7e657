import type { ReactNode } from "react";

export type Tone = "green" | "red" | "blue" | "gray" | "orange" | "purple";

/**
 * A status with a coloured dot, as cloud consoles show them. The dot and the tone's colours are
 * CSS (`.badge`, `.badge-<tone>` in app/globals.css): a table's rows send a word, not a dot each.
 */
export function Badge({ tone, title, testId, children }: { tone: Tone; title?: string; testId?: string; children: ReactNode }) {
  return (
    <span className={`badge badge-${tone}`} title={title} data-testid={testId}>
      {children}
    </span>
  );
}
