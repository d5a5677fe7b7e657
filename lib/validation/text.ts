/**
 * Rules for free text people type (consumer group names) and for text the console stores from
 * requests it does not trust (audit fields, throttle keys). docs/rules.md "Names" states them; the
 * migration `20261128100000_boundary` repeats the character classes in a CHECK, and
 * test/rule-constants.test.ts compares the two.
 */

/** Bidirectional formatting characters: they reorder what is shown ("sec-\u202egnp.exe" shows as "sec-exe.png"). */
export const BIDI_CONTROLS = "\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069";

/**
 * Characters that render as nothing (zero-width, fillers, blanks). A name made only of these and
 * white space shows as empty, so a name needs at least one character outside this set.
 */
export const INVISIBLE_CHARS =
  "\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u2028-\u202F\u205F-\u206F\u2800\u3000\u3164\uFE00-\uFE0F\uFEFF\uFFA0";

/** C0 and C1 control characters (NUL included: PostgreSQL text cannot hold it). */
export const CONTROL_CHARS = "\u0000-\u001F\u007F-\u009F";

const bidi = new RegExp(`[${BIDI_CONTROLS}]`, "u");
const control = new RegExp(`[${CONTROL_CHARS}]`, "u");
const visible = new RegExp(`[^\\s${INVISIBLE_CHARS}]`, "u");

/** Why a display name is not acceptable, or null when it is. Expects NFC input. */
export function nameProblem(value: string): "control" | "bidi" | "surrogate" | "invisible" | null {
  if (!value.isWellFormed()) return "surrogate";
  if (control.test(value)) return "control";
  if (bidi.test(value)) return "bidi";
  if (!visible.test(value)) return "invisible";
  return null;
}

/** True when the string holds a NUL or another control character (never valid in an id, a search or a filter). */
export function hasControlChars(value: string): boolean {
  return control.test(value);
}

/**
 * Text from a request made safe to store and show: lone surrogates replaced, control and bidi
 * characters escaped as \uXXXX, and at most `max` characters. For the audit log, whose fields
 * (user names, ids) come from whoever sent the request.
 */
export function cleanText(value: string, max = 128): string {
  const wellFormed = value.toWellFormed();
  const escaped = wellFormed.replace(
    new RegExp(`[${CONTROL_CHARS}${BIDI_CONTROLS}]`, "gu"),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

/** Query-string text: control characters dropped, trimmed, capped; empty becomes undefined. */
export function cleanQueryText(value: unknown, max: number): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value
    .toWellFormed()
    .replace(new RegExp(`[${CONTROL_CHARS}]`, "gu"), "")
    .trim()
    .slice(0, max);
  return text || undefined;
}
