import en from "../../messages/en/regions.json";
import zh from "../../messages/zh-CN/regions.json";

/** The `regions` namespace in both languages, as written (i18n/messages.ts). */
const regions = { en, zh };
export default regions;
