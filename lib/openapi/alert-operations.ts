import "server-only";
import { configureInstanceAlertSpec } from "../actions/instance-alert-specs";
import { fail } from "../actions/result";
import { getInstanceAlert } from "../data/instance-alerts";
import { getSubscriptionInstance } from "../data/subscription-instances";
import { cleanQueryText } from "../validation/text";
import { checkInstance, NOT_FOUND_INSTANCE, refused, regionParam, runWrite, type Operation, type Params } from "./operation-kit";

/**
 * DTS's instance alert operations (docs/rules.md "Alerts"): ConfigureSubscriptionInstanceAlert and
 * DescribeSubscriptionInstanceAlert, with the reference's parameter names and answers. A status
 * not given keeps what is set; the phone numbers are kept and shown, and no SMS is ever sent.
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
