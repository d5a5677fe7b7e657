import { handleOpenApi } from "@/lib/openapi/handler";

/**
 * The DTS OpenAPI (docs/rules.md "OpenAPI"). Clients call it at "/": the proxy rewrites signed
 * calls there to this route, which authenticates them by their signature, not by a session.
 */
function handle(request: Request): Promise<Response> {
  return handleOpenApi(request);
}

export const GET = handle;
export const POST = handle;
