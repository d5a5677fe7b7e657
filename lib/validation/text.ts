/**
 * Rules for free text people type (consumer group names) and for text the console stores from
 * requests it does not trust (audit fields, throttle keys). docs/rules.md "Names" states them; the
 * CHECK `consumer_group_name_text_check` repeats them (migration `20261203100000_visible_names`,
 * whose visible ranges scripts/generate-visible-ranges.ts computes from {@link VISIBLE_CHAR}), and
 * test/validation/rule-constants.test.ts and test/data/visible-names.test.ts compare the two.
 */

/** Bidirectional formatting characters: they reorder what is shown ("sec-\u202egnp.exe" shows as "sec-exe.png"). */
export const BIDI_CONTROLS = "\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069";

/**
 * One character that is drawn as something, decided by Unicode properties: a letter, number, symbol
 * or punctuation mark (`\p{L}`, `\p{N}`, `\p{S}`, `\p{P}`) that is not Default_Ignorable. What
 * renders as nothing is none of these: format characters (`\p{Cf}`: zero-width characters, TAG
 * characters, musical, interlinear annotation and shorthand format controls), combining marks on
 * their own (`\p{Mn}`, `\p{Me}`), separators and white space (`\p{Z}`), controls, private-use and
 * unassigned code points; the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) are letters but
 * Default_Ignorable. One symbol is refused by name: U+2800 BRAILLE PATTERN BLANK, drawn as an empty
 * cell. A name needs at least one of these characters.
 */
export const VISIBLE_CHAR = /(?![\p{Default_Ignorable_Code_Point}\u2800])[\p{L}\p{N}\p{S}\p{P}]/u;

/** C0 and C1 control characters (NUL included: PostgreSQL text cannot hold it). */
export const CONTROL_CHARS = "\u0000-\u001F\u007F-\u009F";

const bidi = new RegExp(`[${BIDI_CONTROLS}]`, "u");
const control = new RegExp(`[${CONTROL_CHARS}]`, "u");

/** Why a display name is not acceptable, or null when it is. Expects NFC input. */
export function nameProblem(value: string): "control" | "bidi" | "surrogate" | "invisible" | null {
  if (!value.isWellFormed()) return "surrogate";
  if (control.test(value)) return "control";
  if (bidi.test(value)) return "bidi";
  if (!VISIBLE_CHAR.test(value)) return "invisible";
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
