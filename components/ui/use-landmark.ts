"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * The element with this id once the page is in the browser (null in the server's HTML): where a
 * menu or tooltip portals to, so it renders inside the landmark it belongs to (the top bar, the
 * main content) rather than loose at the end of <body>.
 */
export function useLandmark(id: string): HTMLElement | null {
  return useSyncExternalStore(
    noSubscription,
    () => document.getElementById(id),
    () => null,
  );
}
