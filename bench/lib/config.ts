// Benchmark settings, all from the environment so the same files run at 100k rows on a laptop and
// at 1M rows on the reference machine:
//   BENCH_ROWS=100000 BENCH_DIALECTS=sqlite npm run bench
export type BenchDialect = 'sqlite' | 'postgres';

export interface BenchConfig {
  /** Instruments to register (default 1,000,000). */
  readonly rows: number;
  /** Dialects to run, in order (default sqlite,postgres). */
  readonly dialects: readonly BenchDialect[];
  /** Organizations (owners) created before the instruments. */
  readonly organizations: number;
  /** Rows per validateMany/write call; each call is one transaction on the service path. */
  readonly batch: number;
  /** Timed runs per list query, after `listWarmup` untimed ones. */
  readonly listRuns: number;
  readonly listWarmup: number;
  /** PostgreSQL server; each run creates a fresh schema in it and drops it afterwards. */
  readonly pgUrl: string;
  /** Directory for SQLite files (deleted afterwards unless `keep`). */
  readonly sqliteDir: string;
  /** Keep the databases (SQLite files, PostgreSQL schemas) for inspection. */
  readonly keep: boolean;
  /** Seed of the data generator; the same seed gives the same rows. */
  readonly seed: number;
}

function int(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min} (got ${raw})`);
  return value;
}

export function loadConfig(): BenchConfig {
  const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      if (d === 'pg') return 'postgres';
      if (d !== 'sqlite' && d !== 'postgres') throw new Error(`BENCH_DIALECTS: unknown dialect ${d} (sqlite, postgres)`);
      return d;
    });
  return {
    rows: int('BENCH_ROWS', 1_000_000),
    dialects,
    organizations: int('BENCH_ORGS', 5_000),
    batch: int('BENCH_BATCH', 50_000),
    listRuns: int('BENCH_LIST_RUNS', 200),
    listWarmup: int('BENCH_LIST_WARMUP', 20, 0),
    pgUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    sqliteDir: process.env.BENCH_SQLITE_DIR ?? '/tmp',
    keep: process.env.BENCH_KEEP === '1',
    seed: int('BENCH_SEED', 20261127),
  };
}
