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
  /** Certificates issued through the service in the issuance benchmark (one verification each). */
  readonly certificates: number;
  /** Certificates in the database for the public lookup benchmark (SQLite; the rest synthetic). */
  readonly lookupCertificates: number;
  /** Measured seconds per server in the lookup benchmark, after `lookupWarmup` seconds of warm-up. */
  readonly lookupSeconds: number;
  readonly lookupWarmup: number;
  /** Concurrent keep-alive connections of the load generator. */
  readonly lookupConnections: number;
  /** Also take a CPU profile of the app under the same load (an extra, unmeasured run). */
  readonly lookupProfile: boolean;
  /** Server processes (`jiliang serve --workers`) of the multi-process lookup run; 1 skips it. */
  readonly lookupWorkers: number;
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
    certificates: int('BENCH_CERTS', 5_000),
    lookupCertificates: int('BENCH_LOOKUP_CERTS', 1_000_000),
    lookupSeconds: int('BENCH_LOOKUP_SECONDS', 15),
    lookupWarmup: int('BENCH_LOOKUP_WARMUP', 5, 0),
    lookupConnections: int('BENCH_LOOKUP_CONNECTIONS', 50),
    lookupProfile: process.env.BENCH_LOOKUP_PROFILE === '1',
    lookupWorkers: int('BENCH_LOOKUP_WORKERS', 2),
  };
}
