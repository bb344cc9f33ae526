// Builds every service over one database. Edges (http, cli, jobs) receive this and never the store.
import { openDatabase, DEFAULT_DATABASE_URL, type DialectName } from '../store/db.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { lookupFinder } from '../store/repositories/certificate-lookup-repository.ts';
import { ReferenceService } from './reference-service.ts';
import { OrganizationService } from './organization-service.ts';
import { InstrumentService } from './instrument-service.ts';
import { VerificationService } from './verification-service.ts';
import { ImportService } from './import/import-service.ts';
import { ExportService } from './export-service.ts';
import { systemClock, type Clock } from './clock.ts';
import { StatsService } from './stats-service.ts';
import { DemoService } from './demo/demo-service.ts';
import { MetrologyService } from './metrology-service.ts';
import { AuditService } from './audit/audit-service.ts';
import { AccessService } from './access-service.ts';
import { AccountService } from './accounts/account-service.ts';
import { AuthenticationService } from './accounts/authentication-service.ts';
import { CertificateService } from './certificates/certificate-service.ts';
import { InstitutionKeys } from './certificates/institution-keys.ts';
import { TransparencyLog } from './certificates/transparency-log.ts';
import { SigningKeyService } from './certificates/signing-key-service.ts';

export const DEFAULT_KEY_DIR = './jiliang-data/keys';

export interface ContextConfig {
  readonly databaseUrl?: string | undefined;
  /** PostgreSQL schema to use (tests isolate themselves this way). */
  readonly pgSchema?: string | undefined;
  /** Days before the due date an instrument counts as due soon (default 30). */
  readonly dueSoonDays?: number | undefined;
  readonly clock?: Clock | undefined;
  /** Directory of signing keys kept outside the database (default $JILIANG_KEY_DIR or ./jiliang-data/keys). */
  readonly keyDir?: string | undefined;
  /** Base URL of the public verification page printed in QR codes (default $JILIANG_PUBLIC_URL or http://127.0.0.1:8080). */
  readonly publicUrl?: string | undefined;
}

export interface AppContext {
  readonly dialect: DialectName;
  readonly clock: Clock;
  readonly reference: ReferenceService;
  readonly organizations: OrganizationService;
  readonly instruments: InstrumentService;
  readonly verifications: VerificationService;
  readonly imports: ImportService;
  readonly exports: ExportService;
  readonly stats: StatsService;
  readonly demo: DemoService;
  readonly metrology: MetrologyService;
  readonly audit: AuditService;
  readonly access: AccessService;
  readonly accounts: AccountService;
  readonly authentication: AuthenticationService;
  readonly certificates: CertificateService;
  readonly signingKeys: SigningKeyService;
  close(): Promise<void>;
}

export async function createContext(config: ContextConfig = {}): Promise<AppContext> {
  const clock = config.clock ?? systemClock();
  const opened = openDatabase(config.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, { schema: config.pgSchema });
  try {
    await migrateToLatest(opened.db, opened.schema ?? undefined);
    const reference = await ReferenceService.load(opened.db, clock.today());
    const audit = new AuditService(opened.db, clock, config.keyDir ?? process.env.JILIANG_KEY_DIR ?? DEFAULT_KEY_DIR);
    const access = new AccessService(audit, clock);
    const organizations = new OrganizationService(opened.db, reference, clock, access, audit);
    const instruments = new InstrumentService(opened.db, reference, clock, config.dueSoonDays ?? 30, access, audit);
    const verifications = new VerificationService(opened.db, reference, clock, access, audit);
    const accounts = new AccountService(opened.db, access, audit, reference, clock);
    const publicUrl = (config.publicUrl ?? process.env.JILIANG_PUBLIC_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
    const host = new URL(publicUrl).host;
    const log = new TransparencyLog(opened.db, audit.keys, clock, `${host}/jiliang/certificates`);
    const institutionKeys = new InstitutionKeys(opened.db, audit.keys, clock);
    const certificates = new CertificateService(opened.db, reference, access, audit, institutionKeys, audit.keys, log, clock, { publicUrl, issuer: host }, lookupFinder(opened.db, opened.snapshotReader));
    // Once, on a database from before the lookup table: the public lookup reads only that table.
    await certificates.rebuildLookupIfEmpty();
    return {
      dialect: opened.dialect,
      clock,
      reference,
      organizations,
      instruments,
      verifications,
      imports: new ImportService(opened.db, organizations, instruments, access, audit),
      exports: new ExportService(instruments, access, audit),
      stats: new StatsService(opened.db),
      demo: new DemoService(opened.db, opened.sqlite, reference, clock, accounts, audit, certificates),
      metrology: new MetrologyService(),
      audit,
      access,
      accounts,
      authentication: new AuthenticationService(opened.db, audit, clock),
      certificates,
      signingKeys: new SigningKeyService(opened.db, access, audit, institutionKeys),
      close: opened.close,
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
}
