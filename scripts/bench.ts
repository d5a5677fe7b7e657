// `npm run bench`: speed and memory of the hot paths on an in-memory PGlite, printed as figures.
// Not a test: nothing here asserts a time.
import { performance } from "node:perf_hooks";
import { connect } from "../lib/db/connect";
import { hashPassword, verifyPassword } from "../lib/auth/password";
import { seedDatabase } from "../lib/db/seed";
import { SEED_IDS } from "../lib/demo";

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `p50 ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms (n=${s.length})`;
}
async function time(n: number, fn: (i: number) => Promise<unknown>) {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return stats(out);
}

let t = performance.now();
const conn = await connect({ dataDir: "memory://" });
console.log(`open + migrate (in-memory PGlite): ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
await seedDatabase(conn.prisma);
console.log(`seed (63 tasks, 80+ groups): ${(performance.now() - t).toFixed(0)} ms`);

const db = conn.prisma;
console.log(
  `task list page (cn-hangzhou, 10 rows + count): ${await time(200, () =>
    Promise.all([
      db.instance.count({ where: { regionId: "cn-hangzhou" } }),
      db.instance.findMany({ where: { regionId: "cn-hangzhou" }, orderBy: { createdAt: "desc" }, take: 10 }),
    ]),
  )}`,
);
console.log(
  `consumer group list (19 groups): ${await time(200, () =>
    db.instance.findUnique({ where: { id: SEED_IDS.nineteen }, include: { consumerGroups: { include: { lease: true } } } }),
  )}`,
);
const hash = await hashPassword("Bench#1234");
console.log(`argon2id hash: ${await time(20, () => hashPassword("Bench#1234"))}`);
console.log(`argon2id verify: ${await time(20, () => verifyPassword(hash, "Bench#1234"))}`);
console.log(
  `insert group (trigger + CHECK, hash precomputed): ${await time(19, (i) =>
    db.consumerGroup.create({
      data: {
        id: `dtsbench${String(i).padStart(6, "0")}`,
        instanceId: SEED_IDS.empty,
        name: `b${i}`,
        username: "bench",
        passwordHash: hash,
      },
    }),
  )}`,
);
const mem = process.memoryUsage();
console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
await conn.close();
