/**
 * The region ids of docs/rules.md "Regions", as the migration inserts them into the `region` table (a test keeps
 * the two equal). The proxy needs them without a database to remember only real regions.
 */
export const REGION_IDS = [
  "cn-hangzhou",
  "cn-shanghai",
  "cn-qingdao",
  "cn-beijing",
  "cn-zhangjiakou",
  "cn-huhehaote",
  "cn-wulanchabu",
  "cn-shenzhen",
  "cn-heyuan",
  "cn-guangzhou",
  "cn-chengdu",
  "cn-hongkong",
  "ap-southeast-1",
  "ap-southeast-3",
  "ap-southeast-5",
  "ap-southeast-6",
  "ap-southeast-7",
  "ap-northeast-1",
  "ap-northeast-2",
  "us-west-1",
  "us-east-1",
  "eu-central-1",
  "eu-west-1",
  "me-central-1",
  "me-east-1",
] as const;

/** The cookie DTS keeps the selected region in. */
export const REGION_COOKIE = "dts_region";
export const REGION_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

/** The message key of each area the `region` table names (messages/<locale>/regions.json "areas"). */
export const REGION_AREA_KEYS = {
  China: "china",
  "Asia Pacific": "asiaPacific",
  "Europe & Americas": "europeAmericas",
  "Middle East": "middleEast",
} as const;
