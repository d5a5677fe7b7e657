"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/** How long a route change may show progress before the bar gives up (a failed or stalled load). */
const GIVE_UP_MS = 15_000;

/** A same-tab click on a link to another console page: what starts a client-side route change. */
function isRouteChange(event: MouseEvent): boolean {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download")) return false;
  const to = new URL(link.href, window.location.href);
  return to.origin === window.location.origin && (to.pathname !== window.location.pathname || to.search !== window.location.search);
}

/**
 * Progress on a route change: from the click on a link until the new page is in place (the router
 * writes its URL into the history then), a thin bar under the top bar and `aria-busy` on the main
 * region. The page's own HTML is untouched: a first load, a 404 and a page without JavaScript are
 * what they were.
 */
export function RouteProgress() {
  const t = useTranslations("common");
  const [pending, setPending] = useState(false);

  useEffect(() => {
    let timer: number | undefined;
    const done = () => {
      window.clearTimeout(timer);
      setPending(false);
    };
    // Capture: the router's own click handler cancels the browser's navigation before a bubbling
    // listener would see the click.
    const onClick = (event: MouseEvent) => {
      if (!isRouteChange(event)) return;
      setPending(true);
      window.clearTimeout(timer);
      timer = window.setTimeout(done, GIVE_UP_MS);
    };
    const history = window.history;
    const pushState = history.pushState.bind(history);
    const replaceState = history.replaceState.bind(history);
    history.pushState = (...args: Parameters<History["pushState"]>) => {
      pushState(...args);
      done();
    };
    history.replaceState = (...args: Parameters<History["replaceState"]>) => {
      replaceState(...args);
      done();
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener("popstate", done);
    return () => {
      window.clearTimeout(timer);
      history.pushState = pushState;
      history.replaceState = replaceState;
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("popstate", done);
    };
  }, []);

  useEffect(() => {
    const main = document.getElementById("main");
    if (!main) return;
    if (pending) main.setAttribute("aria-busy", "true");
    else main.removeAttribute("aria-busy");
  }, [pending]);

  if (!pending) return null;
  return <div role="progressbar" aria-label={t("loading")} data-testid="route-progress" className="page-progress" />;
}
