// PLACEHOLDER — being written (demo city generator). See the demo helper's task.
import type { Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { Database } from '../../store/schema.ts';
import type { ReferenceService } from '../reference-service.ts';
import type { Clock } from '../clock.ts';

export interface DemoOptions {
  readonly instruments: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  readonly created: boolean;
  readonly organizations: number;
  readonly instruments: number;
  readonly verifications: number;
}

export class DemoService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sqlite: SQLite.Database | null,
    private readonly reference: ReferenceService,
    private readonly clock: Clock,
  ) {}

  async ensure(_options: DemoOptions): Promise<DemoSummary> {
    void this.db; void this.sqlite; void this.reference; void this.clock;
    throw new Error('not yet written');
  }
}
