// The bench's printed report (scripts/bench.ts): the tables README "Benchmark" shows.
import type { DbResults, Extras, Targets } from "./bench-load";

type Kind = "pglite" | "postgres";

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`;
  return [line(rows[0]), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.slice(1).map(line)].join("\n");
}

/** Prints the figures of a run as Markdown tables, with the machine it ran on. */
export function printReport(
  kinds: readonly Kind[],
  out: Partial<Record<Kind, { results: DbResults; extras: Extras }>>,
  machine: {
    cpu: string;
    cores: number;
    memoryGiB: number;
    os: string;
    node: string;
    loadAverageAtStart: number[];
    connections: number;
    durationSeconds: number;
  },
  results: {
    machine: { loadAverageAtEnd: number[] };
    argon2idHashP50Ms: number;
    js: { dataConsumeGzip: number; barePageGzip: number; ratio: number };
  },
): void {
  const rows = [["target", ...kinds.flatMap((k) => [`${k} p50`, `${k} p95`, `${k} req/s`, `${k} p95/floor`, `${k} p95/csrf`])]];
  for (const name of [
    "floor",
    "frameworkRoute",
    "blankPage",
    "consoleFrame",
    "taskList",
    "dataConsume",
    "groupsJson",
    "createAction",
  ] as Targets[]) {
    rows.push([
      name,
      ...kinds.flatMap((k) => {
        const f = out[k]!.results[name];
        return [`${f.p50} ms`, `${f.p95} ms`, String(f.rps), `${f.ratioP95}x`, `${f.ratioToFrameworkRouteP95}x`];
      }),
    ]);
  }
  const scaleRows = [["p50 of the page", ...kinds.flatMap((k) => [`${k} 1k`, `${k} 100k`, `${k} ratio`])]];
  for (const key of ["firstPage", "search", "lastPage"] as const) {
    scaleRows.push([
      key,
      ...kinds.flatMap((k) => {
        const s = out[k]!.results.scale[key];
        return [`${s.t1k} ms`, `${s.t100k} ms`, `${s.ratio}x`];
      }),
    ]);
  }
  console.log(
    `\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}; load ${machine.loadAverageAtStart.join(" ")} at start, ${results.machine.loadAverageAtEnd.join(" ")} at end; ${machine.connections} connections, ${machine.durationSeconds} s per target\n`,
  );
  console.log(table(rows));
  console.log(`\n${table(scaleRows)}`);
  console.log(
    `\nJavaScript opening Data Consume: ${results.js.dataConsumeGzip} B gzipped; a bare page: ${results.js.barePageGzip} B (${results.js.ratio}x)`,
  );
  for (const k of kinds) {
    const r = out[k]!.results;
    console.log(
      `${k}: create action alone ${r.alone.createAction} ms = ${r.createOverHashAndInsert}x one argon2id hash (${results.argon2idHashP50Ms} ms) + the insert alone (${r.insertAloneMs} ms); refused by its input's check ${r.alone.createRefused} ms; a blank page alone ${r.alone.blankPage} ms, the console's frame ${r.alone.consoleFrame} ms, the floor ${r.alone.floor} ms`,
    );
  }
  const auditRows = [["audit log, p50", ...kinds]];
  for (const label of Object.keys(out[kinds[0]]?.extras.audit ?? {}))
    auditRows.push([label, ...kinds.map((k) => `${out[k]!.extras.audit[label]} ms`)]);
  console.log(`\n${table(auditRows)}\n`);
  for (const kind of kinds) {
    const e = out[kind]!.extras;
    console.log(
      `${kind}: seed ${e.seedSeconds.length ? `${e.seedSeconds.join(" s + ")} s` : "reused"}; server RSS ${e.rssWarmMiB} MiB after warm-up, ${e.rssAfterMiB} MiB after the load, ${e.peakMiB} MiB peak${e.notes.length ? `; ${e.notes.join("; ")}` : ""}`,
    );
  }
}
