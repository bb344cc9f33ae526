// The baseline: the same instrument rows and the same registered/installed event rows the service
// writes, inserted straight through the driver in one transaction, with no validation.
//   SQLite:     better-sqlite3 prepared single-row INSERTs (instrument, then its events).
//   PostgreSQL: pg multi-row parameterized INSERT … RETURNING id, 1,000 instruments per statement,
//               then the events of those rows in one multi-row INSERT; named (server-side prepared)
//               statements for the full-size chunks. The reference baseline.
//   PostgreSQL, second baseline: INSERT … SELECT FROM unnest($1::text[], …) RETURNING id, one array
//               parameter per column, 5,000 instruments per statement (what the repository now does,
//               without validation or Kysely): the fastest method short of COPY.
// Generating the rows is not timed; only driver calls and the commit are.
import type { NewInstrument } from '../../src/services/schemas/instrument.ts';
import { openRawPg, openRawSqlite, type BenchDatabase } from './databases.ts';
import type { InstrumentGenerator } from './data.ts';
import { now } from './stats.ts';

const INSTRUMENT_COLUMNS = [
  'category_code', 'manufacturer', 'model', 'serial_no', 'pattern_approval_no', 'accuracy_class', 'measuring_range', 'site',
  'district_code', 'use_domain', 'owner_id', 'manufactured_on', 'registered_on', 'installed_on', 'service_life_months',
  'status', 'suspension_reason', 'next_due_on', 'last_verified_on', 'last_conclusion', 'created_at',
] as const;
const EVENT_COLUMNS = ['instrument_id', 'kind', 'occurred_on', 'detail', 'recorded_at'] as const;

type SqlValue = string | number | null;

/** The instrument row InstrumentService.write builds for an already-normalized input. */
export function instrumentValues(v: NewInstrument, createdAt: string): SqlValue[] {
  return [
    v.categoryCode, v.manufacturer, v.model, v.serialNo, v.patternApprovalNo ?? null, v.accuracyClass ?? null, v.measuringRange ?? null, v.site ?? null,
    v.districtCode, v.useDomain, v.ownerId ?? null, v.manufacturedOn ?? null, v.registeredOn!, v.installedOn ?? null, v.serviceLifeMonths ?? null,
    v.installedOn != null ? 'in_use' : 'registered', null, v.registeredOn!, null, null, createdAt,
  ];
}

/** Its event rows as [kind, occurred_on]: registered, and installed when an installation date is given. */
export function eventsOf(v: NewInstrument): [string, string][] {
  return v.installedOn != null ? [['registered', v.registeredOn!], ['installed', v.installedOn]] : [['registered', v.registeredOn!]];
}

export interface RawResult {
  /** Short name for tables. */
  readonly name: string;
  readonly rows: number;
  readonly events: number;
  readonly ms: number;
  readonly method: string;
}

export type RawMethod = 'values' | 'unnest';

/** The baselines run for a dialect; the first is the reference the target is measured against. */
export function rawMethods(dialect: BenchDatabase['dialect']): RawMethod[] {
  return dialect === 'sqlite' ? ['values'] : ['values', 'unnest'];
}

export async function rawInsert(db: BenchDatabase, generator: InstrumentGenerator, rows: number, batch: number, method: RawMethod = 'values'): Promise<RawResult> {
  if (db.dialect === 'sqlite') return rawInsertSqlite(db, generator, rows, batch);
  return method === 'unnest' ? rawInsertPostgresUnnest(db, generator, rows, batch) : rawInsertPostgres(db, generator, rows, batch);
}

function rawInsertSqlite(db: BenchDatabase, generator: InstrumentGenerator, rows: number, batch: number): RawResult {
  const sqlite = openRawSqlite(db);
  try {
    const insert = sqlite.prepare(`INSERT INTO instrument (${INSTRUMENT_COLUMNS.join(', ')}) VALUES (${INSTRUMENT_COLUMNS.map(() => '?').join(', ')})`);
    const insertEvent = sqlite.prepare(`INSERT INTO instrument_event (${EVENT_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?)`);
    const createdAt = new Date().toISOString();
    let ms = 0;
    let events = 0;
    let t = now();
    sqlite.exec('BEGIN');
    ms += now() - t;
    for (let done = 0; done < rows; done += batch) {
      const inputs = generator.batch(Math.min(batch, rows - done));
      t = now();
      for (const v of inputs) {
        const id = insert.run(instrumentValues(v, createdAt)).lastInsertRowid;
        for (const [kind, occurredOn] of eventsOf(v)) {
          insertEvent.run(id, kind, occurredOn, '{}', createdAt);
          events++;
        }
      }
      ms += now() - t;
    }
    t = now();
    sqlite.exec('COMMIT');
    ms += now() - t;
    return { name: 'prepared INSERT per row', rows, events, ms, method: 'better-sqlite3 prepared INSERT per row (instrument, then its events), one transaction' };
  } finally {
    sqlite.close();
  }
}

const PG_CHUNK = 1000;

function placeholders(rowCount: number, columnCount: number): string {
  const groups: string[] = [];
  for (let r = 0; r < rowCount; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= columnCount; c++) cells.push(`$${r * columnCount + c}`);
    groups.push(`(${cells.join(', ')})`);
  }
  return groups.join(', ');
}

async function rawInsertPostgres(db: BenchDatabase, generator: InstrumentGenerator, rows: number, batch: number): Promise<RawResult> {
  const client = await openRawPg(db.url, db.pgSchema);
  const instrumentSql = (n: number) => `INSERT INTO instrument (${INSTRUMENT_COLUMNS.join(', ')}) VALUES ${placeholders(n, INSTRUMENT_COLUMNS.length)} RETURNING id`;
  const eventSql = (n: number) => `INSERT INTO instrument_event (${EVENT_COLUMNS.join(', ')}) VALUES ${placeholders(n, EVENT_COLUMNS.length)}`;
  const fullInstrumentSql = instrumentSql(PG_CHUNK);
  const eventSqlBySize = new Map<number, string>();
  try {
    const createdAt = new Date().toISOString();
    let ms = 0;
    let events = 0;
    let t = now();
    await client.query('BEGIN');
    ms += now() - t;
    for (let done = 0; done < rows; done += batch) {
      const inputs = generator.batch(Math.min(batch, rows - done));
      t = now();
      for (let i = 0; i < inputs.length; i += PG_CHUNK) {
        const chunk = inputs.slice(i, i + PG_CHUNK);
        const full = chunk.length === PG_CHUNK;
        const inserted = await client.query<{ id: number }>({
          ...(full ? { name: 'bench_raw_instrument' } : {}),
          text: full ? fullInstrumentSql : instrumentSql(chunk.length),
          values: chunk.flatMap((v) => instrumentValues(v, createdAt)),
        });
        const eventValues: SqlValue[] = [];
        chunk.forEach((v, j) => {
          for (const [kind, occurredOn] of eventsOf(v)) eventValues.push(inserted.rows[j]!.id, kind, occurredOn, '{}', createdAt);
        });
        const n = eventValues.length / EVENT_COLUMNS.length;
        // Event counts vary per chunk; prepare each distinct size once, as a hand-written loader would.
        let text = eventSqlBySize.get(n);
        if (!text) eventSqlBySize.set(n, (text = eventSql(n)));
        await client.query({ name: `bench_raw_event_${n}`, text, values: eventValues });
        events += n;
      }
      ms += now() - t;
    }
    t = now();
    await client.query('COMMIT');
    ms += now() - t;
    return { name: 'multi-row VALUES', rows, events, ms, method: `pg multi-row INSERT … VALUES … RETURNING id (${PG_CHUNK} rows/statement, prepared), events likewise, one transaction` };
  } finally {
    await client.end();
  }
}

const UNNEST_CHUNK = 5000;
const INTEGER_COLUMNS = new Set(['owner_id', 'service_life_months', 'instrument_id']);

function unnestSql(table: string, columns: readonly string[], returning: boolean): string {
  const arrays = columns.map((c, j) => `$${j + 1}::${INTEGER_COLUMNS.has(c) ? 'int4' : 'text'}[]`).join(', ');
  return `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${arrays})${returning ? ' RETURNING id' : ''}`;
}

async function rawInsertPostgresUnnest(db: BenchDatabase, generator: InstrumentGenerator, rows: number, batch: number): Promise<RawResult> {
  const client = await openRawPg(db.url, db.pgSchema);
  try {
    const createdAt = new Date().toISOString();
    let ms = 0;
    let events = 0;
    let t = now();
    await client.query('BEGIN');
    ms += now() - t;
    for (let done = 0; done < rows; done += batch) {
      const inputs = generator.batch(Math.min(batch, rows - done));
      t = now();
      for (let i = 0; i < inputs.length; i += UNNEST_CHUNK) {
        const chunk = inputs.slice(i, i + UNNEST_CHUNK);
        const columns: SqlValue[][] = INSTRUMENT_COLUMNS.map(() => []);
        for (const v of chunk) instrumentValues(v, createdAt).forEach((value, j) => columns[j]!.push(value));
        const inserted = await client.query<{ id: number }>({ name: 'bench_raw_unnest_instrument', text: unnestSql('instrument', INSTRUMENT_COLUMNS, true), values: columns });
        const ids = inserted.rows.map((r) => r.id).sort((a, b) => a - b);
        const eventColumns: SqlValue[][] = EVENT_COLUMNS.map(() => []);
        chunk.forEach((v, j) => {
          for (const [kind, occurredOn] of eventsOf(v)) [ids[j]!, kind, occurredOn, '{}', createdAt].forEach((value, k) => eventColumns[k]!.push(value));
        });
        await client.query({ name: 'bench_raw_unnest_event', text: unnestSql('instrument_event', EVENT_COLUMNS, false), values: eventColumns });
        events += eventColumns[0]!.length;
      }
      ms += now() - t;
    }
    t = now();
    await client.query('COMMIT');
    ms += now() - t;
    return { name: 'unnest arrays', rows, events, ms, method: `pg INSERT … SELECT FROM unnest(one array per column) RETURNING id (${UNNEST_CHUNK} rows/statement, prepared), events likewise, one transaction` };
  } finally {
    await client.end();
  }
}
