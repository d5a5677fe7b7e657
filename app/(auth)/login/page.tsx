import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "@/i18n/translator";
import { LoginForm } from "@/components/auth/login-form";
import { AuthMessages } from "@/components/i18n/pages/auth";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { LogoMark } from "@/components/shell/logo";
import { getSessionState } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/validation/auth";
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo";
import { APP_ICONS } from "../../app-icons";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.login");
  return {
    title: t("metaTitle"),
    ...APP_ICONS,
  };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  // The one full check (docs/rules.md "Sessions"): a session that ended (signed out, password or
  // role changed, over 8 hours) gets the form and says so, never a redirect back to the console.
  const session = await getSessionState();
  if (session.user) redirect(safeCallbackUrl(callbackUrl));
  // The default demo password is public (README); a configured one is never shown.
  const showDefault = !process.env.DEMO_PASSWORD;
  // Set by the console's "Sign in again" link when a session lapsed on an open page, or seen here.
  const expired = params.reason === "expired" || session.ended;
  const t = await getTranslations("auth.login");

  return (
    // Room above the card for the language switch, however short the screen.
    <main className="flex min-h-screen items-center justify-center bg-[#1b2330] px-4 py-14">
      <div className="absolute top-3 right-4">
        <LanguageSwitch signedIn={false} />
      </div>
      <div className="w-full max-w-sm rounded-sm bg-white p-6 shadow-2xl sm:p-8">
        <div className="mb-6 flex items-center gap-2">
          <LogoMark size="lg" />
          <div>
            <h1 className="text-lg font-semibold text-gray-900">{t("title")}</h1>
            <p className="text-xs text-gray-700">{t("subtitle")}</p>
          </div>
        </div>
        {expired ? (
          <p role="status" className="mb-4 rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("expired")}
          </p>
        ) : null}
        <AuthMessages>
          <LoginForm callbackUrl={callbackUrl} />
        </AuthMessages>
        <div className="mt-6 rounded-sm bg-gray-50 p-3 text-xs text-gray-700">
          <p className="font-medium text-gray-800">{t("demoAccounts")}</p>
          <p className="mt-1">
            {DEMO_USERS.map((u) => u.username).join(", ")}{" "}
            {showDefault
              ? t.rich("demoPassword", {
                  password: DEFAULT_DEMO_PASSWORD,
                  code: (chunks) => <code className="rounded bg-white px-1 font-mono">{chunks}</code>,
                })
              : t("demoPasswordConfigured")}
          </p>
        </div>
      </div>
    </main>
  );
}
