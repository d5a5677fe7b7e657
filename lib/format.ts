const pad = (n: number) => String(n).padStart(2, "0");

/** `2026-11-26 04:00:05` in UTC, the way DTS prints times; "—" for none. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return "—";
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A count DTS shows as -1 when no consumer is connected; we show "—". */
export function formatMetric(value: number | null | undefined, unit = ""): string {
  if (value === null || value === undefined || value < 0) return "—";
  return `${value.toLocaleString("en-US")}${unit}`;
}

export const BILLING_LABELS = { Subscription: "Subscription", PayAsYouGo: "Pay-as-you-go" } as const;
