"use server";

// The server action only; its spec (role, schema, handler) lives in instance-alert-specs.ts.
import { configureGroupAlertRuleSpec, configureInstanceAlertSpec } from "./instance-alert-specs";
import { defineAction } from "./define-action";

export const configureInstanceAlert = defineAction(configureInstanceAlertSpec);
export const configureGroupAlertRule = defineAction(configureGroupAlertRuleSpec);
