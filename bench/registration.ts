// Benchmark 1: bulk registration of BENCH_ROWS instruments through the service path
// (validateMany, then write in a transaction, BENCH_BATCH rows per call) against a raw driver
// insert of the same instrument and event rows into another fresh database of the same engine.
//   node --import tsx bench/registration.ts
import { pathToFileURL } from 'node:url';
import { createContext, type AppContext } from '../src/services/context.ts';
import { loadConfig, type BenchConfig, type BenchDialect } from './lib/config.ts';
import { freshDatabase, openRawSqlite, withPgClient, type BenchDatabase } from './lib/databases.ts';
import { createOwners, instrumentGenerator, registerThroughService, type ServiceLoadResult } from './lib/populate.ts';
import { rawInsert, rawMethods, type RawResult } from './lib/raw-insert.ts';
import { formatInt, formatPercent, formatSeconds, log, table } from './lib/stats.ts';

export interface RegistrationResult {
  readonly dialect: BenchDialect;
  readonly rows: number;
  readonly events: number;
  readonly batch: number;
  readonly service: ServiceLoadResult;
  /** Raw baselines; the first is the reference for the target. */
  readonly raw: readonly RawResult[];
}

/** The service-loaded database stays open for the list benchmark; the caller closes and drops it. */
export interface Loaded {
  readonly db: BenchDatabase;
  readonly ctx: AppContext;
}

export const REGISTRATION_TARGET = 0.5;

const rate = (rows: number, ms: number) => rows / (ms / 1000);

export async function benchRegistration(cfg: BenchConfig, dialect: BenchDialect): Promise<{ result: RegistrationResult; loaded: Loaded }> {
  // Raw baselines first, each in a database of its own (owners registered, untimed, through the services).
  const raw: RawResult[] = [];
  let rawFingerprint = '';
  for (const method of rawMethods(dialect)) {
    const rawDb = await freshDatabase(cfg, dialect, `raw_${method}`);
    try {
      const setup = await createContext({ databaseUrl: rawDb.url, pgSchema: rawDb.pgSchema });
      let generator;
      try {
        generator = instrumentGenerator(setup, cfg, await createOwners(setup, cfg));
      } finally {
        await setup.close();
      }
      log(`${dialect}: raw insert (${method}) of ${formatInt(cfg.rows)} instruments into ${rawDb.where}`);
      const result = await rawInsert(rawDb, generator, cfg.rows, cfg.batch, method);
      const fingerprint = await fingerprintOf(rawDb);
      if (rawFingerprint && fingerprint !== rawFingerprint) throw new Error(`raw baselines differ:\n ${rawFingerprint}\n ${fingerprint}`);
      rawFingerprint = fingerprint;
      raw.push(result);
      log(`${dialect}: raw (${result.name}) ${formatInt(rate(cfg.rows, result.ms))} rows/s (${formatSeconds(result.ms)} s)`);
    } finally {
      await rawDb.drop();
    }
  }

  const db = await freshDatabase(cfg, dialect, 'service');
  const ctx = await createContext({ databaseUrl: db.url, pgSchema: db.pgSchema });
  try {
    const generator = instrumentGenerator(ctx, cfg, await createOwners(ctx, cfg));
    log(`${dialect}: service registration of ${formatInt(cfg.rows)} instruments into ${db.where}`);
    let reported = 0;
    const service = await registerThroughService(ctx, generator, cfg.rows, cfg.batch, (done) => {
      if (done - reported >= cfg.rows / 10 || done === cfg.rows) {
        log(`${dialect}: service ${formatInt(done)} / ${formatInt(cfg.rows)}`);
        reported = done;
      }
    });
    const serviceFingerprint = await fingerprintOf(db);
    if (serviceFingerprint !== rawFingerprint) {
      throw new Error(`raw and service databases differ:\n raw     ${rawFingerprint}\n service ${serviceFingerprint}`);
    }
    log(`${dialect}: service ${formatInt(rate(cfg.rows, service.ms))} rows/s (${formatSeconds(service.ms)} s), ${formatPercent(raw[0]!.ms / service.ms)} of raw`);
    return { result: { dialect, rows: cfg.rows, events: raw[0]!.events, batch: cfg.batch, service, raw }, loaded: { db, ctx } };
  } catch (error) {
    await ctx.close();
    await db.drop();
    throw error;
  }
}

// Same rows on both sides: counts and aggregates over the columns both paths write alike
// (ids are equal too, created_at/recorded_at differ by construction).
const FINGERPRINT = `
SELECT
  (SELECT count(*) FROM instrument) AS instruments,
  (SELECT count(*) FROM instrument_event) AS events,
  (SELECT count(*) FROM instrument_event WHERE kind = 'installed') AS installed,
  (SELECT sum(owner_id) FROM instrument) AS owners,
  (SELECT sum(id * length(serial_no)) FROM instrument) AS ids_by_serial,
  (SELECT sum(instrument_id * length(occurred_on || kind)) FROM instrument_event) AS event_links,
  (SELECT sum(length(site) + length(coalesce(pattern_approval_no, '')) + length(coalesce(installed_on, ''))) FROM instrument) AS text_length,
  (SELECT max(manufacturer || model || serial_no || district_code || category_code || status || next_due_on) FROM instrument) AS max_row`;

async function fingerprintOf(db: BenchDatabase): Promise<string> {
  if (db.dialect === 'sqlite') {
    const sqlite = openRawSqlite(db);
    try {
      return JSON.stringify(sqlite.prepare(FINGERPRINT).get());
    } finally {
      sqlite.close();
    }
  }
  return withPgClient(db.url, db.pgSchema, async (c) => JSON.stringify((await c.query(FINGERPRINT)).rows[0]));
}

export function registrationTable(results: readonly RegistrationResult[]): string {
  return table(
    ['dialect', 'instruments', 'events', 'service rows/s', 'validate s', 'write s', 'raw baseline', 'raw rows/s', 'service / raw', `target ≥ ${formatPercent(REGISTRATION_TARGET)}`],
    results.flatMap((r) =>
      r.raw.map((raw, i) => {
        const ratio = raw.ms / r.service.ms;
        return [
          r.dialect,
          formatInt(r.rows),
          formatInt(r.events),
          formatInt(rate(r.rows, r.service.ms)),
          formatSeconds(r.service.validateMs),
          formatSeconds(r.service.writeMs),
          raw.name,
          formatInt(rate(r.rows, raw.ms)),
          formatPercent(ratio),
          i > 0 ? '(for reference)' : ratio >= REGISTRATION_TARGET ? 'met' : 'MISSED',
        ];
      }),
    ),
  );
}

async function main(): Promise<void> {
  const cfg = loadConfig();
  const results: RegistrationResult[] = [];
  for (const dialect of cfg.dialects) {
    const { result, loaded } = await benchRegistration(cfg, dialect);
    await loaded.ctx.close();
    await loaded.db.drop();
    results.push(result);
  }
  console.log(registrationTable(results));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
