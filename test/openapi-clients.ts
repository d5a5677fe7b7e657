// The two official Alibaba Cloud clients, unmodified, as scripts use them against the console's
// DTS OpenAPI (docs/rules.md "OpenAPI"): @alicloud/pop-core (V1 signature, GET or POST form) and
// @alicloud/openapi-client with the parameters the generated DTS SDK passes (style RPC, pathname
// "/", version 2020-01-01, the default ACS3-HMAC-SHA256 signature). Shared by the unit tests and
// the end-to-end suite. They are CommonJS: required, so `default` is what their types say it is.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const RPCClient = require("@alicloud/pop-core") as typeof import("@alicloud/pop-core");
const OpenApi = require("@alicloud/openapi-client") as typeof import("@alicloud/openapi-client");
const OpenApiUtil = (require("@alicloud/openapi-util") as typeof import("@alicloud/openapi-util")).default;
const TeaUtil = require("@alicloud/tea-util") as typeof import("@alicloud/tea-util");

export { OpenApiUtil };

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
}

export type ApiBody = Record<string, unknown>;

/** What a refused call throws, in both clients: the code (`Code` of the answer), the HTTP status and the body. */
export interface ApiError {
  code: string;
  status?: number;
  data: ApiBody;
}

function asApiError(error: unknown): ApiError {
  const e = error as { code?: unknown; statusCode?: unknown; data?: unknown; entry?: { response?: { statusCode?: number } } };
  if (typeof e.code !== "string") throw error;
  const data = (e.data ?? {}) as ApiBody;
  const status =
    typeof e.statusCode === "number" ? e.statusCode : typeof data.statusCode === "number" ? data.statusCode : e.entry?.response?.statusCode;
  return { code: e.code, status, data };
}

/** `@alicloud/pop-core`: V1 signature, parameters in the query (GET) or a form body (POST). */
export function popCore(endpoint: string, credentials: Credentials) {
  const client = new RPCClient({ ...credentials, endpoint, apiVersion: "2020-01-01" });
  return {
    call: (action: string, params: Record<string, string | number> = {}, method: "GET" | "POST" = "POST") =>
      client.request<ApiBody>(action, params, { method }),
    /** The error a refused call throws; fails when the call succeeds. */
    refusal: async (action: string, params: Record<string, string | number> = {}, method: "GET" | "POST" = "POST"): Promise<ApiError> => {
      try {
        await client.request<ApiBody>(action, params, { method });
      } catch (error) {
        return asApiError(error);
      }
      throw new Error(`${action} was expected to be refused`);
    },
  };
}

/** `@alicloud/openapi-client`'s callApi with the DTS SDK's parameters: V3 (ACS3-HMAC-SHA256) signature, parameters in the query. */
export function openApiClient(endpoint: string, credentials: Credentials) {
  const url = new URL(endpoint);
  const client = new OpenApi.default(new OpenApi.Config({ ...credentials, endpoint: url.host, protocol: url.protocol.replace(":", "") }));
  const call = async (action: string, query: Record<string, string | number> = {}): Promise<ApiBody> => {
    const params = new OpenApi.Params({
      action,
      version: "2020-01-01",
      protocol: "HTTPS",
      pathname: "/",
      method: "POST",
      authType: "AK",
      style: "RPC",
      reqBodyType: "formData",
      bodyType: "json",
    });
    const request = new OpenApi.OpenApiRequest({ query: OpenApiUtil.query(query) });
    const response = (await client.callApi(params, request, new TeaUtil.RuntimeOptions({}))) as { body: ApiBody };
    return response.body;
  };
  return {
    call,
    refusal: async (action: string, query: Record<string, string | number> = {}): Promise<ApiError> => {
      try {
        await call(action, query);
      } catch (error) {
        return asApiError(error);
      }
      throw new Error(`${action} was expected to be refused`);
    },
  };
}

/**
 * A V1 request signed by the clients' own code (`OpenApiUtil.getRPCSignature`) with a timestamp
 * and nonce of the test's choosing: for stale timestamps and hand-made replays.
 */
export function signedV1Query(
  credentials: Credentials,
  action: string,
  params: Record<string, string>,
  options: { method?: "GET" | "POST"; timestamp?: Date; nonce?: string } = {},
): URLSearchParams {
  const timestamp = (options.timestamp ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const all: Record<string, string> = {
    Action: action,
    Format: "JSON",
    Version: "2020-01-01",
    AccessKeyId: credentials.accessKeyId,
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    SignatureNonce: options.nonce ?? crypto.randomUUID(),
    Timestamp: timestamp,
    ...params,
  };
  const signature = OpenApiUtil.getRPCSignature(all, options.method ?? "GET", credentials.accessKeySecret);
  return new URLSearchParams({ ...all, Signature: signature });
}
