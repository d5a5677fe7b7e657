import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { clientIpFrom } from "../client-ip";
import type { z } from "../validation/zod";
import { getSessionUser } from "../auth/session";
import type { ActionResult } from "./result";
import { isDatabaseUnavailable } from "../db/errors";
import { databaseUnavailable, localizeResult, runAction, type ActionSpec } from "./run-action";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import { requestLocale } from "@/i18n/server";

export type { ActionSpec };

/**
 * Wraps a server action: reads the session on the server, runs {@link runAction}, and after a
 * success revalidates the pages it changed (outside the handler, so a done write is never
 * reported as failed).
 */
export function defineAction<S extends z.ZodType, T>(spec: ActionSpec<S, T>) {
  return async (input: unknown): Promise<ActionResult<T>> => {
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
    return runAction(
      spec,
      input,
      user,
      clientIpFrom(await headers()),
      (parsed, data) => {
        for (const path of spec.revalidate?.(parsed, data) ?? []) revalidatePath(path);
      },
      { channel: "console", locale },
    );
  };
}
