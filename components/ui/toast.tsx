"use client";

import dynamic from "next/dynamic";
import { useEffect, useSyncExternalStore } from "react";
import type { ExternalToast, ToasterProps } from "sonner";

type Sonner = typeof import("sonner");

// sonner (its toaster and its toasts) loads with the first toast shown, not with every page
// (README "Benchmark"): until then nothing is mounted, and a toast waits for the toaster to listen.
let wanted = false;
const listeners = new Set<() => void>();
let listening: (sonner: Sonner) => void = () => {};
const toaster = new Promise<Sonner>((resolve) => {
  listening = resolve;
});

const LoadedToaster = dynamic(
  () =>
    import("sonner").then((sonner) => {
      function Listening(props: ToasterProps) {
        // Runs after the Toaster's own effect, which subscribes it to the toasts.
        useEffect(() => listening(sonner), []);
        return <sonner.Toaster {...props} />;
      }
      return Listening;
    }),
  { ssr: false },
);

function show(kind: "success" | "error", message: string, options?: ExternalToast) {
  if (!wanted) {
    wanted = true;
    listeners.forEach((listener) => listener());
  }
  void toaster.then((sonner) => sonner.toast[kind](message, options));
}

/** A toast: the outcome of what a person did, announced politely (sonner). */
export const toast = {
  success: (message: string, options?: ExternalToast) => show("success", message, options),
  error: (message: string, options?: ExternalToast) => show("error", message, options),
};

/** Where toasts show (the root layout's Providers): mounted with the first toast. */
export function Toasts(props: ToasterProps) {
  const shown = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => wanted,
    () => false,
  );
  return shown ? <LoadedToaster {...props} /> : null;
}
