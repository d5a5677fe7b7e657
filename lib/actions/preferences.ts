"use server";

// Server actions only; the spec (role, schema, handler) is in preferences-specs.ts.
import { changeTimeZoneSpec } from "./preferences-specs";
import { defineAction } from "./safe-action";

export const changeTimeZone = defineAction(changeTimeZoneSpec);
