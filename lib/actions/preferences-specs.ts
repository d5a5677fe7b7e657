import "server-only";
import { changeLanguageSchema, changeTimeZoneSchema } from "../validation/preferences";
import type { Locale } from "@/i18n/locales";
import type { ActionSpec } from "./run-action";

/** The time zone switch (docs/rules.md "Preferences"): any role, for itself only; audited. */
export const changeTimeZoneSpec = {
  name: "changeTimeZone",
  permission: "preferences.change",
  schema: changeTimeZoneSchema,
  async change(tx, input, _prepared, ctx) {
    await tx.user.update({ where: { id: ctx.user.id }, data: { timeZone: input.timeZone }, select: { id: true } });
    return { ok: true, data: { timeZone: input.timeZone } };
  },
  audit: () => ({}),
} satisfies ActionSpec<typeof changeTimeZoneSchema, { timeZone: string }>;

/** The language switch (docs/rules.md "Languages"): any role, for itself only; audited. */
export const changeLanguageSpec = {
  name: "changeLanguage",
  permission: "preferences.change",
  schema: changeLanguageSchema,
  async change(tx, input, _prepared, ctx) {
    await tx.user.update({ where: { id: ctx.user.id }, data: { locale: input.locale }, select: { id: true } });
    return { ok: true, data: { locale: input.locale } };
  },
  audit: () => ({}),
} satisfies ActionSpec<typeof changeLanguageSchema, { locale: Locale }>;
