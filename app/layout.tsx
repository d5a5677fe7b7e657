import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "DTS Console", template: "%s · DTS Console" },
  description: "Data Transmission Service console: change tracking tasks and consumer groups.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, the 404 and the "/" redirect included: the proxy's CSP admits
  // only scripts carrying that request's nonce, which Next.js adds while rendering. A page built
  // ahead of time would carry none and its scripts would be blocked.
  await connection();
  return (
    <html lang="en">
      <body className="antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
