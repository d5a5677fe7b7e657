import { NextResponse } from "next/server";

/** The JSON body of a request, or null when it is missing or malformed (never a 500). */
export async function readJson(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body = await request.json();
    return body && typeof body === "object" && !Array.isArray(body) ? body : null;
  } catch {
    return null;
  }
}

export const badRequest = () =>
  NextResponse.json({ code: "InvalidParameter", message: "Send a JSON object body." }, { status: 400 });
