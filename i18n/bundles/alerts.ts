import en from "../../messages/en/alerts.json";
import zh from "../../messages/zh-CN/alerts.json";

/** The `alerts` namespace in both languages, as written (i18n/messages.ts). */
const alerts = { en, zh };
export default alerts;
