import { randomInt } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A DTS-style resource id: `dts` and 11 lowercase letters and digits, like `dtspis1110z232`. */
export function newDtsId(random: (max: number) => number = randomInt): string {
  let id = "dts";
  for (let i = 0; i < 11; i++) id += ALPHABET[random(ALPHABET.length)];
  return id;
}

const LETTERS_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const randomText = (length: number) => Array.from({ length }, () => LETTERS_AND_DIGITS[randomInt(LETTERS_AND_DIGITS.length)]).join("");

/** A new AccessKey ID: `LTAI` and 20 letters or digits, the shape of Alibaba Cloud's. */
export const newAccessKeyId = () => `LTAI${randomText(20)}`;

/** A new AccessKey secret: 30 letters or digits from the system's CSPRNG, as Alibaba Cloud issues them. */
export const newAccessKeySecret = () => randomText(30);

/** A notification channel's id: `ch` and 14 lowercase letters and digits. */
export function newChannelId(): string {
  let id = "ch";
  for (let i = 0; i < 14; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

/** A webhook's signing secret: `whsec_` and 32 letters or digits from the CSPRNG. */
export const newWebhookSecret = () => `whsec_${randomText(32)}`;
