import en from "../../messages/en/consume.json";
import zh from "../../messages/zh-CN/consume.json";

/** The `consume` namespace in both languages, as written (i18n/messages.ts). */
const consume = { en, zh };
export default consume;
