import en from "../../messages/en/tasks.json";
import zh from "../../messages/zh-CN/tasks.json";

/** The `tasks` namespace in both languages, as written (i18n/messages.ts). */
const tasks = { en, zh };
export default tasks;
