import type { Metadata } from "next";

/** The console's icons and web manifest, named by the sign-in page and every console page. */
export const APP_ICONS = {
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "any" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
} satisfies Metadata;
