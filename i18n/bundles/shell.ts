import en from "../../messages/en/shell.json";
import zh from "../../messages/zh-CN/shell.json";

/** The `shell` namespace in both languages, as written (i18n/messages.ts). */
const shell = { en, zh };
export default shell;
