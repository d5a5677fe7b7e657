/** Idempotent: installs the patch once per realm. */
export function materializeAbortReasons(): void;
