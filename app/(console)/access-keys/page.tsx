import type { Metadata } from "next";
import { headers } from "next/headers";
import { AccessKeysPanel } from "@/components/access-keys/access-keys-panel";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { accessKeyCryptoProblem } from "@/lib/auth/access-key-crypto";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listAccessKeys } from "@/lib/data/access-keys";
import { ACCESS_KEY_QUOTA } from "@/lib/validation/access-key";

export const metadata: Metadata = { title: "AccessKeys" };

/** AccessKeys for the DTS OpenAPI (docs/rules.md "AccessKeys"): every signed-in user manages their own; admins anyone's. */
export default async function AccessKeysPage() {
  const user = await requireUser();
  const [{ keys, owners }, requestHeaders] = await Promise.all([listAccessKeys(user), headers()]);
  const host = requestHeaders.get("host") ?? "localhost:3000";
  const scheme = requestHeaders.get("x-forwarded-proto") === "https" ? "https" : "http";
  const example = `const RPCClient = require("@alicloud/pop-core");
const client = new RPCClient({
  accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID,
  accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
  endpoint: "${scheme}://${host}",
  apiVersion: "2020-01-01",
});
const groups = await client.request("DescribeConsumerGroup", { SubscriptionInstanceId: "dts…" }, { method: "POST" });`;

  return (
    <div className="space-y-4">
      <Breadcrumb items={[{ label: "AccessKeys" }]} />
      <h1 className="text-xl font-semibold text-gray-900">AccessKeys</h1>
      <div className="rounded-sm border border-blue-100 bg-blue-50 px-4 py-3 text-sm text-gray-700">
        <ul className="list-disc space-y-1 pl-5">
          <li>
            An AccessKey signs calls to the DTS OpenAPI (version 2020-01-01) at this console&apos;s address, with its user&apos;s role.
          </li>
          <li>A user can hold at most {ACCESS_KEY_QUOTA} AccessKeys. The secret is shown once, when the AccessKey is created.</li>
          <li>A disabled or deleted AccessKey is refused from the next call on.</li>
        </ul>
      </div>
      <AccessKeysPanel
        keys={keys}
        owners={owners}
        selfId={user.id}
        canManageAny={can(user.role, "accessKey.manageAny")}
        quota={ACCESS_KEY_QUOTA}
        unavailable={accessKeyCryptoProblem()}
      />
      <section className="rounded-sm border border-gray-200 bg-white p-5 text-sm text-gray-700" aria-labelledby="openapi-title">
        <h2 id="openapi-title" className="font-semibold text-gray-900">
          Calling the OpenAPI
        </h2>
        <p className="mt-2">
          The official Alibaba Cloud clients work unmodified with this console&apos;s address as their endpoint:{" "}
          <code className="rounded bg-gray-100 px-1 font-mono">@alicloud/pop-core</code> (signature V1) and the DTS SDK on{" "}
          <code className="rounded bg-gray-100 px-1 font-mono">@alicloud/openapi-client</code> (ACS3-HMAC-SHA256).
        </p>
        <pre className="mt-3 overflow-x-auto rounded-sm bg-gray-900 p-3 font-mono text-xs leading-relaxed text-gray-100">{example}</pre>
      </section>
    </div>
  );
}
