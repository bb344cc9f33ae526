import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

const WRITABLE_TABLES = ['organization', 'organization_role', 'instrument', 'instrument_event', 'verification', 'document_sequence'] as const;

export async function countRows(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of WRITABLE_TABLES) {
    const { n } = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(n);
  }
  return counts;
}
