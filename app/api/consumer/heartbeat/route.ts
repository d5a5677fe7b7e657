import { NextResponse } from "next/server";
import { heartbeatConsumer } from "@/lib/consumer/credentials";
import { badRequest, readJson } from "@/lib/consumer/http";
import { getDb } from "@/lib/db";

export async function POST(request: Request) {
  const body = await readJson(request);
  if (!body) return badRequest();
  const answer = await heartbeatConsumer(await getDb(), {
    groupId: body.groupId,
    leaseToken: body.leaseToken,
    checkpoint: body.checkpoint,
    unconsumed: body.unconsumed,
  });
  return NextResponse.json(answer.body, { status: answer.status, headers: { "Cache-Control": "no-store" } });
}
