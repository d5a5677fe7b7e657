import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { requestLocale } from "@/i18n/server";
import { localize } from "@/i18n/translate";
import { listConsumerGroups } from "@/lib/data/consumer-groups";

/** DescribeConsumerGroup for the Data Consume table's polling; every signed-in role may read. */
export async function GET(_request: Request, { params }: { params: Promise<{ instanceId: string }> }) {
  const user = await getSessionUser();
  if (!user)
    return NextResponse.json({ code: "Unauthorized", message: localize(await requestLocale(), "errors.signInAgain") }, { status: 401 });
  const { instanceId } = await params;
  const list = await listConsumerGroups(user, instanceId);
  if (!list)
    return NextResponse.json({ code: "NotFound", message: localize(await requestLocale(), "errors.noSuchInstance") }, { status: 404 });
  return NextResponse.json(list, { headers: { "Cache-Control": "no-store" } });
}
