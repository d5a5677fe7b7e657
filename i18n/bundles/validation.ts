import en from "../../messages/en/validation.json";
import zh from "../../messages/zh-CN/validation.json";

/** The `validation` namespace in both languages, as written (i18n/messages.ts). */
const validation = { en, zh };
export default validation;
