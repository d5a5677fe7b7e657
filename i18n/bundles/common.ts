import en from "../../messages/en/common.json";
import zh from "../../messages/zh-CN/common.json";

/** The `common` namespace in both languages, as written (i18n/messages.ts). */
const common = { en, zh };
export default common;
