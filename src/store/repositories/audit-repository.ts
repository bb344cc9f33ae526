// The audit log and its checkpoints. Rows are only ever inserted (triggers refuse the rest).
import { PostgresAdapter, sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { AuditCheckpointTable, AuditLogTable, Database } from '../schema.ts';

export type AuditRow = Selectable<AuditLogTable>;
export type AuditCheckpointRow = Selectable<AuditCheckpointTable>;

/** Arbitrary constant naming the audit log's advisory lock ("JLAU" in ASCII). */
const AUDIT_LOCK_KEY = 0x4a4c4155;

export interface AuditFilter {
  readonly action?: string | undefined;
  readonly actorKind?: string | undefined;
  readonly outcome?: string | undefined;
  readonly targetType?: string | undefined;
  readonly targetId?: string | undefined;
}

/**
 * Serializes appenders until the end of the transaction. PostgreSQL transactions run
 * concurrently, so two could read the same head and race for one seq; SQLite has one writer.
 * Under READ COMMITTED (the default) the head read after the lock sees every earlier append.
 */
export async function lockAuditLog(trx: Kysely<Database>): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) await sql`select pg_advisory_xact_lock(${sql.lit(AUDIT_LOCK_KEY)})`.execute(trx);
}

/** The last entry's seq and hash, or undefined for an empty log. */
export async function readHead(db: Kysely<Database>): Promise<{ seq: number; hash: string } | undefined> {
  return db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

export async function insertEntry(trx: Kysely<Database>, row: Insertable<AuditLogTable>): Promise<void> {
  await trx.insertInto('audit_log').values(row).execute();
}

/** Up to `limit` entries after `afterSeq`, in seq order (keyset paging: verify walks the log in chunks). */
export async function readEntriesAfter(db: Kysely<Database>, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

export async function listEntries(db: Kysely<Database>, filter: AuditFilter, page: { offset: number; limit: number }): Promise<{ rows: AuditRow[]; total: number }> {
  let query = db.selectFrom('audit_log');
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.actorKind) query = query.where('actor_kind', '=', filter.actorKind);
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
  if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('seq', 'desc').offset(page.offset).limit(page.limit).execute();
  return { rows, total: Number(total) };
}

export async function insertCheckpoint(trx: Kysely<Database>, row: AuditCheckpointRow): Promise<void> {
  await trx.insertInto('audit_checkpoint').values(row).execute();
}

export async function lastCheckpoint(db: Kysely<Database>): Promise<AuditCheckpointRow | undefined> {
  return db.selectFrom('audit_checkpoint').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** Every checkpoint in seq order (one per interval: a few hundred thousand over years at most). */
export async function listCheckpoints(db: Kysely<Database>): Promise<AuditCheckpointRow[]> {
  return db.selectFrom('audit_checkpoint').selectAll().orderBy('seq').execute();
}
