import en from "../../messages/en/lagging.json";
import zh from "../../messages/zh-CN/lagging.json";

/** The `lagging` namespace in both languages, as written (i18n/messages.ts). */
const lagging = { en, zh };
export default lagging;
