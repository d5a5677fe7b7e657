import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Who may scrape GET /metrics (docs/rules.md "Metrics"): a caller presenting `Authorization:
 * Bearer $METRICS_TOKEN`, compared in constant time. Off (404) while METRICS_TOKEN is unset or
 * shorter than 16 characters; a wrong or missing token is 401.
 */
export const METRICS_TOKEN_MIN = 16;

declare const grant: unique symbol;
/** Proof that the token was checked: only {@link authorizeScrape} makes one, and the metrics read requires it. */
export type ScrapeGrant = { readonly [grant]: true };

export type ScrapeAuthorization = { ok: true; grant: ScrapeGrant } | { ok: false; status: 401 | 404 };

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

export function authorizeScrape(authorization: string | null, token: string | undefined = process.env.METRICS_TOKEN): ScrapeAuthorization {
  if (!token || token.length < METRICS_TOKEN_MIN) return { ok: false, status: 404 };
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization ?? "");
  // Digests of equal length: the comparison takes as long whatever was sent.
  if (!match || !timingSafeEqual(digest(match[1]), digest(token))) return { ok: false, status: 401 };
  return { ok: true, grant: {} as ScrapeGrant };
}
