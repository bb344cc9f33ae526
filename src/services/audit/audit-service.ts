// SKELETON — being implemented by the audit helper. Signatures are the contract other services use.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { AuditEntryInput } from '../../domain/audit/audit-entry.ts';
import type { Clock } from '../clock.ts';

export class AuditService {
  constructor(
    readonly db: Kysely<Database>,
    readonly clock: Clock,
    readonly keyDir: string,
  ) {}

  /** Appends one entry inside the caller's transaction (the write and its audit entry commit together). */
  async append(_trx: Kysely<Database>, _entry: AuditEntryInput): Promise<number> {
    return 0;
  }

  /** Appends one entry in its own transaction: denied requests, failed logins. */
  async recordAlone(entry: AuditEntryInput): Promise<number> {
    return this.db.transaction().execute((trx) => this.append(trx, entry));
  }
}
