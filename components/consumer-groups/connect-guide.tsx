"use client";

import { useTranslations } from "next-intl";
import { createContext, useContext, useId, useState } from "react";
import {
  CONNECT_CLIENTS,
  CONNECT_HELP,
  CONNECT_NETWORKS,
  connectSnippet,
  type ConnectClient,
  type ConnectNetwork,
} from "@/lib/consumer/connect-guide";
import { CopyButton } from "../ui/copy-button";
import { Tabs, tabPanelProps } from "../ui/tabs";

/** What every group of the instance connects to: the topic and the endpoint of each network. */
export interface InstanceConnect {
  topic: string;
  endpoints: Record<ConnectNetwork, string>;
}

const ConnectContext = createContext<InstanceConnect | null>(null);
export const InstanceConnectProvider = ConnectContext.Provider;
/** The instance's topic and endpoints, under the Data Consume panel (null outside it). */
export const useInstanceConnect = () => useContext(ConnectContext);

/**
 * The connect guide of one consumer group (docs/rules.md "Connect guide"): a network, a client, and
 * that client's configuration with the group's id, user and the instance's endpoint filled in, the
 * password a placeholder. Shown in the details drawer, after a create and after a password reset.
 */
export function ConnectGuide({ groupId, account }: { groupId: string; account: string }) {
  const instance = useInstanceConnect();
  const t = useTranslations("consume.connectGuide");
  const [network, setNetwork] = useState<ConnectNetwork>("vpc");
  const [client, setClient] = useState<ConnectClient>("java");
  const id = useId();
  if (!instance) return null;
  const snippet = connectSnippet(client, { endpoint: instance.endpoints[network], topic: instance.topic, groupId, account });
  return (
    <div className="space-y-3 text-sm" data-testid="connect-guide">
      <p className="text-gray-700">{t("intro")}</p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-network`} className="text-xs text-gray-700">
          {t("network")}
        </label>
        <select id={`${id}-network`} value={network} onChange={(e) => setNetwork(e.target.value as ConnectNetwork)} className="select-sm">
          {CONNECT_NETWORKS.map((n) => (
            <option key={n} value={n}>
              {t(`networks.${n}`)}
            </option>
          ))}
        </select>
        <span className="font-mono text-xs break-all text-gray-700">{instance.endpoints[network]}</span>
      </div>
      <Tabs
        label={t("clientLabel")}
        tabs={CONNECT_CLIENTS.map((c) => ({ id: c, label: t(`clients.${c}`) }))}
        value={client}
        onChange={setClient}
        idPrefix={id}
      />
      <div {...tabPanelProps(id, client)} className="space-y-2">
        {/* Copy sits above the code, never over it. */}
        <div className="flex items-center justify-between gap-2">
          <span className="text-xs text-gray-700">{t("code", { client: t(`clients.${client}`) })}</span>
          <CopyButton value={snippet} label={t("copy", { client: t(`clients.${client}`) })} />
        </div>
        <pre
          tabIndex={0}
          aria-label={t("code", { client: t(`clients.${client}`) })}
          data-testid="connect-snippet"
          className="max-h-72 overflow-auto rounded-sm bg-gray-900 p-3 font-mono text-xs leading-relaxed text-gray-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          {snippet}
        </pre>
        <p className="text-xs text-gray-700">
          {t("password")}{" "}
          <a href={CONNECT_HELP[client]} target="_blank" rel="noreferrer" className="text-blue-700 underline">
            {t("help", { client: t(`clients.${client}`) })}
          </a>
        </p>
      </div>
    </div>
  );
}
