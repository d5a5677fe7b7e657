"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Back and Forward show a page as the router cached it, which on a console of live data may be
 * minutes old (a group count from before a create). After a history navigation the page is read
 * again: the cached one shows at once, and the current one replaces it when it arrives.
 */
export function FreshOnReturn() {
  const router = useRouter();
  useEffect(() => {
    // After the router's own popstate handler has put the cached page back.
    const onReturn = () => window.setTimeout(() => router.refresh(), 0);
    window.addEventListener("popstate", onReturn);
    return () => window.removeEventListener("popstate", onReturn);
  }, [router]);
  return null;
}
