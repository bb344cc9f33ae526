// Loading the synthetic registry through the application's services, and ageing it: after the
// import every instrument is due on its registration date (never verified), so one UPDATE gives
// next_due_on a realistic spread of overdue, due-soon, valid and no-due-date instruments.
import { stringify } from 'csv-stringify/sync';
import type { AppContext } from '../../src/services/context.ts';
import { TEMPLATES } from '../../src/services/import/templates.ts';
import type { BenchConfig } from './config.ts';
import { openRawSqlite, withPgClient, type BenchDatabase } from './databases.ts';
import { InstrumentGenerator, organizationInputs, type SyntheticOwner } from './data.ts';
import { now } from './stats.ts';
import { systemCaller } from '../../src/domain/auth/actor.ts';

const SYSTEM = systemCaller('bench');

/** Registers the owners through the organization import (validateMany + write in one transaction). */
export async function createOwners(ctx: AppContext, cfg: BenchConfig): Promise<SyntheticOwner[]> {
  const inputs = organizationInputs(cfg.organizations, ctx.reference.districts, cfg.seed);
  const columns = TEMPLATES.organizations.map((c) => c.key);
  const csv = stringify([columns, ...inputs.map((o) => columns.map((k) => (k === 'roles' ? o.roles.join('、') : ((o as Record<string, unknown>)[k] ?? ''))))]);
  const report = await ctx.imports.import(SYSTEM, 'organizations', Buffer.from(csv), { format: 'csv', mode: 'all' });
  if (report.written !== inputs.length) throw new Error(`organization import wrote ${report.written} of ${inputs.length}: ${JSON.stringify(report.rows.slice(0, 3))}`);
  const ids = await ctx.organizations.idsByUscc(inputs.map((o) => o.uscc));
  return inputs.map((o) => ({ id: ids.get(o.uscc)!, districtCode: o.districtCode }));
}

export function instrumentGenerator(ctx: AppContext, cfg: BenchConfig, owners: readonly SyntheticOwner[]): InstrumentGenerator {
  return new InstrumentGenerator(cfg.seed, ctx.reference.districts, ctx.reference.categories, owners, ctx.clock.today());
}

export interface ServiceLoadResult {
  readonly rows: number;
  readonly ms: number;
  readonly validateMs: number;
  readonly writeMs: number;
}

/**
 * The service path an import takes, `batch` rows at a time: validateMany, then write in a
 * transaction of its own. Generating the inputs is not timed.
 */
export async function registerThroughService(
  ctx: AppContext,
  generator: InstrumentGenerator,
  rows: number,
  batch: number,
  progress?: (done: number) => void,
): Promise<ServiceLoadResult> {
  let validateMs = 0;
  let writeMs = 0;
  for (let done = 0; done < rows; ) {
    const inputs = generator.batch(Math.min(batch, rows - done));
    const t0 = now();
    const { valid, invalid } = await ctx.instruments.validateMany(inputs);
    const t1 = now();
    if (invalid.length) throw new Error(`generated rows failed validation: ${JSON.stringify(invalid.slice(0, 3))}`);
    await ctx.instruments.writeInTransaction(SYSTEM, valid.map((v) => v.value));
    const t2 = now();
    validateMs += t1 - t0;
    writeMs += t2 - t1;
    done += inputs.length;
    progress?.(done);
  }
  return { rows, ms: validateMs + writeMs, validateMs, writeMs };
}

// Buckets from a multiplicative hash of the id (deterministic, spread evenly over districts and
// categories): 4 % no due date, 12 % overdue (1–730 days), 8 % due within 30 days, 76 % valid
// (31–730 days ahead). Instruments with a verification get last_verified_on/last_conclusion.
const bucket = (id: string) => `(((${id} * 2654435761) % 4294967296) / 42949673)`;
const spread = (id: string) => `((${id} * 2246822519) % 4294967296)`;

function ageStatement(dialect: 'sqlite' | 'postgres'): string {
  const id = dialect === 'sqlite' ? 'id' : 'id::bigint';
  const b = bucket(id);
  const s = spread(id);
  const shift = (days: string) =>
    dialect === 'sqlite' ? `date(:today, (${days}) || ' days')` : `to_char($1::date + (${days})::int, 'YYYY-MM-DD')`;
  const later = dialect === 'sqlite' ? 'max' : 'greatest';
  return `
UPDATE instrument SET
  next_due_on = CASE
    WHEN ${b} < 4 THEN NULL
    WHEN ${b} < 16 THEN ${shift(`-1 - ${s} % 730`)}
    WHEN ${b} < 24 THEN ${shift(`${s} % 31`)}
    ELSE ${shift(`31 + ${s} % 700`)} END,
  last_verified_on = CASE WHEN ${b} < 4 OR ${b} >= 16 THEN ${later}(registered_on, ${shift(`-(${s} % 300)`)}) END,
  last_conclusion = CASE WHEN ${b} < 4 OR ${b} >= 16 THEN 'pass' END`;
}

/**
 * Ages the registry with one UPDATE statement (driver-level: this is fixture set-up, not an
 * application operation). On PostgreSQL it is followed by VACUUM ANALYZE, which autovacuum would
 * otherwise do some time later; SQLite is left without ANALYZE, as the application leaves it.
 */
export async function spreadDueDates(db: BenchDatabase, today: string): Promise<number> {
  const t = now();
  if (db.dialect === 'sqlite') {
    const sqlite = openRawSqlite(db);
    try {
      sqlite.prepare(ageStatement('sqlite')).run({ today });
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      sqlite.close();
    }
  } else {
    await withPgClient(db.url, db.pgSchema, async (c) => {
      await c.query(ageStatement('postgres'), [today]);
      await c.query('VACUUM ANALYZE instrument');
    });
  }
  return now() - t;
}
