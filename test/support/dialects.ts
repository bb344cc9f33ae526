// Runs a suite once per database dialect (DIALECTS=sqlite,postgres), each on a fresh database:
// SQLite in memory, PostgreSQL in a schema of its own that is dropped afterwards.
// PostgreSQL is skipped with a printed notice only when no server answers and CI is not set.
import { after, before, describe } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createContext, type AppContext, type ContextConfig } from '../../src/services/context.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { systemCaller } from '../../src/domain/auth/actor.ts';

export type Dialect = 'sqlite' | 'postgres';

export const DIALECTS = (process.env.DIALECTS ?? 'sqlite,postgres').split(',').map((d) => d.trim()) as Dialect[];
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Tests run on 2026-11-27 in Asia/Shanghai unless they say otherwise. */
export const TEST_NOW = new Date('2026-11-27T04:00:00Z');
export const TEST_TODAY = '2026-11-27';

async function checkPostgres(): Promise<boolean> {
  return (async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (error) {
      if (process.env.CI) throw new Error(`CI requires PostgreSQL at ${POSTGRES_URL}: ${String(error)}`);
      console.warn(`NOTICE: PostgreSQL at ${POSTGRES_URL} is unreachable; PostgreSQL tests are skipped.`);
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
}

// Decided once, before any suite is declared, so suites can be declared synchronously.
const postgresAvailable = DIALECTS.includes('postgres') ? await checkPostgres() : false;

let schemaCounter = 0;

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated context on the dialect; close() also drops a PostgreSQL schema. */
export async function openTestContext(dialect: Dialect, config: Omit<ContextConfig, 'databaseUrl' | 'pgSchema'> = {}): Promise<AppContext> {
  const clock = config.clock ?? fixedClock(TEST_NOW);
  // Signing keys live outside the database; each test context gets a directory of its own.
  const keyDir = config.keyDir ?? mkdtempSync(join(tmpdir(), 'jiliang-keys-'));
  if (dialect === 'sqlite') return createContext({ ...config, clock, keyDir, databaseUrl: 'sqlite::memory:' });
  const schema = `t_${process.pid}_${++schemaCounter}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(`create schema ${schema}`);
  const ctx = await createContext({ ...config, clock, keyDir, databaseUrl: POSTGRES_URL, pgSchema: schema });
  return {
    ...ctx,
    close: async () => {
      await ctx.close();
      await adminQuery(`drop schema ${schema} cascade`);
    },
  };
}

/**
 * Declares `suite` once per dialect. `getCtx()` returns that dialect's context inside tests;
 * a new context is made for each suite (not for each test).
 */
export function describeEachDialect(name: string, suite: (getCtx: () => AppContext, dialect: Dialect) => void, config: Omit<ContextConfig, 'databaseUrl' | 'pgSchema'> = {}): void {
  for (const dialect of DIALECTS) {
    const available = dialect === 'sqlite' || postgresAvailable;
    describe(`${name} [${dialect}]`, { skip: available ? false : 'PostgreSQL unreachable' }, () => {
      let ctx: AppContext | undefined;
      before(async () => {
        ctx = await openTestContext(dialect, config);
      });
      after(async () => {
        await ctx?.close();
      });
      suite(() => {
        if (!ctx) throw new Error('context not ready');
        return ctx;
      }, dialect);
    });
  }
}

/** Service calls in tests act as the local operator unless a test is about authorization. */
export const SYSTEM = systemCaller('test');
