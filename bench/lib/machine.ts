// What the figures were measured on, printed with every run.
import { cpus, totalmem, availableParallelism, release } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import SQLite from 'better-sqlite3';
import { withPgClient } from './databases.ts';

const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
  // Not every package exports its package.json: walk up from its entry point to the one named so.
  try {
    for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
      const path = join(dir, 'package.json');
      if (!existsSync(path)) continue;
      const pkg = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? '?';
    }
  } catch {
    // fall through
  }
  return '?';
}

export async function describeMachine(pgUrl: string | null): Promise<string[]> {
  const sqlite = new SQLite(':memory:');
  const sqliteVersion = (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  sqlite.close();
  let pgVersion = 'not measured';
  if (pgUrl) {
    try {
      pgVersion = await withPgClient(pgUrl, undefined, async (c) => {
        const { rows } = await c.query<{ server_version: string }>('SHOW server_version');
        const shared = await c.query<{ shared_buffers: string }>('SHOW shared_buffers');
        return `${rows[0]!.server_version} (shared_buffers ${shared.rows[0]!.shared_buffers})`;
      });
    } catch (error) {
      pgVersion = `unreachable (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  return [
    `CPU: ${availableParallelism()} × ${cpus()[0]?.model.trim() ?? '?'}; memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Linux ${release()}`,
    `Node ${process.version}; better-sqlite3 ${packageVersion('better-sqlite3')} (SQLite ${sqliteVersion}); pg ${packageVersion('pg')}; kysely ${packageVersion('kysely')}`,
    `PostgreSQL ${pgVersion}`,
  ];
}
