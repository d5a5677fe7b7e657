"use client";

import { useTranslations } from "next-intl";
import { useEffect, type CSSProperties, type ReactNode } from "react";
import { Toasts } from "./ui/toast";

// sonner's rich colours, darkened to WCAG AA contrast on their own backgrounds (4.5:1 and up).
const TOAST_COLOURS = {
  "--success-text": "#166534",
  "--error-text": "#b91c1c",
  "--info-text": "#1d4ed8",
  "--warning-text": "#92400e",
} as CSSProperties;

export function Providers({ children }: { children: ReactNode }) {
  const t = useTranslations("common.toast");
  // Says the page is interactive (end-to-end tests wait for it before they click or type).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <>
      {children}
      <Toasts
        position="top-center"
        richColors
        closeButton
        style={TOAST_COLOURS}
        containerAriaLabel={t("region")}
        toastOptions={{ closeButtonAriaLabel: t("close") }}
      />
    </>
  );
}
