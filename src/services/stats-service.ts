// Row counts per table: used by tests (no partial writes) and the health endpoint.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { countRows } from '../store/repositories/stats-repository.ts';

export class StatsService {
  constructor(private readonly db: Kysely<Database>) {}

  counts(): Promise<Record<string, number>> {
    return countRows(this.db);
  }
}
