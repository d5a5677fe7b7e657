import { NextResponse } from "next/server";
import { clientIpFrom } from "@/lib/client-ip";
import { connectConsumer } from "@/lib/consumer/credentials";
import { badRequest, readJson } from "@/lib/consumer/http";
import { getDb } from "@/lib/db";

/** The credential check for DTS Kafka-style users `<account>-<consumerGroupId>`. */
export async function POST(request: Request) {
  const body = await readJson(request);
  if (!body) return badRequest();
  const answer = await connectConsumer(await getDb(), { user: body.user, password: body.password, clientIp: clientIpFrom(request.headers) });
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if ("retryAfter" in answer && answer.retryAfter) headers["Retry-After"] = String(answer.retryAfter);
  return NextResponse.json(answer.body, { status: answer.status, headers });
}
