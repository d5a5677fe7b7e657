import "server-only";
import {
  changeConsumerGroupPasswordCommand,
  createConsumerGroupCommand,
  deleteConsumerGroupSpec,
  resetConsumerGroupPasswordCommand,
} from "../actions/consumer-group-specs";
import { fail, type ActionFailure } from "../actions/result";
import type { AnySpec } from "../actions/run-action";
import { listConsumerGroups, type ConsumerGroupRow } from "../data/consumer-groups";
import { getConsumerGroupPlacement, getInstanceRegion } from "../data/subscription-instances";
import { ALERT_OPERATIONS } from "./alert-operations";
import { INSTANCE_OPERATIONS } from "./instance-operations";
import {
  channelInstanceId,
  checkInstance,
  NOT_FOUND_GROUP,
  NOT_FOUND_INSTANCE,
  pageParam,
  param,
  refused,
  regionParam,
  runWrite,
  utc,
  type Operation,
  type OperationContext,
  type OperationResult,
  type Params,
} from "./operation-kit";

export type { Operation, OperationContext, OperationResult } from "./operation-kit";

/**
 * The DTS OpenAPI's operations (docs/rules.md "OpenAPI"): DTS's parameter names mapped onto the
 * console's own action specs (same role check, schema, database rules, audit, throttling, run by
 * runAction with the "api" channel) and its reads (lib/data), and their answers mapped back
 * onto DTS's response field names (the DTS API reference, version 2020-01-01).
 */

/** The group exists in the instance named (and region), and any account or name given is the group's. */
async function checkGroup(
  ctx: OperationContext,
  instanceId: string,
  groupId: string,
  regionId: string | undefined,
  claimed: { account?: string; name?: string },
  /** the operation would change them in DTS; here it says the console keeps them for good */
  keeps = false,
): Promise<ActionFailure | null> {
  const group = await getConsumerGroupPlacement(ctx.user, groupId);
  if (!group || group.instanceId !== instanceId || (regionId && group.regionId !== regionId)) return NOT_FOUND_GROUP;
  if (claimed.account !== undefined && claimed.account !== group.account) {
    return fail("InvalidParameter.UserName", keeps ? "errors.api.accountKept" : "errors.api.accountMismatch");
  }
  if (claimed.name !== undefined && claimed.name.trim().normalize("NFC") !== group.name) {
    return fail("InvalidParameter", keeps ? "errors.api.nameKept" : "errors.api.nameMismatch");
  }
  return null;
}

function groupItem(g: ConsumerGroupRow, idField: "ConsumerGroupID" | "ConsumerGroupId") {
  return {
    [idField]: g.id,
    ConsumerGroupName: g.name,
    ConsumerGroupUserName: g.account,
    ConsumptionCheckpoint: utc(g.checkpointAt),
    // DTS says -1 while no consumer is connected.
    MessageDelay: g.messageDelaySeconds ?? -1,
    UnconsumedData: g.unconsumedRecords ?? -1,
  };
}

/** The groups of an instance, one page of them; NotFound for an instance that is not there (or not in the region named). */
async function describeGroups(
  params: Params,
  ctx: OperationContext,
  instanceId: string,
  pageName: "PageNum" | "PageNumber",
  defaultSize: number,
) {
  const region = regionParam(params);
  if (!region.ok) return { ok: false as const, failure: region.failure };
  const page = pageParam(params, pageName, 1, 2_147_483_647);
  if (typeof page !== "number") return { ok: false as const, failure: page };
  const size = pageParam(params, "PageSize", defaultSize, 100);
  if (typeof size !== "number") return { ok: false as const, failure: size };
  const list = await listConsumerGroups(ctx.user, instanceId);
  if (!list) return { ok: false as const, failure: NOT_FOUND_INSTANCE };
  if (region.regionId && (await getInstanceRegion(ctx.user, instanceId)) !== region.regionId)
    return { ok: false as const, failure: NOT_FOUND_INSTANCE };
  const groups = list.groups.slice((page - 1) * size, page * size);
  return { ok: true as const, page, size, total: list.groups.length, groups };
}

/** Create a group: CreateConsumerGroup and CreateConsumerChannel. */
async function createGroup(params: Params, ctx: OperationContext, instanceId: string, channel: boolean): Promise<OperationResult> {
  const region = regionParam(params);
  const password = params.get("ConsumerGroupPassword");
  const result = await runWrite(
    createConsumerGroupCommand,
    {
      instanceId,
      name: params.get("ConsumerGroupName"),
      account: params.get("ConsumerGroupUserName"),
      password,
    },
    ctx,
    { target: { instanceId }, run: async () => (region.ok ? checkInstance(ctx, instanceId, region.regionId) : region.failure) },
  );
  if (!result.ok) return refused(result);
  return { ok: true, body: { ...(channel ? { HttpStatusCode: "200" } : {}), ConsumerGroupID: result.data.id } };
}

type GroupRef = { instanceId: string; groupId: string };

/** The account and name a call says the group has (checked, never changed: the console keeps them). */
const claimedIdentity = (params: Params) => ({ account: param(params, "ConsumerGroupUserName"), name: param(params, "ConsumerGroupName") });

/** A write on one group: first the group is checked to be where the call says (region, instance, any account or name given). */
function writeGroup<A extends AnySpec>(
  spec: A,
  input: Record<string, unknown>,
  ctx: OperationContext,
  params: Params,
  ref: GroupRef,
  claimed: { account?: string; name?: string } = {},
  keeps = false,
) {
  const region = regionParam(params);
  return runWrite(spec, input, ctx, {
    target: ref,
    run: async () => (region.ok ? checkGroup(ctx, ref.instanceId, ref.groupId, region.regionId, claimed, keeps) : region.failure),
  });
}

/** DeleteConsumerGroup and DeleteConsumerChannel. */
async function deleteGroup(params: Params, ctx: OperationContext, ref: GroupRef, done: OperationResult): Promise<OperationResult> {
  const result = await writeGroup(deleteConsumerGroupSpec, { groupId: ref.groupId }, ctx, params, ref);
  return result.ok ? done : refused(result);
}

const DONE: OperationResult = { ok: true, body: {} };
const DONE_CHANNEL: OperationResult = { ok: true, body: { HttpStatusCode: "200" } };

/** Every operation by its DTS Action name, with the parameters DTS requires. */
export const OPERATIONS: Record<string, { required: string[]; run: Operation["run"] }> = {
  ...ALERT_OPERATIONS,
  ...INSTANCE_OPERATIONS,

  CreateConsumerGroup: {
    required: ["SubscriptionInstanceId", "ConsumerGroupName", "ConsumerGroupUserName", "ConsumerGroupPassword"],
    run: (params, ctx) => createGroup(params, ctx, params.get("SubscriptionInstanceId") ?? "", false),
  },

  DescribeConsumerGroup: {
    required: ["SubscriptionInstanceId"],
    async run(params, ctx) {
      const r = await describeGroups(params, ctx, params.get("SubscriptionInstanceId") ?? "", "PageNum", 30);
      if (!r.ok) return refused(r.failure);
      return {
        ok: true,
        body: {
          PageNumber: r.page,
          PageRecordCount: r.size,
          TotalRecordCount: r.total,
          ConsumerChannels: { DescribeConsumerChannel: r.groups.map((g) => groupItem(g, "ConsumerGroupID")) },
        },
      };
    },
  },

  ModifyConsumerGroupPassword: {
    // pop-core capitalises every parameter name; the reference spells this one with a lower-case c.
    required: ["SubscriptionInstanceId", "ConsumerGroupID", "ConsumerGroupPassword", "consumerGroupNewPassword|ConsumerGroupNewPassword"],
    async run(params, ctx) {
      const ref = { instanceId: params.get("SubscriptionInstanceId") ?? "", groupId: params.get("ConsumerGroupID") ?? "" };
      const newPassword = param(params, "consumerGroupNewPassword", "ConsumerGroupNewPassword");
      const input = { groupId: ref.groupId, oldPassword: params.get("ConsumerGroupPassword"), newPassword };
      const result = await writeGroup(changeConsumerGroupPasswordCommand, input, ctx, params, ref, claimedIdentity(params));
      return result.ok ? DONE : refused(result);
    },
  },

  DeleteConsumerGroup: {
    required: ["SubscriptionInstanceId", "ConsumerGroupID"],
    run: (params, ctx) =>
      deleteGroup(
        params,
        ctx,
        { instanceId: params.get("SubscriptionInstanceId") ?? "", groupId: params.get("ConsumerGroupID") ?? "" },
        DONE,
      ),
  },

  CreateConsumerChannel: {
    required: ["ConsumerGroupName", "ConsumerGroupUserName", "ConsumerGroupPassword"],
    async run(params, ctx) {
      const instance = channelInstanceId(params);
      if (!instance.ok) return instance.result;
      return createGroup(params, ctx, instance.id, true);
    },
  },

  DescribeConsumerChannel: {
    required: [],
    async run(params, ctx) {
      const instance = channelInstanceId(params);
      if (!instance.ok) return instance.result;
      const r = await describeGroups(params, ctx, instance.id, "PageNumber", 20);
      if (!r.ok) return refused(r.failure);
      return {
        ok: true,
        body: {
          HttpStatusCode: "200",
          PageNumber: r.page,
          PageRecordCount: r.size,
          TotalRecordCount: r.total,
          ConsumerChannels: r.groups.map((g) => groupItem(g, "ConsumerGroupId")),
        },
      };
    },
  },

  ModifyConsumerChannel: {
    required: ["ConsumerGroupId"],
    async run(params, ctx) {
      const instance = channelInstanceId(params);
      if (!instance.ok) return instance.result;
      const ref = { instanceId: instance.id, groupId: params.get("ConsumerGroupId") ?? "" };
      // The reset (no current password, admins only). The console keeps a group's name and
      // account for good, so those may only repeat what they are.
      const input = { groupId: ref.groupId, newPassword: params.get("ConsumerGroupPassword") };
      const result = await writeGroup(resetConsumerGroupPasswordCommand, input, ctx, params, ref, claimedIdentity(params), true);
      return result.ok ? DONE_CHANNEL : refused(result);
    },
  },

  DeleteConsumerChannel: {
    required: ["ConsumerGroupId"],
    async run(params, ctx) {
      const instance = channelInstanceId(params);
      if (!instance.ok) return instance.result;
      return deleteGroup(params, ctx, { instanceId: instance.id, groupId: params.get("ConsumerGroupId") ?? "" }, DONE_CHANNEL);
    },
  },
};

/** The first required parameter (or `a|b` alternative) with no value, or null. */
export function missingParameter(required: string[], params: Params): string | null {
  for (const entry of required) {
    const names = entry.split("|");
    if (!param(params, ...names)) return names[0];
  }
  return null;
}
