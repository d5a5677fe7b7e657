import en from "../../messages/en/instance.json";
import zh from "../../messages/zh-CN/instance.json";

/** The `instance` namespace in both languages, as written (i18n/messages.ts). */
const instance = { en, zh };
export default instance;
