import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "@/i18n/translator";
import { requireUser } from "@/lib/auth/session";

/** What Next.js hands an instance's page. */
export interface InstancePageProps {
  params: Promise<{ instanceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** An instance page's title: its catalogue's `metaTitle`, naming the instance. */
export function instanceTitle(namespace: "instance" | "consume" | "monitoring") {
  return async ({ params }: Pick<InstancePageProps, "params">): Promise<Metadata> => {
    const [{ instanceId }, t] = await Promise.all([params, getTranslations(namespace)]);
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
