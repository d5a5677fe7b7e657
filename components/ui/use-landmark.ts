"use client";

import { useEffect, useState } from "react";

/**
 * The element with this id once the page is mounted (null before): where a menu or tooltip
 * portals to, so it renders inside the landmark it belongs to (the top bar, the main content)
 * rather than loose at the end of <body>.
 */
export function useLandmark(id: string): HTMLElement | null {
  const [element, setElement] = useState<HTMLElement | null>(null);
  useEffect(() => {
    setElement(document.getElementById(id));
  }, [id]);
  return element;
}
