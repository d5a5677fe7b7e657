// `npm run db:seed`: seeds the demo console (idempotent: existing instances are left alone).
// `npm run db:seed -- --tasks 100000 [--region cn-hangzhou] [--group-instances 1000] [--audit 1000000]`
// adds a scale data set on top: numbered tasks in one region, 20 groups on each of the newest
// 1,000 of them and an audit log of 1,000,000 records (lib/db/scale-seed.ts).
import { parseArgs } from "node:util";
import { connect, poolSizeFrom } from "../lib/db/connect";
import { SCALE_DEFAULTS, seedScale } from "../lib/db/scale-seed";
import { seedDatabase } from "../lib/db/seed";

const { values } = parseArgs({
  options: {
    tasks: { type: "string" },
    region: { type: "string", default: SCALE_DEFAULTS.region },
    "group-instances": { type: "string", default: String(SCALE_DEFAULTS.groupInstances) },
    "groups-per-instance": { type: "string", default: String(SCALE_DEFAULTS.groupsPerInstance) },
    audit: { type: "string", default: String(SCALE_DEFAULTS.auditRows) },
  },
});

function whole(name: string, value: string): number {
  if (!/^\d+$/.test(value.replace(/[_,]/g, ""))) throw new Error(`--${name} must be a whole number, not "${value}".`);
  return Number(value.replace(/[_,]/g, ""));
}

const conn = await connect({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DTS_DATA_DIR || undefined,
  poolSize: poolSizeFrom(process.env.DATABASE_POOL_SIZE),
});
try {
  const started = performance.now();
  const demo = await seedDatabase(conn.prisma);
  console.log(`${conn.kind}: seeded ${demo.instances} new demo instance(s); demo users ensured.`);
  if (values.tasks !== undefined) {
    const result = await seedScale(conn, {
      tasks: whole("tasks", values.tasks),
      region: values.region,
      groupInstances: whole("group-instances", values["group-instances"]),
      groupsPerInstance: whole("groups-per-instance", values["groups-per-instance"]),
      auditRows: whole("audit", values.audit),
      log: (line) => console.log(`  ${line}`),
    });
    console.log(
      `${conn.kind}: scale data set in ${values.region}: ${result.tasks} new task(s), ${result.groups} new group(s), ` +
        `${result.auditRows} new audit record(s), in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  }
} finally {
  await conn.close();
}
