import type { z } from "../validation/zod";
import { clientIpFrom } from "../client-ip";
import { getDb } from "../db";
import { describeForLog } from "../db/errors";
import type { Answer, ConsumerContext } from "./credentials";
import { consumerJson, parseJsonBody, refusalResponse } from "./http";

/**
 * A consumer endpoint on the same rails as the server actions: the body parsed with its zod
 * schema, the client address by the one rule, codes from the one ErrorCode union, refusals
 * audited by the handler, anything unexpected logged and answered 503 without detail.
 */
export function consumerRoute<S extends z.ZodType, T>(
  schema: S,
  handler: (db: Awaited<ReturnType<typeof getDb>>, input: z.output<S>, ctx: ConsumerContext) => Promise<Answer<T>>,
) {
  return async (request: Request) => {
    const parsed = await parseJsonBody(request, schema);
    if (!parsed.ok) return refusalResponse(parsed.refusal);
    try {
      const db = await getDb();
      const answer = await handler(db, parsed.data, { clientIp: clientIpFrom(request.headers) });
      return answer.ok ? consumerJson(answer.body) : refusalResponse(answer.refusal);
    } catch (error) {
      console.error(`[consumer ${new URL(request.url).pathname}] ${describeForLog(error)}`);
      return consumerJson({ code: "InternalError", message: "The console could not answer. Try again shortly." }, 503, {
        "Retry-After": "5",
      });
    }
  };
}
