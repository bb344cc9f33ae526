// Runs the frozen migrations in order; used at start-up and by `jiliang migrate`.
import { Migrator, type Kysely, type MigrationResult } from 'kysely';
import { MIGRATIONS } from './migrations/index.ts';

/**
 * `schema` (PostgreSQL) names where the migration bookkeeping tables live; without it Kysely would
 * take a kysely_migration table in any other schema of the database as its own.
 */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return results ?? [];
}
