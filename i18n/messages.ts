// The catalogues: one JSON file per namespace and language under messages/ (docs/rules.md
// "Languages"). English is the fallback: a Chinese message that is missing shows in English, and
// test/i18n-catalogues.test.ts fails on any key missing in either language.
import type { Locale } from "./locales";
import { overlay } from "./tree";
import en_common from "../messages/en/common.json";
import en_shell from "../messages/en/shell.json";
import en_auth from "../messages/en/auth.json";
import en_regions from "../messages/en/regions.json";
import en_tasks from "../messages/en/tasks.json";
import en_instance from "../messages/en/instance.json";
import en_consume from "../messages/en/consume.json";
import en_audit from "../messages/en/audit.json";
import en_accessKeys from "../messages/en/accessKeys.json";
import en_errors from "../messages/en/errors.json";
import en_validation from "../messages/en/validation.json";
import en_lagging from "../messages/en/lagging.json";
import en_alerts from "../messages/en/alerts.json";
import en_monitoring from "../messages/en/monitoring.json";
import zh_common from "../messages/zh-CN/common.json";
import zh_shell from "../messages/zh-CN/shell.json";
import zh_auth from "../messages/zh-CN/auth.json";
import zh_regions from "../messages/zh-CN/regions.json";
import zh_tasks from "../messages/zh-CN/tasks.json";
import zh_instance from "../messages/zh-CN/instance.json";
import zh_consume from "../messages/zh-CN/consume.json";
import zh_audit from "../messages/zh-CN/audit.json";
import zh_accessKeys from "../messages/zh-CN/accessKeys.json";
import zh_errors from "../messages/zh-CN/errors.json";
import zh_validation from "../messages/zh-CN/validation.json";
import zh_lagging from "../messages/zh-CN/lagging.json";
import zh_alerts from "../messages/zh-CN/alerts.json";
import zh_monitoring from "../messages/zh-CN/monitoring.json";

const en = {
  common: en_common,
  shell: en_shell,
  auth: en_auth,
  regions: en_regions,
  tasks: en_tasks,
  instance: en_instance,
  consume: en_consume,
  audit: en_audit,
  accessKeys: en_accessKeys,
  errors: en_errors,
  validation: en_validation,
  lagging: en_lagging,
  alerts: en_alerts,
  monitoring: en_monitoring,
};

export type Messages = typeof en;

const zhCN = {
  common: zh_common,
  shell: zh_shell,
  auth: zh_auth,
  regions: zh_regions,
  tasks: zh_tasks,
  instance: zh_instance,
  consume: zh_consume,
  audit: zh_audit,
  accessKeys: zh_accessKeys,
  errors: zh_errors,
  validation: zh_validation,
  lagging: zh_lagging,
  alerts: zh_alerts,
  monitoring: zh_monitoring,
};

/** Both catalogues as written, for the tests that compare them. */
export const CATALOGUES: Record<Locale, Record<string, unknown>> = { en, "zh-CN": zhCN };

/** What each locale renders with. */
export const MESSAGES: Record<Locale, Messages> = {
  en,
  "zh-CN": overlay(en, zhCN) as unknown as Messages,
};
