import "server-only";
import { headers } from "next/headers";
import { clientIpFrom } from "../client-ip";
import { getSessionUser } from "../auth/session";
import type { ActionResult } from "./result";
import { isDatabaseUnavailable } from "../db/errors";
import { databaseUnavailable, localizeResult, runAction, type ActionSpec, type AnswerOf, type AnySpec } from "./run-action";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import { requestLocale } from "@/i18n/server";

export type { ActionSpec };

/**
 * Wraps a server action: reads the session on the server and runs {@link runAction}. The answer is
 * the result alone: no page is rendered again on the server for it (a revalidated path made each
 * answer carry a new render of the whole page, 18 KB on Data Consume and more time than the
 * password hash; README "Benchmark"). The browser refreshes what it shows: a query it refetches,
 * or `router.refresh()` on a server-rendered page.
 */
export function defineAction<A extends AnySpec>(spec: A) {
  return async (input: unknown): Promise<ActionResult<AnswerOf<A>>> => {
    let user: Awaited<ReturnType<typeof getSessionUser>>;
    let locale: Locale = DEFAULT_LOCALE;
    try {
      user = await getSessionUser();
      locale = await requestLocale();
    } catch (error) {
      // Reading the session needs the database too: without it the action answers, it does not fail.
      if (isDatabaseUnavailable(error)) return localizeResult(databaseUnavailable(spec.name, error), await requestLocale());
      throw error;
    }
    return runAction(spec, input, user, clientIpFrom(await headers()), { channel: "console", locale });
  };
}
