import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { requestLocale } from "@/i18n/server";
import { localize } from "@/i18n/translate";
import { getGroupHistory } from "@/lib/data/heartbeat-history";

/** A consumer group's heartbeat history of the last hour, for the details drawer's trend charts. */
export async function GET(_request: Request, { params }: { params: Promise<{ instanceId: string; groupId: string }> }) {
  const user = await getSessionUser();
  if (!user)
    return NextResponse.json({ code: "Unauthorized", message: localize(await requestLocale(), "errors.signInAgain") }, { status: 401 });
  const { instanceId, groupId } = await params;
  const history = await getGroupHistory(user, instanceId, groupId);
  if (!history)
    return NextResponse.json({ code: "NotFound", message: localize(await requestLocale(), "errors.noSuchGroup") }, { status: 404 });
  return NextResponse.json(history, { headers: { "Cache-Control": "no-store" } });
}
