import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "DTS Console", template: "%s · DTS Console" },
  description: "Data Transmission Service console: change tracking tasks and consumer groups.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request renders every page per request (the 404 and the "/" redirect included):
  // Next.js adds the proxy's per-request nonce to its scripts while rendering, and a page built
  // ahead of time would carry none, so the CSP would block its scripts.
  await headers();
  return (
    <html lang="en">
      <body className="antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
