// The demo city of Chongqing (`jiliang demo`): created once, if the database has no organisations,
// as a deterministic function of today's date, a seed and the requested size, in one transaction
// so that a crash leaves no half city.
import type { Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { Database } from '../../store/schema.ts';
import { countRows } from '../../store/repositories/stats-repository.ts';
import type { ReferenceService } from '../reference-service.ts';
import type { Clock } from '../clock.ts';
import { buildCity } from './city.ts';
import { writeCity } from './writer.ts';
import type { AccountService } from '../accounts/account-service.ts';
import type { AuditService } from '../audit/audit-service.ts';
import { auditEntry } from '../access-service.ts';
import { systemCaller } from '../../domain/auth/actor.ts';
import { ensureDemoAccounts, type DemoAccount } from './demo-accounts.ts';
import { ensureDemoCertificates, type DemoCertificates } from './demo-certificates.ts';
import type { CertificateService } from '../certificates/certificate-service.ts';

export interface DemoOptions {
  /** Number of instruments (default 100,000); organisations scale with it (about one per 18). */
  readonly instruments: number;
  /** Seed of the generator; the same seed and date give the same city. */
  readonly seed?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  readonly created: boolean;
  readonly organizations: number;
  readonly instruments: number;
  readonly verifications: number;
  /** One user per role (password DEMO_PASSWORD). */
  readonly accounts: readonly DemoAccount[];
  /** Certificates created by this call (all zero when the demo already had them). */
  readonly certificates: DemoCertificates;
}

export const DEFAULT_DEMO_SEED = 8_023_001;

// Share of the progress bar for planning the city; writing it takes the rest.
const PLANNING_SHARE = 0.3;

export class DemoService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sqlite: SQLite.Database | null,
    private readonly reference: ReferenceService,
    private readonly clock: Clock,
    private readonly accounts: AccountService,
    private readonly audit: AuditService,
    private readonly certificates: CertificateService,
  ) {}

  async ensure(options: DemoOptions): Promise<DemoSummary> {
    if (!Number.isSafeInteger(options.instruments) || options.instruments < 0) {
      throw new RangeError(`the demo city needs a whole, non-negative number of instruments (got ${options.instruments})`);
    }
    if (((await countRows(this.db)).organization ?? 0) > 0) return this.summary(false);
    const total = Math.max(1, options.instruments);
    // Progress is reported in instruments' worth of work, so the bar reads "n / instruments".
    let reported = -1;
    const report = (fraction: number) => {
      const done = Math.min(total, Math.floor(fraction * total));
      if (done === reported) return;
      reported = done;
      options.onProgress?.(done, total);
    };
    report(0);
    const plan = buildCity(
      this.reference,
      { today: this.clock.today(), seed: options.seed ?? DEFAULT_DEMO_SEED, instruments: options.instruments },
      (f) => report(f * PLANNING_SHARE),
    );
    const created = await this.db.transaction().execute(async (trx) => {
      // Someone may have filled the database meanwhile; then this is not ours to create.
      if (((await countRows(trx)).organization ?? 0) > 0) return false;
      await writeCity(trx, this.sqlite, plan, (f) => report(PLANNING_SHARE + f * (1 - PLANNING_SHARE)));
      await this.audit.append(trx, auditEntry(systemCaller('demo'), 'demo.generate', 'ok', undefined, { seed: options.seed ?? DEFAULT_DEMO_SEED, instruments: options.instruments }));
      return true;
    });
    report(1);
    return this.summary(created);
  }

  private async summary(created: boolean): Promise<DemoSummary> {
    const counts = await countRows(this.db);
    const accounts = await ensureDemoAccounts(this.db, this.accounts);
    const owner = accounts.find((a) => a.role === 'owner');
    const certificates = await ensureDemoCertificates(this.db, this.certificates, this.clock, owner ? Number(owner.scope.split(':')[1]) : null);
    return { accounts, certificates, created, organizations: counts.organization ?? 0, instruments: counts.instrument ?? 0, verifications: counts.verification ?? 0 };
  }
}
