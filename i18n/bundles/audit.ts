import en from "../../messages/en/audit.json";
import zh from "../../messages/zh-CN/audit.json";

/** The `audit` namespace in both languages, as written (i18n/messages.ts). */
const audit = { en, zh };
export default audit;
