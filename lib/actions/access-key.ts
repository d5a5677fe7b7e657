"use server";

// Server actions only; their specs (role, schema, handler) live in access-key-specs.ts.
import { createAccessKeySpec, deleteAccessKeySpec, disableAccessKeySpec, enableAccessKeySpec } from "./access-key-specs";
import { defineAction } from "./define-action";

export const createAccessKey = defineAction(createAccessKeySpec);
export const disableAccessKey = defineAction(disableAccessKeySpec);
export const enableAccessKey = defineAction(enableAccessKeySpec);
export const deleteAccessKey = defineAction(deleteAccessKeySpec);
