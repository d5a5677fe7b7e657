import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "@/i18n/translator";
import { requireUser } from "@/lib/auth/session";

/** What Next.js hands an instance's page. */
export interface InstancePageProps {
  params: Promise<{ instanceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Each instance page's catalogue: its `metaTitle` names the instance. */
const TITLES = {
  instance: () => getTranslations("instance"),
  consume: () => getTranslations("consume"),
  monitoring: () => getTranslations("monitoring"),
};

/** An instance page's title, in the page's language. */
export function instanceTitle(page: keyof typeof TITLES) {
  return async ({ params }: Pick<InstancePageProps, "params">): Promise<Metadata> => {
    const [{ instanceId }, t] = await Promise.all([params, TITLES[page]()]);
    return { title: t("metaTitle", { id: instanceId }) };
  };
}

/**
 * Where an instance's tab starts: the signed-in user (every page checks the session itself), the
 * instance's id, and the page's query read by its schema (values it does not know fall back).
 */
export async function openInstanceTab<V>({ params, searchParams }: InstancePageProps, query: { parse: (input: unknown) => V }) {
  const { instanceId } = await params;
  const user = await requireUser();
  return { instanceId, user, query: query.parse(await searchParams) };
}
