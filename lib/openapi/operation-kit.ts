import "server-only";
import { runAction, type ActionVia, type AnswerOf, type AnySpec } from "../actions/run-action";
import { fail, type ActionFailure, type ActionResult } from "../actions/result";
import { writeAudit } from "../audit";
import { can } from "../auth/roles";
import type { SessionUser } from "../auth/session";
import { getInstanceRegion } from "../data/subscription-instances";
import { getDb } from "../db";
import { describeForLog } from "../db/errors";
import { REGION_IDS } from "../regions";
import { cleanQueryText } from "../validation/text";

/**
 * What every OpenAPI operation is built from (docs/rules.md "OpenAPI"): the context and result
 * types, DTS's parameter conventions (region, paging, channel ids), and {@link runWrite}, which
 * runs a console action spec for the API caller.
 */

export interface OperationContext {
  user: SessionUser;
  ip: string | null;
  via: ActionVia;
}

export type OperationResult =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; failure: ActionFailure }
  /** a parameter the API requires is missing: the gateway's MissingParameter */
  | { ok: false; missing: string };

export type Params = ReadonlyMap<string, string>;

export interface Operation {
  run: (params: Params, ctx: OperationContext) => Promise<OperationResult>;
}

/** The first of the names given a non-empty value. */
export const param = (params: Params, ...names: string[]): string | undefined => {
  for (const name of names) {
    const value = params.get(name);
    if (value) return value;
  }
  return undefined;
};

export const refused = (failure: ActionFailure): OperationResult => ({ ok: false, failure });
// Messages are keys of the `errors` catalogue: operationRefusal words them in the caller's language.
export const NOT_FOUND_INSTANCE = fail("NotFound", "errors.api.instanceNotFound");
export const NOT_FOUND_GROUP = fail("NotFound", "errors.api.groupNotFound");

/** `2019-10-02T12:00:00Z`: the reference's yyyy-MM-ddTHH:mm:ssZ, UTC. */
export function utc(value: Date | string | null | undefined): string | undefined {
  if (!value) return undefined;
  return new Date(value).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** RegionId, when given, must be a DTS region; the instance then must be in it. */
export function regionParam(params: Params): { ok: true; regionId?: string } | { ok: false; failure: ActionFailure } {
  const regionId = params.get("RegionId");
  if (regionId === undefined || regionId === "") return { ok: true };
  return (REGION_IDS as readonly string[]).includes(regionId)
    ? { ok: true, regionId }
    : {
        ok: false,
        failure: fail("InvalidParameter", "errors.api.regionUnknown", undefined, { regionId: cleanQueryText(regionId, 32) ?? "" }),
      };
}

/** A page number or size: a whole number in range, or the default when not given. */
export function pageParam(params: Params, name: string, fallback: number, max: number): number | ActionFailure {
  const value = params.get(name);
  if (value === undefined || value === "") return fallback;
  const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= max
    ? n
    : fail("InvalidParameter", "errors.api.pageParameter", undefined, { name, max: String(max) });
}

/** The instance of the channel family: DtsInstanceId, or DtsJobId (the instance id without "dts"). */
export function channelInstanceId(params: Params): { ok: true; id: string } | { ok: false; result: OperationResult } {
  const instanceId = param(params, "DtsInstanceId");
  const jobId = param(params, "DtsJobId");
  if (!instanceId && !jobId) return { ok: false, result: { ok: false, missing: "DtsInstanceId" } };
  const fromJob = jobId ? `dts${jobId}` : undefined;
  if (instanceId && fromJob && instanceId !== fromJob) {
    return { ok: false, result: refused(fail("InvalidParameter", "errors.api.instanceMismatch")) };
  }
  return { ok: true, id: instanceId ?? fromJob ?? "" };
}

/** Records a refusal the API itself decided before the action ran (wrong instance or region), as the action would. */
export async function auditRefusal(
  action: AnySpec["name"],
  ctx: OperationContext,
  failure: ActionFailure,
  target: { instanceId?: string; groupId?: string },
) {
  try {
    await writeAudit(await getDb(), {
      username: ctx.user.username,
      role: ctx.user.role,
      action,
      instanceId: target.instanceId,
      groupId: target.groupId,
      errorCode: failure.code,
      clientIp: ctx.ip,
      channel: ctx.via.channel,
      accessKeyId: ctx.via.accessKeyId,
    });
  } catch (error) {
    console.error(`[openapi ${action}] could not record a refusal: ${describeForLog(error)}`);
  }
}

/**
 * Runs a console action for the API caller. `check`, when given, first confirms the request names
 * a consistent target (the group in the instance named, the region); it runs only for a role the
 * action allows, so a role refusal is always what a role without the permission sees.
 */
export async function runWrite<A extends AnySpec>(
  spec: A,
  input: Record<string, unknown>,
  ctx: OperationContext,
  check?: { target: { instanceId?: string; groupId?: string }; run: () => Promise<ActionFailure | null> },
): Promise<ActionResult<AnswerOf<A>>> {
  if (check && can(ctx.user.role, spec.permission)) {
    const failure = await check.run();
    if (failure) {
      await auditRefusal(spec.name, ctx, failure, check.target);
      return failure;
    }
  }
  return runAction(spec, input, ctx.user, ctx.ip, ctx.via);
}

/** The instance exists and, when a region is named, lies in it. */
export async function checkInstance(
  ctx: OperationContext,
  instanceId: string,
  regionId: string | undefined,
): Promise<ActionFailure | null> {
  if (!regionId) return null;
  const region = await getInstanceRegion(ctx.user, instanceId);
  return region && region !== regionId ? NOT_FOUND_INSTANCE : null;
}
