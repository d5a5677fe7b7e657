import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "@/i18n/translator";
import { AccessKeysMessages } from "@/components/i18n/pages/access-keys";
import { AccessKeysPanel } from "@/components/access-keys/access-keys-panel";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { accessKeyCryptoProblem } from "@/lib/auth/access-key-crypto";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listAccessKeys } from "@/lib/data/access-keys";
import { API_VERSION } from "@/lib/openapi/signature";
import { ACCESS_KEY_QUOTA } from "@/lib/validation/access-key";
import { code } from "@/components/ui/rich-tags";
import { InfoSection } from "@/components/ui/info-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accessKeys");
  return { title: t("title") };
}

/** AccessKeys for the DTS OpenAPI (docs/rules.md "AccessKeys"): every signed-in user manages their own; admins anyone's. */
export default async function AccessKeysPage() {
  const user = await requireUser();
  const [{ keys, owners }, requestHeaders, t] = await Promise.all([listAccessKeys(user), headers(), getTranslations("accessKeys")]);
  const host = requestHeaders.get("host") ?? "localhost:3000";
  const scheme = requestHeaders.get("x-forwarded-proto") === "https" ? "https" : "http";
  const example = `const RPCClient = require("@alicloud/pop-core");
const client = new RPCClient({
  accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID,
  accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
  endpoint: "${scheme}://${host}",
  apiVersion: "${API_VERSION}",
});
const groups = await client.request("DescribeConsumerGroup", { SubscriptionInstanceId: "dts…" }, { method: "POST" });`;

  return (
    <div className="space-y-4">
      <Breadcrumb items={[{ label: t("title") }]} />
      <h1 className="page-title">{t("title")}</h1>
      <div className="rounded-sm border border-blue-100 bg-blue-50 px-4 py-3 text-sm text-gray-700">
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("intro.signs", { version: API_VERSION })}</li>
          <li>{t("intro.quota", { accessKeyQuota: ACCESS_KEY_QUOTA })}</li>
          <li>{t("intro.refused")}</li>
        </ul>
      </div>
      <AccessKeysMessages>
        <AccessKeysPanel
          keys={keys}
          owners={owners}
          selfId={user.id}
          canManageAny={can(user.role, "accessKey.manageAny")}
          quota={ACCESS_KEY_QUOTA}
          unavailable={accessKeyCryptoProblem()}
        />
      </AccessKeysMessages>
      <InfoSection id="openapi-title" title={t("openapi.title")}>
        <p className="mt-2">
          {t.rich("openapi.clients", {
            code,
            v1: "@alicloud/pop-core",
            v3: "@alicloud/openapi-client",
          })}
        </p>
        {/* It scrolls sideways on a narrow screen: focusable, so a keyboard can scroll it too. */}
        <pre
          tabIndex={0}
          aria-labelledby="openapi-title"
          className="mt-3 overflow-x-auto rounded-sm bg-gray-900 p-3 font-mono text-xs leading-relaxed text-gray-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          {example}
        </pre>
      </InfoSection>
    </div>
  );
}
