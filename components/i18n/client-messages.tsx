import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Messages } from "@/i18n/messages";
import { AddMessages } from "./add-messages";

type Namespace = keyof Messages;

/**
 * The namespaces every page's client components read (the shell and shared UI). The rest stay on
 * the server unless a page asks for them: errors are worded by the server, and each page's own
 * namespaces (its forms' field errors among them) go only to that page (README "Benchmark": every
 * byte here is sent with each page).
 */
const EVERY_PAGE: Namespace[] = ["common", "shell", "regions"];

/**
 * Hands client components the catalogue of the request's language. The root layout (no `add`)
 * sends every page's part; a page that needs more sends only its `add`, merged on the client with
 * what the layout sent.
 */
export async function ClientMessages({ add, children }: { add?: Namespace[]; children: ReactNode }) {
  const all = await getMessages();
  if (add) return <AddMessages messages={Object.fromEntries(add.map((ns) => [ns, all[ns]]))}>{children}</AddMessages>;
  const messages = Object.fromEntries(EVERY_PAGE.map((ns) => [ns, all[ns]]));
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
