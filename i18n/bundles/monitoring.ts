import en from "../../messages/en/monitoring.json";
import zh from "../../messages/zh-CN/monitoring.json";

/** The `monitoring` namespace in both languages, as written (i18n/messages.ts). */
const monitoring = { en, zh };
export default monitoring;
