import type { ReactNode } from "react";

// The tags a catalogue message may carry (`t.rich(key, { mono, code })`), styled once.

/** An id or a name as typed: `<mono>…</mono>`. */
export const mono = (chunks: ReactNode) => <span className="font-mono">{chunks}</span>;

/** Code inside a sentence: `<code>…</code>`. */
export const code = (chunks: ReactNode) => <code className="rounded bg-gray-100 px-1 font-mono">{chunks}</code>;
