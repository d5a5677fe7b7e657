const pad = (n: number) => String(n).padStart(2, "0");

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(d: Date, timeZone: string): Record<string, string> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]));
}

function toDate(value: Date | string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * `2026-11-26 04:00:05`, the way DTS prints times, in UTC or the user's zone (docs/rules.md
 * "Preferences"); "—" for none. The column or label says which zone ({@link zoneLabel}).
 */
export function formatDateTime(value: Date | string | number | null | undefined, timeZone = "UTC"): string {
  const d = toDate(value);
  if (!d) return "—";
  if (timeZone === "UTC") {
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }
  const p = partsIn(d, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** A wall-clock time as `<input type="datetime-local">` gives it: `2026-12-03T10:00` or `…T10:00:05`. */
export const WALL_CLOCK_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a wall-clock time names in `timeZone` (a time typed in the zone the page shows), or
 * null for text that is not one. In a daylight-saving gap or overlap it takes the zone's offset
 * just after the change.
 */
export function instantOfWallClock(wall: string, timeZone = "UTC"): Date | null {
  const m = WALL_CLOCK_PATTERN.exec(wall);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] || 0));
  // A date that does not exist (month 13, 31 April, 24:00) is not one: Date.UTC would roll it over.
  const d = new Date(asUtc);
  if (
    d.getUTCMonth() + 1 !== Number(m[2]) ||
    d.getUTCDate() !== Number(m[3]) ||
    d.getUTCHours() !== Number(m[4]) ||
    d.getUTCMinutes() !== Number(m[5])
  )
    return null;
  if (timeZone === "UTC") return new Date(asUtc);
  const offsetAt = (t: number) => {
    const p = partsIn(new Date(t), timeZone);
    return (
      Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) -
      Math.floor(t / 1000) * 1000
    );
  };
  const first = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(first));
}

/** `04:00:05` in the zone; "—" for none. */
export function formatTime(value: Date | string | number | null | undefined, timeZone = "UTC"): string {
  const text = formatDateTime(value, timeZone);
  return text === "—" ? text : text.slice(11);
}

/** The zone as columns name it: `UTC`, or the offset from it now, `UTC+08:00`. */
export function zoneLabel(timeZone = "UTC", at: Date = new Date()): string {
  if (timeZone === "UTC") return "UTC";
  const p = partsIn(at, timeZone);
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const minutes = Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  if (minutes === 0) return "UTC+00:00";
  const sign = minutes > 0 ? "+" : "-";
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * How far behind a consumer group is, at a glance (docs/rules.md "Consumer progress"): "warn" from
 * a minute of delay or 10,000 unconsumed records, "high" from ten minutes or 100,000; null when no
 * consumer is connected or it is keeping up. Where the instance's latency alert is on, its
 * threshold moves the delay's levels: "high" from the threshold, "warn" from half of it.
 */
export const LAG_LEVELS = { delaySeconds: { warn: 60, high: 600 }, records: { warn: 10_000, high: 100_000 } } as const;
export function lagLevel(
  value: number | null | undefined,
  kind: keyof typeof LAG_LEVELS,
  /** the instance's latency alert threshold in seconds (delay only), null when none is on */
  alertSeconds?: number | null,
): "warn" | "high" | null {
  if (value === null || value === undefined || value < 0) return null;
  const { warn, high } =
    kind === "delaySeconds" && alertSeconds ? { warn: Math.ceil(alertSeconds / 2), high: alertSeconds } : LAG_LEVELS[kind];
  return value >= high ? "high" : value >= warn ? "warn" : null;
}

/** A count DTS shows as -1 when no consumer is connected; we show "—". Grouped as the locale writes numbers. */
export function formatMetric(value: number | null | undefined, unit = "", locale = "en"): string {
  if (value === null || value === undefined || value < 0) return "—";
  return `${value.toLocaleString(locale)}${unit}`;
}

const durationUnits = new Map<string, Record<"s" | "min" | "h", Intl.NumberFormat>>();
/** Short unit formatters of the locale: `12 min` in English, `12分钟` in Chinese. */
function unitsOf(locale: string) {
  let units = durationUnits.get(locale);
  if (!units) {
    const f = (unit: string) => new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 0 });
    units = { s: f("second"), min: f("minute"), h: f("hour") };
    durationUnits.set(locale, units);
  }
  return units;
}

/**
 * A duration in seconds, short, in the locale's words (docs/rules.md "Languages"): `45 sec`,
 * `12 min 5 sec`, `3 hr 20 min`, `5 min` in English; `45秒`, `12分钟 5秒`, `3小时 20分钟` in Chinese.
 */
export function formatDuration(seconds: number | null | undefined, locale = "en"): string {
  if (seconds === null || seconds === undefined || seconds < 0) return "—";
  const u = unitsOf(locale);
  const whole = Math.round(seconds);
  if (whole < 60) return u.s.format(whole);
  // A zero second or minute part is left out: "5 min", not "5 min 0 sec".
  const pair = (big: string, small: number, smallUnit: Intl.NumberFormat) => (small ? `${big} ${smallUnit.format(small)}` : big);
  if (whole < 3600) return pair(u.min.format(Math.floor(whole / 60)), whole % 60, u.s);
  return pair(u.h.format(Math.floor(whole / 3600)), Math.floor((whole % 3600) / 60), u.min);
}
