import en from "../../messages/en/errors.json";
import zh from "../../messages/zh-CN/errors.json";

/** The `errors` namespace in both languages, as written (i18n/messages.ts). */
const errors = { en, zh };
export default errors;
