// Calls a server action the way the browser does (Next-Action header, the arguments as a JSON
// array in a text/plain body), by the action's exported name: the production build's server
// reference manifest maps names to ids.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { SEED_IDS } from "../lib/demo";

/** A page whose server bundle holds the consumer group actions (Next.js finds actions through the page posted to). */
const ACTION_PAGE = `/change-tracking/${SEED_IDS.normal}/consume`;

interface Manifest {
  node: Record<string, { filename?: string; exportedName?: string }>;
}

let ids: Map<string, string> | undefined;
export function actionId(name: string): string {
  if (!ids) {
    const manifest = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as Manifest;
    ids = new Map(
      Object.entries(manifest.node).flatMap(([id, entry]) => (entry.exportedName ? [[entry.exportedName, id] as [string, string]] : [])),
    );
  }
  const id = ids.get(name);
  if (!id) throw new Error(`No server action named ${name} in the build`);
  return id;
}

export interface ActionAnswer {
  status: number;
  /** the action's result object, when the answer carries one */
  result?: { ok: boolean; code?: string; message?: string; fieldErrors?: Record<string, string>; data?: unknown };
  text: string;
}

/** Posts `args` (already serialised, or a raw body) to the action `name` on `pagePath`. */
export async function callAction(
  api: APIRequestContext,
  baseURL: string,
  name: string,
  body: string,
  options: { pagePath?: string; headers?: Record<string, string> } = {},
): Promise<ActionAnswer> {
  const res = await api.post(options.pagePath ?? ACTION_PAGE, {
    headers: {
      "next-action": actionId(name),
      "content-type": "text/plain;charset=UTF-8",
      origin: new URL(baseURL).origin,
      accept: "text/x-component",
      ...options.headers,
    },
    data: body,
    maxRedirects: 0,
  });
  const text = await res.text();
  let result: ActionAnswer["result"];
  const at = text.indexOf('{"ok":');
  if (at >= 0) {
    const line = text.slice(at).split("\n")[0];
    try {
      result = JSON.parse(line) as ActionAnswer["result"];
    } catch {
      result = undefined;
    }
  }
  return { status: res.status(), result, text };
}

/** The action's own serialisation: its single argument in a JSON array. */
export const actionBody = (input: unknown) => JSON.stringify([input]);

let clientSeq = 0;
/** A distinct client address per request (the e2e server trusts one proxy hop), so the hostile corpus never trips throttles other tests share. */
export const asClient = (workerIndex: number) => ({ "x-forwarded-for": `198.18.${workerIndex}.${(clientSeq++ % 250) + 1}` });
