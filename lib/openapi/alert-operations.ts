import "server-only";
import { configureInstanceAlertSpec } from "../actions/instance-alert-specs";
import { fail } from "../actions/result";
import { getInstanceAlert } from "../data/instance-alerts";
import { getSubscriptionInstance } from "../data/subscription-instances";
import { cleanQueryText } from "../validation/text";
import {
  channelInstanceId,
  checkInstance,
  NOT_FOUND_INSTANCE,
  refused,
  regionParam,
  runWrite,
  type Operation,
  type OperationResult,
  type Params,
} from "./operation-kit";

/**
 * DTS's instance alert operations (docs/rules.md "Alerts"): ConfigureSubscriptionInstanceAlert and
 * DescribeSubscriptionInstanceAlert, and the task-level CreateJobMonitorRule and
 * DescribeJobMonitorRule over the same settings (Type delay = the latency alert, error = the
 * status alert), with the reference's parameter names and answers. What is not given keeps what is
 * set; the phone numbers are kept and shown, and no SMS is ever sent.
 */

const STATUS = { enable: true, disable: false } as const;

/** `enable`, `disable` (any case), or not given; anything else is refused, naming the parameter. */
function statusParam(params: Params, name: string): { ok: true; value?: boolean } | { ok: false; name: string } {
  const raw = params.get(name);
  if (raw === undefined || raw === "") return { ok: true };
  const key = raw.toLowerCase();
  return Object.hasOwn(STATUS, key) ? { ok: true, value: STATUS[key as keyof typeof STATUS] } : { ok: false, name };
}

const word = (on: boolean) => (on ? "enable" : "disable");
const yesNo = (on: boolean) => (on ? "Y" : "N");

/** CreateJobMonitorRule: one rule (Type) of the task, State Y or N (default Y). */
async function createJobMonitorRule(params: Params, ctx: Parameters<Operation["run"]>[1]): Promise<OperationResult> {
  const instance = channelInstanceId(params);
  if (!instance.ok) return instance.result;
  const instanceId = instance.id;
  const region = regionParam(params);
  const type = (params.get("Type") || "error").toLowerCase();
  const stateRaw = (params.get("State") || "Y").toUpperCase();
  const badParam = type !== "delay" && type !== "error" ? "Type" : stateRaw !== "Y" && stateRaw !== "N" ? "State" : null;
  const on = stateRaw === "Y";
  const phone = params.get("Phone");
  const current = await getInstanceAlert(ctx.user, instanceId);
  const result = await runWrite(
    configureInstanceAlertSpec,
    {
      instanceId,
      delayAlert: type === "delay" ? on : (current?.delayAlert ?? false),
      delayOverSeconds: (type === "delay" ? params.get("DelayRuleTime") : undefined) ?? current?.delayOverSeconds ?? undefined,
      delayAlertPhone: (type === "delay" ? phone : undefined) ?? current?.delayAlertPhone ?? "",
      errorAlert: type === "error" ? on : (current?.errorAlert ?? false),
      errorAlertPhone: (type === "error" ? phone : undefined) ?? current?.errorAlertPhone ?? "",
    },
    ctx,
    {
      target: { instanceId },
      run: async () => {
        if (badParam) return fail("InvalidParameter", "errors.api.monitorRuleValue", undefined, { name: badParam });
        if (!region.ok) return region.failure;
        if (!current) return NOT_FOUND_INSTANCE;
        return checkInstance(ctx, instanceId, region.regionId);
      },
    },
  );
  return result.ok ? { ok: true, body: { HttpStatusCode: 200, DtsJobId: instanceId.slice(3) } } : refused(result);
}

export const ALERT_OPERATIONS: Record<string, { required: string[]; run: Operation["run"] }> = {
  ConfigureSubscriptionInstanceAlert: {
    // DTS: at least one of DelayAlertStatus and ErrorAlertStatus.
    required: ["SubscriptionInstanceId", "DelayAlertStatus|ErrorAlertStatus"],
    async run(params, ctx) {
      const instanceId = params.get("SubscriptionInstanceId") ?? "";
      const region = regionParam(params);
      const delay = statusParam(params, "DelayAlertStatus");
      const error = statusParam(params, "ErrorAlertStatus");
      const badStatus = !delay.ok ? delay.name : !error.ok ? error.name : null;
      // What is not given stays as it is (the instance's settings, or "off" before any).
      const current = await getInstanceAlert(ctx.user, instanceId);
      const result = await runWrite(
        configureInstanceAlertSpec,
        {
          instanceId,
          delayAlert: (delay.ok ? delay.value : undefined) ?? current?.delayAlert ?? false,
          delayOverSeconds: params.get("DelayOverSeconds") ?? current?.delayOverSeconds ?? undefined,
          delayAlertPhone: params.get("DelayAlertPhone") ?? current?.delayAlertPhone ?? "",
          errorAlert: (error.ok ? error.value : undefined) ?? current?.errorAlert ?? false,
          errorAlertPhone: params.get("ErrorAlertPhone") ?? current?.errorAlertPhone ?? "",
        },
        ctx,
        {
          target: { instanceId },
          run: async () => {
            if (badStatus) return fail("InvalidParameter", "errors.api.alertStatus", undefined, { name: badStatus });
            if (!region.ok) return region.failure;
            if (!current) return NOT_FOUND_INSTANCE;
            return checkInstance(ctx, instanceId, region.regionId);
          },
        },
      );
      return result.ok ? { ok: true, body: {} } : refused(result);
    },
  },

  CreateJobMonitorRule: {
    required: ["DtsJobId|DtsInstanceId"],
    run: createJobMonitorRule,
  },

  DescribeJobMonitorRule: {
    required: ["DtsJobId|DtsInstanceId"],
    async run(params, ctx) {
      const instance = channelInstanceId(params);
      if (!instance.ok) return instance.result;
      const region = regionParam(params);
      if (!region.ok) return refused(region.failure);
      const found = await getSubscriptionInstance(ctx.user, instance.id);
      if (!found || (region.regionId && found.regionId !== region.regionId)) return refused(NOT_FOUND_INSTANCE);
      const alert = await getInstanceAlert(ctx.user, found.id);
      if (!alert) return refused(NOT_FOUND_INSTANCE);
      const jobId = found.id.slice(3);
      return {
        ok: true,
        body: {
          HttpStatusCode: 200,
          DtsJobId: jobId,
          MonitorRules: [
            {
              Type: "delay",
              State: yesNo(alert.delayAlert),
              ...(alert.delayOverSeconds !== null ? { DelayRuleTime: alert.delayOverSeconds } : {}),
              Phone: alert.delayAlertPhone,
              JobType: "normal",
              JobId: jobId,
            },
            { Type: "error", State: yesNo(alert.errorAlert), Phone: alert.errorAlertPhone, JobType: "normal", JobId: jobId },
          ],
        },
      };
    },
  },

  DescribeSubscriptionInstanceAlert: {
    required: ["SubscriptionInstanceId"],
    async run(params, ctx) {
      const region = regionParam(params);
      if (!region.ok) return refused(region.failure);
      const instanceId = cleanQueryText(params.get("SubscriptionInstanceId"), 64) ?? "";
      const instance = await getSubscriptionInstance(ctx.user, instanceId);
      if (!instance || (region.regionId && instance.regionId !== region.regionId)) return refused(NOT_FOUND_INSTANCE);
      const alert = await getInstanceAlert(ctx.user, instance.id);
      if (!alert) return refused(NOT_FOUND_INSTANCE);
      return {
        ok: true,
        body: {
          SubscriptionInstanceID: instance.id,
          SubscriptionInstanceName: instance.name,
          DelayAlertStatus: word(alert.delayAlert),
          ...(alert.delayOverSeconds !== null ? { DelayOverSeconds: String(alert.delayOverSeconds) } : {}),
          DelayAlertPhone: alert.delayAlertPhone,
          ErrorAlertStatus: word(alert.errorAlert),
          ErrorAlertPhone: alert.errorAlertPhone,
        },
      };
    },
  },
};
