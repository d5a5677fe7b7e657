import en from "../../messages/en/accessKeys.json";
import zh from "../../messages/zh-CN/accessKeys.json";

/** The `accessKeys` namespace in both languages, as written (i18n/messages.ts). */
const accessKeys = { en, zh };
export default accessKeys;
