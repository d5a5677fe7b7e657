import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Messages } from "@/i18n/messages";

type Namespace = keyof Messages;

/**
 * The namespaces every page's client components read (the shell, shared UI, field errors, the
 * sign-in form, the task list's toolbar). The rest stay on the server unless a page asks for them:
 * errors are worded by the server, and each page's own namespace goes only to that page.
 */
const EVERY_PAGE: Namespace[] = ["common", "shell", "regions", "validation", "auth", "tasks"];

/** Hands client components the catalogue of the request's language: every page's part and `add`. */
export async function ClientMessages({ add = [], children }: { add?: Namespace[]; children: ReactNode }) {
  const all = await getMessages();
  const messages = Object.fromEntries([...EVERY_PAGE, ...add].map((ns) => [ns, all[ns]]));
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
