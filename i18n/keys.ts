// What client and server share about message keys, without the catalogues (they reach the browser
// through NextIntlClientProvider, never through the JavaScript bundle).
import { ACCESS_KEY_QUOTA, ACCOUNT_MAX, CONSUMER_GROUP_QUOTA, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validation/rules";

/**
 * The rule figures every message may name ({quota}, {nameMax}, …): the catalogues never repeat a
 * number that lib/validation holds.
 */
export const RULE_VALUES = {
  quota: CONSUMER_GROUP_QUOTA,
  nameMax: NAME_MAX,
  accountMax: ACCOUNT_MAX,
  passwordMin: PASSWORD_MIN,
  passwordMax: PASSWORD_MAX,
  accessKeyQuota: ACCESS_KEY_QUOTA,
} as const;

export type MessageValues = Record<string, string | number>;
