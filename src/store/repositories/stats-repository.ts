import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

// Tables that requests write (sessions and the audit log aside, which every request may touch).
const WRITABLE_TABLES = ['organization', 'organization_role', 'instrument', 'instrument_event', 'verification', 'document_sequence', 'app_user', 'user_grant', 'api_token'] as const;

export async function countRows(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of WRITABLE_TABLES) {
    const { n } = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(n);
  }
  return counts;
}
