import en from "../../messages/en/auth.json";
import zh from "../../messages/zh-CN/auth.json";

/** The `auth` namespace in both languages, as written (i18n/messages.ts). */
const auth = { en, zh };
export default auth;
