/**
 * The scripts a page makes a browser load before it is usable: those its HTML names in script tags
 * and those its React Server Components payload names (the client components' chunks, which the
 * router loads as it reads the payload), less the `noModule` polyfills a modern browser skips.
 * Checked against what Chromium fetches (README "Benchmark").
 */
export function scriptsNamedBy(html: string): string[] {
  const skipped = new Set([...html.matchAll(/<script[^>]*src="([^"]+)"[^>]*noModule/gi)].map((m) => chunkName(m[1])));
  const named = new Set([...html.matchAll(/static\/chunks\/([A-Za-z0-9_.-]+\.js)/g)].map((m) => m[1]));
  return [...named].filter((name) => !skipped.has(name)).map((name) => `/_next/static/chunks/${name}`);
}

const chunkName = (src: string) => src.replace(/^.*\//, "");
