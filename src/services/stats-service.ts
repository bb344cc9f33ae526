// Row counts per writable table: lets tests prove that a rejected request wrote nothing.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { countRows } from '../store/repositories/stats-repository.ts';

export class StatsService {
  constructor(private readonly db: Kysely<Database>) {}

  counts(): Promise<Record<string, number>> {
    return countRows(this.db);
  }
}
