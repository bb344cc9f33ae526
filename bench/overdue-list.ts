// Benchmark 2: the first page of the overdue list (what a district supervisor opens every morning)
// at BENCH_ROWS instruments, through InstrumentService.list, p50/p95 over BENCH_LIST_RUNS runs
// after BENCH_LIST_WARMUP untimed ones. Standalone it loads its own registry first:
//   node --import tsx bench/overdue-list.ts
import { pathToFileURL } from 'node:url';
import { createContext, type AppContext } from '../src/services/context.ts';
import { loadConfig, type BenchConfig, type BenchDialect } from './lib/config.ts';
import { freshDatabase } from './lib/databases.ts';
import { createOwners, instrumentGenerator, registerThroughService, spreadDueDates } from './lib/populate.ts';
import { formatInt, formatMs, formatSeconds, log, now, percentile, table } from './lib/stats.ts';
import { systemCaller } from '../src/domain/auth/actor.ts';

const SYSTEM = systemCaller('bench');

export const LIST_TARGET_MS = 50;

export interface ListCase {
  readonly name: string;
  readonly query: Record<string, unknown>;
  /** Whether the ≤ 50 ms p95 target applies (to the overdue lists, on SQLite; PostgreSQL is reported only). */
  readonly targeted: boolean;
}

export const LIST_CASES: readonly ListCase[] = [
  { name: 'overdue, district 500112', query: { dueState: 'overdue', districtCode: '500112', page: 1, pageSize: 20 }, targeted: true },
  { name: 'overdue, all districts', query: { dueState: 'overdue', page: 1, pageSize: 20 }, targeted: true },
  { name: 'overdue, category ELECTRICITY_METER', query: { dueState: 'overdue', categoryCode: 'ELECTRICITY_METER', page: 1, pageSize: 20 }, targeted: true },
  // For reference, not targeted: the default list (no filter, sorted by due date, no-due-date last).
  { name: 'all instruments, default sort', query: { page: 1, pageSize: 20 }, targeted: false },
];

export interface ListResult {
  readonly dialect: BenchDialect;
  readonly rows: number;
  readonly name: string;
  readonly total: number;
  readonly runs: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly targeted: boolean;
}

export async function benchOverdueList(cfg: BenchConfig, dialect: BenchDialect, ctx: AppContext): Promise<ListResult[]> {
  const results: ListResult[] = [];
  for (const c of LIST_CASES) {
    let total = 0;
    for (let i = 0; i < cfg.listWarmup; i++) total = (await ctx.instruments.list(SYSTEM, c.query)).total;
    const samples: number[] = [];
    for (let i = 0; i < cfg.listRuns; i++) {
      const t = now();
      const page = await ctx.instruments.list(SYSTEM, c.query);
      samples.push(now() - t);
      total = page.total;
      if (page.items.length === 0 && total > 0) throw new Error(`${c.name}: empty first page of ${total}`);
    }
    const result = {
      dialect,
      rows: cfg.rows,
      name: c.name,
      total,
      runs: samples.length,
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      max: percentile(samples, 100),
      targeted: c.targeted,
    };
    log(`${dialect}: ${c.name}: ${formatInt(total)} matching, p50 ${formatMs(result.p50)} ms, p95 ${formatMs(result.p95)} ms`);
    results.push(result);
  }
  return results;
}

export function listTable(results: readonly ListResult[]): string {
  return table(
    ['dialect', 'query (page 1 of 20)', 'instruments', 'matching', 'runs', 'p50 ms', 'p95 ms', 'max ms', `target p95 ≤ ${LIST_TARGET_MS} ms`],
    results.map((r) => [
      r.dialect,
      r.name,
      formatInt(r.rows),
      formatInt(r.total),
      String(r.runs),
      formatMs(r.p50),
      formatMs(r.p95),
      formatMs(r.max),
      !r.targeted ? '–' : r.dialect !== 'sqlite' ? 'no target' : r.p95 <= LIST_TARGET_MS ? 'met' : 'MISSED',
    ]),
  );
}

async function main(): Promise<void> {
  const cfg = loadConfig();
  const results: ListResult[] = [];
  for (const dialect of cfg.dialects) {
    const db = await freshDatabase(cfg, dialect, 'list');
    const ctx = await createContext({ databaseUrl: db.url, pgSchema: db.pgSchema });
    try {
      log(`${dialect}: loading ${formatInt(cfg.rows)} instruments into ${db.where}`);
      await registerThroughService(ctx, instrumentGenerator(ctx, cfg, await createOwners(ctx, cfg)), cfg.rows, cfg.batch);
      log(`${dialect}: due dates spread in ${formatSeconds(await spreadDueDates(db, ctx.clock.today()))} s`);
      results.push(...(await benchOverdueList(cfg, dialect, ctx)));
    } finally {
      await ctx.close();
      await db.drop();
    }
  }
  console.log(listTable(results));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
