import "server-only";
import { randomUUID } from "node:crypto";
import { writeAnonymousRefusal, writeAudit, type AuditEntry } from "../audit";
import type { SessionUser } from "../auth/session";
import { clientIpFrom } from "../client-ip";
import { getDb } from "../db";
import { describeForLog } from "../db/errors";
import { gatewayRefusal, operationRefusal, operationSuccess, type AnswerContext } from "./answers";
import type { HttpRefusal } from "../refusal";
import { authenticateCall } from "./authenticate";
import { OPENAPI_HOST_HEADER } from "./detect";
import { missingParameter, OPERATIONS } from "./operations";
import { MAX_BODY_BYTES, missingParameterRefusal, parseSignedRequest } from "./request";
import { API_VERSION } from "./signature";
import { negotiateLocale } from "@/i18n/locales";
import { localize } from "@/i18n/translate";

/**
 * The DTS OpenAPI endpoint (docs/rules.md "OpenAPI"): the proxy sends signed RPC calls made to "/"
 * here. Reads the request, checks its signature and AccessKey, runs the operation as the
 * AccessKey's user, and answers as Alibaba Cloud does, its messages in the language the request's
 * Accept-Language asks for (English unless Chinese), its codes the same in every language. Never
 * throws; anything unexpected is logged and answered 503 without detail.
 */
export async function handleOpenApi(request: Request): Promise<Response> {
  const host = request.headers.get(OPENAPI_HOST_HEADER) || request.headers.get("host");
  const locale = negotiateLocale(request.headers.get("accept-language"));
  const answer: AnswerContext = {
    requestId: randomUUID().toUpperCase(),
    hostId: (host ?? "").slice(0, 255),
    locale,
  };
  const clientIp = clientIpFrom(request.headers);
  const refuse = async (refusal: HttpRefusal, audit: Pick<AuditEntry, "accessKeyId"> & { user?: SessionUser }) => {
    try {
      const db = await getDb();
      const entry: AuditEntry = {
        username: audit.user?.username ?? "anonymous",
        role: audit.user?.role ?? null,
        action: "openApiRequest",
        errorCode: refusal.code,
        clientIp,
        channel: "api",
        accessKeyId: audit.accessKeyId,
      };
      // Before the signature is proven anyone can send these: rate-limited per client.
      if (audit.user) await writeAudit(db, entry);
      else await writeAnonymousRefusal(db, entry);
    } catch (error) {
      console.error(`[openapi] could not record a refusal: ${describeForLog(error)}`);
    }
    return gatewayRefusal(refusal, answer);
  };

  try {
    const declared = Number(request.headers.get("content-length") ?? 0);
    const body = declared > MAX_BODY_BYTES ? null : await request.text();
    if (body === null || Buffer.byteLength(body) > MAX_BODY_BYTES) {
      return await refuse(
        { status: 413, code: "InvalidParameter", message: "errors.api.bodyTooLarge", values: { maxBytes: String(MAX_BODY_BYTES) } },
        {},
      );
    }
    const parsed = parseSignedRequest({ method: request.method, url: request.url, headers: request.headers, body, host });
    if (!parsed.ok) return await refuse(parsed.refusal, { accessKeyId: parsed.accessKeyId });
    const call = parsed.call;
    if (call.version !== API_VERSION) {
      return await refuse(
        { status: 400, code: "InvalidVersion", message: "errors.api.invalidVersion", values: { version: API_VERSION } },
        { accessKeyId: call.accessKeyId },
      );
    }
    const operation = Object.hasOwn(OPERATIONS, call.action) ? OPERATIONS[call.action] : undefined;
    if (!operation) {
      return await refuse(
        { status: 404, code: "InvalidApi.NotFound", message: "errors.api.apiNotFound" },
        { accessKeyId: call.accessKeyId },
      );
    }

    const db = await getDb();
    const auth = await authenticateCall(db, call, clientIp);
    if (!auth.ok) return await refuse(auth.refusal, { accessKeyId: call.accessKeyId, user: auth.user });

    const missing = missingParameter(operation.required, call.params);
    if (missing) {
      return await refuse(missingParameterRefusal(missing), { accessKeyId: auth.accessKeyId, user: auth.user });
    }
    const result = await operation.run(call.params, {
      user: auth.user,
      ip: clientIp,
      via: { channel: "api", accessKeyId: auth.accessKeyId, locale },
    });
    if (result.ok) return operationSuccess(result.body, answer);
    if ("missing" in result) {
      return await refuse(missingParameterRefusal(result.missing), { accessKeyId: auth.accessKeyId, user: auth.user });
    }
    return operationRefusal(result.failure, answer);
  } catch (error) {
    console.error(`[openapi] ${describeForLog(error)}`);
    return new Response(
      JSON.stringify({
        RequestId: answer.requestId,
        HostId: answer.hostId,
        Code: "ServiceUnavailable",
        Message: localize(locale, "errors.unavailable"),
      }),
      {
        status: 503,
        headers: {
          "Content-Type": "application/json;charset=utf-8",
          "Cache-Control": "no-store",
          "Retry-After": "5",
          "x-acs-request-id": answer.requestId,
        },
      },
    );
  }
}
