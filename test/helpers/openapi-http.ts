import http from "node:http";
import type { AddressInfo } from "node:net";

import { getConnection } from "../../lib/db";
import { DEFAULT_DEMO_ACCESS_KEY_SECRET, DEMO_ACCESS_KEYS } from "../../lib/demo";
import { handleOpenApi } from "../../lib/openapi/handler";

// The OpenAPI tests' plumbing (test/openapi*.test.ts): requests as node:http receives them, the
// console's handler behind node:http, the demo accounts and their AccessKeys. Imported after a
// test has set its environment (its database), like the modules it tests.

export interface Captured {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  host?: string | null;
}

export function headersOf(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  return headers;
}

export async function read(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The console's OpenAPI handler behind node:http, as server.mjs runs Next.js (the socket address in x-dts-peer). */
export function openApiServer() {
  const sent: Captured[] = [];
  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await read(req);
      const headers = headersOf(req);
      headers.set("x-dts-peer", req.socket.remoteAddress ?? "");
      sent.push({ method: req.method ?? "GET", url: req.url ?? "/", headers: headersOf(req), body });
      const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
        method: req.method,
        headers,
        body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
      });
      const response = await handleOpenApi(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  return { server, sent };
}

export const demo = (role: keyof typeof DEMO_ACCESS_KEYS) => ({
  accessKeyId: DEMO_ACCESS_KEYS[role],
  accessKeySecret: DEFAULT_DEMO_ACCESS_KEY_SECRET,
});

export const users = {
  admin: { id: "", username: "admin", role: "admin" as const },
  operator: { id: "", username: "operator", role: "operator" as const },
  viewer: { id: "", username: "viewer", role: "viewer" as const },
};

export async function userIds() {
  const { prisma } = await getConnection();
  for (const role of ["admin", "operator", "viewer"] as const) {
    users[role].id = (await prisma.user.findUniqueOrThrow({ where: { username: role }, select: { id: true } })).id;
  }
}

export async function auditOf(action: string, groupId?: string) {
  const { prisma } = await getConnection();
  return prisma.auditLog.findMany({ where: { action, ...(groupId ? { groupId } : {}) }, orderBy: { id: "desc" } });
}

export async function passwordHashOf(groupId: string) {
  const { prisma } = await getConnection();
  return (await prisma.consumerGroup.findUnique({ where: { id: groupId }, omit: { passwordHash: false } }))?.passwordHash;
}
