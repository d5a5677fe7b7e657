import type { InstanceStatus } from "../generated/prisma/client";

// The demo's names and cycles, shared by the demo seed (lib/db/seed.ts) and the scale seed
// (lib/db/scale-seed.ts): the same console at 63 tasks and at 100,000.

export const SOURCES = [
  { type: "RDS MySQL", prefix: "rm" },
  { type: "RDS MySQL", prefix: "rm" },
  { type: "PolarDB for MySQL", prefix: "pc" },
  { type: "PolarDB-X", prefix: "pxc" },
  { type: "RDS PostgreSQL", prefix: "pgm" },
] as const;

// The zone letters Alibaba Cloud puts in instance ids of each region.
export const REGION_CODES: Record<string, string> = {
  "cn-hangzhou": "bp1",
  "cn-shanghai": "uf6",
  "cn-beijing": "2ze",
  "cn-shenzhen": "wz9",
  "cn-hongkong": "j6c",
  "ap-southeast-1": "t4n",
  "ap-northeast-1": "6we",
  "us-west-1": "rj9",
  "eu-central-1": "gw8",
  "me-east-1": "eb3",
};

export const REGION_TASKS: [string, number][] = [
  ["cn-hangzhou", 23],
  ["cn-shanghai", 7],
  ["cn-beijing", 6],
  ["cn-shenzhen", 5],
  ["cn-hongkong", 3],
  ["ap-southeast-1", 5],
  ["ap-northeast-1", 2],
  ["us-west-1", 3],
  ["eu-central-1", 3],
  ["me-east-1", 1],
];

export const DATABASES = ["dtstest", "orders", "payment", "inventory", "user_center", "logistics", "crm", "billing", "marketing", "risk"];
export const TABLES: Record<string, string[]> = {
  dtstest: ["customer", "order"],
  orders: ["order", "order_item", "order_refund"],
  payment: ["payment", "payment_channel"],
  inventory: ["sku", "stock", "warehouse"],
  user_center: ["user", "user_address"],
  logistics: ["shipment", "tracking_event"],
  crm: ["account", "contact", "lead"],
  billing: ["invoice", "invoice_line"],
  marketing: ["campaign", "coupon"],
  risk: ["rule", "decision_log"],
};
export const TASK_NAMES = [
  "order-events",
  "payment-cdc",
  "inventory-sync",
  "user-center-binlog",
  "logistics-stream",
  "crm-changes",
  "billing-audit",
  "marketing-feed",
  "risk-decisions",
  "dw-realtime",
];

export const STATUS_CYCLE: InstanceStatus[] = [
  "Normal",
  "Normal",
  "Normal",
  "Abnormal",
  "Normal",
  "NotStarted",
  "Normal",
  "Prechecking",
  "PrecheckFailed",
  "Normal",
  "Starting",
  "Retrying",
  "Normal",
  "Upgrade",
  "Locked",
  "Downgrade",
];

export const GROUP_NAMES = [
  "bi-realtime-dashboard",
  "risk-control",
  "search-indexer",
  "dw-sync",
  "cache-invalidation",
  "audit-archiver",
  "recommendation-feed",
  "fraud-detection",
  "notification-service",
  "metrics-rollup",
  "order-timeline",
  "finance-reconcile",
  "crm-enrichment",
  "ml-feature-store",
  "es-sync",
  "report-builder",
  "data-lake-ingest",
  "alerting",
  "customer-360",
  "compliance-export",
];
