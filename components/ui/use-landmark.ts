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
    // The landmark is in the DOM only after mount: look it up once then.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setElement(document.getElementById(id));
  }, [id]);
  return element;
}
