import "server-only";
import { getSubscriptionInstance, listSubscriptionInstances, type SubscriptionInstance } from "../data/subscription-instances";
import { parseTrackedObjects } from "../data/tasks";
import { REGION_IDS } from "../regions";
import { cleanQueryText } from "../validation/text";
import { NOT_FOUND_INSTANCE, pageParam, refused, regionParam, utc, type Operation } from "./operation-kit";

/**
 * The DTS OpenAPI's instance reads (docs/rules.md "OpenAPI"): DescribeSubscriptionInstances and
 * DescribeSubscriptionInstanceStatus, with DTS's response field names.
 */

const SOURCE_TYPES: Record<string, string> = { "PolarDB for MySQL": "PolarDB", "PolarDB-X": "DRDS" };

/** What DescribeSubscriptionInstances and DescribeSubscriptionInstanceStatus say of an instance. */
function instanceFields(i: SubscriptionInstance) {
  return {
    SubscriptionInstanceID: i.id,
    SubscriptionInstanceName: i.name,
    Status: i.status,
    PayType: i.billingMethod === "Subscription" ? "PrePaid" : "PostPaid",
    BeginTimestamp: utc(i.dataBeginAt),
    EndTimestamp: utc(i.dataEndAt),
    ConsumptionCheckpoint: utc(i.checkpointAt),
    SourceEndpoint: {
      InstanceID: i.sourceInstanceId,
      InstanceType: i.sourceType.startsWith("RDS") ? "RDS" : (SOURCE_TYPES[i.sourceType] ?? i.sourceType),
    },
    SubscriptionDataType: { DDL: i.trackDdl, DML: i.trackDml },
    SubscriptionHost: { PrivateHost: i.privateEndpoint, PublicHost: i.publicEndpoint, VPCHost: i.vpcEndpoint },
    SubscribeTopic: i.topic,
    SubscriptionObject: {
      SynchronousObject: parseTrackedObjects(i.trackedObjects).map((o) => ({
        DatabaseName: o.database,
        WholeDatabase: String(o.tables.length === 0),
        TableList: { Table: o.tables },
      })),
    },
  };
}

/** The instance operations by their DTS Action name, with the parameters DTS requires. */
export const INSTANCE_OPERATIONS: Record<string, { required: string[]; run: Operation["run"] }> = {
  DescribeSubscriptionInstances: {
    required: [],
    async run(params, ctx) {
      const region = regionParam(params);
      if (!region.ok) return refused(region.failure);
      const page = pageParam(params, "PageNum", 1, 2_147_483_647);
      if (typeof page !== "number") return refused(page);
      const size = pageParam(params, "PageSize", 30, 100);
      if (typeof size !== "number") return refused(size);
      const regionId = region.regionId ?? REGION_IDS[0];
      const { total, rows } = await listSubscriptionInstances(ctx.user, regionId, {
        name: cleanQueryText(params.get("SubscriptionInstanceName"), 128),
        id: cleanQueryText(params.get("SubscriptionInstanceId"), 64),
        page,
        pageSize: size,
      });
      return {
        ok: true,
        body: {
          PageNumber: page,
          PageRecordCount: size,
          TotalRecordCount: total,
          SubscriptionInstances: {
            SubscriptionInstance: rows.map((i) => ({
              ...instanceFields(i),
              InstanceCreateTime: utc(i.createdAt),
              JobCreateTime: utc(i.createdAt),
              Tags: { Tag: [] },
            })),
          },
        },
      };
    },
  },

  DescribeSubscriptionInstanceStatus: {
    required: ["SubscriptionInstanceId"],
    async run(params, ctx) {
      const region = regionParam(params);
      if (!region.ok) return refused(region.failure);
      const instance = await getSubscriptionInstance(ctx.user, params.get("SubscriptionInstanceId") ?? "");
      if (!instance || (region.regionId && instance.regionId !== region.regionId)) return refused(NOT_FOUND_INSTANCE);
      return {
        ok: true,
        body: {
          ...instanceFields(instance),
          TaskId: instance.id.slice(3),
          ...(instance.consumptionClient ? { ConsumptionClient: instance.consumptionClient } : {}),
        },
      };
    },
  },
};
