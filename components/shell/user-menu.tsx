"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import type { Role } from "@/lib/auth/roles";
import { zoneLabel } from "@/lib/format";
import { useLandmark } from "../ui/use-landmark";
import { useConsoleState } from "./console-state";

const item =
  "cursor-pointer rounded-sm px-2 py-1.5 text-sm text-gray-800 outline-none data-[highlighted]:bg-blue-50 data-[disabled]:cursor-not-allowed data-[disabled]:text-gray-600";

/**
 * The top bar's user menu: who is signed in, the time zone switch (UTC or the browser's own zone,
 * remembered per user, docs/rules.md "Preferences") and sign out. On a phone only the avatar shows.
 */
export function UserMenu({ username, role }: { username: string; role: Role }) {
  const t = useTranslations("shell.userMenu");
  const tc = useTranslations("common");
  const roleName = tc(`roles.${role}`);
  const { timeZone, browserZone, setTimeZone, lapsed } = useConsoleState();
  const landmark = useLandmark("top-bar");
  const localZone = browserZone ?? (timeZone === "UTC" ? null : timeZone);
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger className="flex h-8 items-center gap-2 rounded-sm px-2 text-sm text-white hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white">
        <span aria-hidden className="flex h-6 w-6 items-center justify-center rounded-full bg-orange-700 text-xs font-semibold uppercase">
          {username.slice(0, 1)}
        </span>
        {/* On a phone only the avatar shows; the name and role stay the button's accessible name. */}
        <span className="sr-only sm:not-sr-only">{username}</span>{" "}
        <span className="sr-only rounded-sm bg-white/15 px-1.5 py-0.5 text-xs sm:not-sr-only">{roleName}</span>
      </Menu.Trigger>
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
          <Menu.Item onSelect={() => void signOut({ callbackUrl: "/login" })} className={item}>
            {t("signOut")}
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
