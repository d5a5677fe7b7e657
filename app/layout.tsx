import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "DTS Console", template: "%s · DTS Console" },
  description: "Data Transmission Service console: change tracking tasks and consumer groups.",
};

// zod 4 probes for eval (`new Function("")`) when its first object schema is built in the
// browser; under the CSP that is a reported violation, though zod catches the throw. Its global
// config, set before any bundle runs, switches the probe off (zod then parses without JIT).
const ZOD_JITLESS = "globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true});";

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The proxy's per-request nonce. Reading the request also renders every page per request (the
  // 404 and the "/" redirect included): Next.js adds the nonce to its scripts while rendering, and
  // a page built ahead of time would carry none, so the CSP would block its scripts.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en">
      <head>
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: ZOD_JITLESS }} />
      </head>
      <body className="antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
