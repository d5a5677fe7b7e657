"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import type { Role } from "@/lib/auth/roles";
import { zoneLabel } from "@/lib/format";
import { useLandmark } from "../ui/use-landmark";
import type { Wanted } from "../ui/when-wanted";
import { useConsoleState } from "./console-state";

const item =
  "cursor-pointer rounded-sm px-2 py-1.5 text-sm text-gray-800 outline-none data-[highlighted]:bg-blue-50 data-[disabled]:cursor-not-allowed data-[disabled]:text-gray-600";

/** The user menu itself, loaded when first wanted (user-menu.tsx draws its trigger until then). */
export function UserMenuPopup({
  username,
  role,
  trigger,
  defaultOpen,
  autoFocus,
}: { username: string; role: Role; trigger: ComponentProps<"button"> } & Wanted) {
  const t = useTranslations("shell.userMenu");
  const tc = useTranslations("common");
  const roleName = tc(`roles.${role}`);
  const { timeZone, browserZone, setTimeZone, lapsed } = useConsoleState();
  const landmark = useLandmark("top-bar");
  const localZone = browserZone ?? (timeZone === "UTC" ? null : timeZone);
  return (
    <Menu.Root modal={false} defaultOpen={defaultOpen}>
      <Menu.Trigger {...trigger} autoFocus={autoFocus} />
      <Menu.Portal container={landmark}>
        <Menu.Content align="end" sideOffset={6} className="z-50 min-w-56 rounded-sm border border-gray-200 bg-white p-1 shadow-xl">
          <Menu.Label className="px-2 py-1.5 text-xs text-gray-600">
            {t.rich("signedInAs", {
              username,
              role: roleName,
              b: (chunks) => <span className="font-medium text-gray-900">{chunks}</span>,
            })}
          </Menu.Label>
          <Menu.Separator className="my-1 h-px bg-gray-100" />
          <Menu.Label className="px-2 pt-1 text-xs font-semibold text-gray-600">{t("timeZone")}</Menu.Label>
          <Menu.RadioGroup
            value={timeZone === "UTC" ? "UTC" : "local"}
            onValueChange={(v) => void setTimeZone(v === "UTC" ? "UTC" : (localZone ?? "UTC"))}
          >
            <Menu.RadioItem value="UTC" disabled={lapsed} className={`${item} flex items-center gap-2`}>
              <Menu.ItemIndicator className="w-3 text-blue-700">●</Menu.ItemIndicator>
              <span className={timeZone === "UTC" ? "" : "pl-5"}>UTC</span>
            </Menu.RadioItem>
            <Menu.RadioItem value="local" disabled={lapsed || !localZone} className={`${item} flex items-center gap-2`}>
              <Menu.ItemIndicator className="w-3 text-blue-700">●</Menu.ItemIndicator>
              <span className={timeZone === "UTC" ? "pl-5" : ""}>
                {localZone ? t("localTimeZone", { zone: localZone, offset: zoneLabel(localZone) }) : t("localTime")}
              </span>
            </Menu.RadioItem>
          </Menu.RadioGroup>
          <Menu.Separator className="my-1 h-px bg-gray-100" />
          <Menu.Item
            onSelect={() => {
              // next-auth's client comes with the one item that needs it.
              void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/login" }));
            }}
            className={item}
          >
            {t("signOut")}
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
