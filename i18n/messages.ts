// The catalogues: one JSON file per namespace and language under messages/ (docs/rules.md
// "Languages"), read through i18n/bundles/ (one module per namespace, so that a page's client
// components bundle only the namespaces they read). English is the fallback: a Chinese message
// that is missing shows in English, and test/i18n/i18n-catalogues.test.ts fails on any key missing in
// either language.
import type { Locale } from "./locales";
import { overlay, type Tree } from "./tree";
import common from "./bundles/common";
import shell from "./bundles/shell";
import auth from "./bundles/auth";
import regions from "./bundles/regions";
import tasks from "./bundles/tasks";
import instance from "./bundles/instance";
import consume from "./bundles/consume";
import audit from "./bundles/audit";
import accessKeys from "./bundles/accessKeys";
import errors from "./bundles/errors";
import validation from "./bundles/validation";
import lagging from "./bundles/lagging";
import alerts from "./bundles/alerts";
import monitoring from "./bundles/monitoring";

const BUNDLES = {
  common,
  shell,
  auth,
  regions,
  tasks,
  instance,
  consume,
  audit,
  accessKeys,
  errors,
  validation,
  lagging,
  alerts,
  monitoring,
};
export type Namespace = keyof typeof BUNDLES;

const en = Object.fromEntries(Object.entries(BUNDLES).map(([ns, b]) => [ns, b.en])) as { [N in Namespace]: (typeof BUNDLES)[N]["en"] };

export type Messages = typeof en;

const zhCN = Object.fromEntries(Object.entries(BUNDLES).map(([ns, b]) => [ns, b.zh])) as Record<string, unknown>;

/** Both catalogues as written, for the tests that compare them. */
export const CATALOGUES: Record<Locale, Record<string, unknown>> = { en, "zh-CN": zhCN };

/** What each locale renders with. */
export const MESSAGES: Record<Locale, Messages> = {
  en,
  "zh-CN": overlay(en, zhCN as Tree) as unknown as Messages,
};
