import type { z } from "../validation/zod";
import { clientIpFrom } from "../client-ip";
import { getDb } from "../db";
import { describeForLog } from "../db/errors";
import type { Answer, ConsumerContext } from "./lease";
import { clientLocale, consumerJson, parseJsonBody, refusalResponse } from "./http";
import { localize } from "@/i18n/translate";

/**
 * A consumer endpoint on the same rails as the server actions: the body parsed with its zod
 * schema, the client address by the one rule, codes from the one ErrorCode union, refusals
 * audited by the handler, anything unexpected logged and answered 503 without detail. Messages
 * are worded in the language the request's Accept-Language asks for (English by default); the
 * codes are the same in every language.
 */
export function consumerRoute<S extends z.ZodType, T>(
  schema: S,
  handler: (db: Awaited<ReturnType<typeof getDb>>, input: z.output<S>, ctx: ConsumerContext) => Promise<Answer<T>>,
) {
  return async (request: Request) => {
    const locale = clientLocale(request);
    const parsed = await parseJsonBody(request, schema);
    if (!parsed.ok) return refusalResponse(parsed.refusal, locale);
    try {
      const db = await getDb();
      const answer = await handler(db, parsed.data, { clientIp: clientIpFrom(request.headers) });
      return answer.ok ? consumerJson(answer.data) : refusalResponse(answer.refusal, locale);
    } catch (error) {
      console.error(`[consumer ${new URL(request.url).pathname}] ${describeForLog(error)}`);
      return consumerJson({ code: "InternalError", message: localize(locale, "errors.unavailable") }, 503, {
        "Retry-After": "5",
      });
    }
  };
}
