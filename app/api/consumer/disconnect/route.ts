import { NextResponse } from "next/server";
import { disconnectConsumer } from "@/lib/consumer/credentials";
import { badRequest, readJson } from "@/lib/consumer/http";
import { getDb } from "@/lib/db";

export async function POST(request: Request) {
  const body = await readJson(request);
  if (!body) return badRequest();
  const ended = await disconnectConsumer(await getDb(), { groupId: body.groupId, leaseToken: body.leaseToken });
  return NextResponse.json({ ended }, { status: ended ? 200 : 410 });
}
