// Types of http-edge.mjs (plain JavaScript, run by server.mjs without a build).
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";

export declare const INTERNAL_HEADER_PREFIX: "x-dts-";
export declare const PEER_HEADER: "x-dts-peer";
export declare const PREFETCH_HEADER: "x-dts-prefetch";

export declare function trustedProxyHops(env?: Record<string, string | undefined>): number;
export declare function isForwardingHeader(name: string): boolean;
export declare function isInternalHeader(name: string): boolean;
export declare function sanitizeRequestHeaders(
  headers: IncomingHttpHeaders,
  options: { hops: number; peer: string | undefined },
): IncomingHttpHeaders;
export declare function isHttpsRequest(headers: IncomingHttpHeaders, options: { hops: number; encrypted?: boolean }): boolean;

export declare const PERMISSIONS_POLICY: string;
export declare const HSTS: string;
export declare const STATIC_ASSET_CSP: string;
export declare const STATIC_SECURITY_HEADERS: ReadonlyArray<{ readonly key: string; readonly value: string }>;
export declare function floorHeaders(options: { https: boolean }): Array<{ key: string; value: string }>;

export declare function createEdgeListener(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown> | unknown,
  options?: { hops?: number; log?: (message: string) => void },
): (req: IncomingMessage, res: ServerResponse) => void;
