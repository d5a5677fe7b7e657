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

/**
 * A message key as lib writes them (`errors.quotaExceeded`, `validation.name.required`): a
 * namespace and a path, no spaces. Text that is not a key (a user's own words) passes through.
 */
const MESSAGE_KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+$/;

export function isMessageKey(text: string): boolean {
  return MESSAGE_KEY.test(text);
}
