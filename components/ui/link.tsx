import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The console's links, which never prefetch. Every console route is dynamic (it reads the
 * session) and has no loading boundary, so a prefetch brings nothing a click can show sooner,
 * while each visible link cost the server a request and a render (README "Benchmark": requests
 * per page view).
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
