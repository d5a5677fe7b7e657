import { randomInt } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A DTS-style resource id: `dts` and 11 lowercase letters and digits, like `dtspis1110z232`. */
export function newDtsId(random: (max: number) => number = randomInt): string {
  let id = "dts";
  for (let i = 0; i < 11; i++) id += ALPHABET[random(ALPHABET.length)];
  return id;
}
