import type { ReactNode } from "react";
import { cn } from "./cn";

export type Tone = "green" | "red" | "blue" | "gray" | "orange" | "purple";

const TONES: Record<Tone, { box: string; dot: string }> = {
  green: { box: "text-green-700", dot: "bg-green-500" },
  red: { box: "text-red-700", dot: "bg-red-500" },
  blue: { box: "text-blue-700", dot: "bg-blue-500 animate-pulse" },
  gray: { box: "text-gray-600", dot: "bg-gray-400" },
  orange: { box: "text-orange-700", dot: "bg-orange-500" },
  purple: { box: "text-purple-700", dot: "bg-purple-500" },
};

/** A status with a coloured dot, as cloud consoles show them. */
export function Badge({ tone, title, children }: { tone: Tone; title?: string; children: ReactNode }) {
  return (
    <span className={cn("badge", TONES[tone].box)} title={title}>
      <span aria-hidden className={cn("badge-dot", TONES[tone].dot)} />
      {children}
    </span>
  );
}
