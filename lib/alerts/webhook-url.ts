/** A webhook's URL (docs/rules.md "Alert delivery"): http or https, no user info, no spaces, at most 2,048 characters. Pure. */
export const WEBHOOK_URL_MAX = 2048;

export function parseWebhookUrl(value: string): URL | null {
  if (value.length > WEBHOOK_URL_MAX || /\s/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password || !url.hostname) return null;
  return url;
}
