// The load balancer's probes (docs/rules.md "Health"): public, never cached, nothing else in them.
import { test, expect } from "./fixtures";

test("the health probes answer without a session, and only to GET", async ({ playwright, baseURL }) => {
  const anon = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const live = await anon.get("/api/health/live");
    expect(live.status()).toBe(200);
    expect(await live.json()).toEqual({ status: "live" });
    expect(live.headers()["cache-control"]).toContain("no-store");
    const ready = await anon.get("/api/health/ready");
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
    expect((await anon.post("/api/health/ready", { data: {} })).status()).toBe(401);
  } finally {
    await anon.dispose();
  }
});
