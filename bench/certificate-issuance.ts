// Benchmark 4: issuing BENCH_CERTS certificates through the service, one per verification:
// `ctx.certificates.issue(systemCaller('bench'), verificationId)`, one after another. Each call
// checks access, assembles the facts, then in one transaction signs the QR token (COSE_Sign1,
// Ed25519), reserves the next transparency-log index, inserts the version and the action and
// appends to the audit log; then it reads the public view it returns. Compared, in the same run,
// with raw baselines: Ed25519 signatures over the very bytes the service signed (node:crypto
// alone), and the same certificate_version, certificate_action and audit_log rows inserted
// through the driver, one transaction per certificate, into a copy of the database.
//   node --import tsx bench/certificate-issuance.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { sign as cryptoSign } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createContext, type AppContext } from '../src/services/context.ts';
import { decodeQrToken, ed25519Signer, encodeQrToken, qrTextForUrl } from '../src/domain/certificates/qr-token/node.ts';
import type { QrCertificateClaims } from '../src/domain/certificates/qr-token/claims.ts';
import { institutionKeyName } from '../src/services/certificates/institution-keys.ts';
import { loadConfig, type BenchConfig, type BenchDialect } from './lib/config.ts';
import { freshDatabase, openRawPg, openRawSqlite, rawRows, type BenchDatabase } from './lib/databases.ts';
import { createOwners, instrumentGenerator, registerThroughService } from './lib/populate.ts';
import type { InstrumentGenerator } from './lib/data.ts';
import { BENCH_PUBLIC_URL, SYSTEM, instituteFor, registerInstitutes, verificationInput, type BenchInstrument, type Institute } from './lib/certificate-data.ts';
import { CallTimer } from './lib/sql-timer.ts';
import { formatInt, formatMs, formatPercent, formatSeconds, log, now, percentile, table } from './lib/stats.ts';

/** A database with N verifications and their certificates issued through the service; open for the lookup benchmark. */
export interface IssuedDatabase {
  readonly db: BenchDatabase;
  readonly ctx: AppContext;
  readonly keyDir: string;
  readonly generator: InstrumentGenerator;
  readonly institutes: readonly Institute[];
  close(): Promise<void>;
}

export interface IssuanceResult {
  readonly dialect: BenchDialect;
  readonly certificates: number;
  /** 1-minute load average before → after the timed issuance (2 cores). */
  readonly load: string;
  readonly resultNotices: number;
  readonly verificationsMs: number;
  readonly serviceMs: number;
  readonly p50: number;
  readonly p99: number;
  /** Time by component over all issuances (ms), from CallTimer; see breakdownTable. */
  readonly parts: ReadonlyMap<string, { ms: number; count: number }>;
  /** encodeQrToken + qrTextForUrl of the same claims with the same key, timed separately. */
  readonly tokenMs: number;
  /** crypto.sign(null, sigStructure, key) over the same Sig_structure bytes. */
  readonly rawSignMs: number;
  /** The same rows through the driver, one transaction per certificate. */
  readonly rawInsertMs: number;
  readonly rawInsertMethod: string;
}

const rate = (n: number, ms: number) => n / (ms / 1000);

/** Statement classes, in the order the breakdown lists them. */
const PARTS = [
  'sql: access + facts reads',
  'sql: history reads (duplicate check, lookup row)',
  'sql: signing key',
  'sql: log index',
  'sql: insert version + action',
  'sql: lookup row upsert',
  'sql: audit append',
  'sql: begin/commit',
  'sql: response reads (publicView)',
] as const;

function classify(sql: string, phase: string | null): string {
  const s = sql.trimStart().toLowerCase();
  if (/^(begin|commit|rollback)\b/.test(s)) return 'sql: begin/commit';
  if (phase === 'publicView') return 'sql: response reads (publicView)';
  if (s.includes('pg_advisory_xact_lock')) return s.includes('6962') ? 'sql: log index' : 'sql: audit append';
  if (s.includes('"audit_log"')) return 'sql: audit append';
  if (s.includes('"signing_key"')) return 'sql: signing key';
  if (s.includes('max("log_index")')) return 'sql: log index';
  if (s.includes('"certificate_lookup"')) return phase === 'publicView' ? 'sql: response reads (publicView)' : 'sql: lookup row upsert';
  if (s.startsWith('insert into "certificate_')) return 'sql: insert version + action';
  if (s.includes('"certificate_version"') || s.includes('"certificate_action"')) return 'sql: history reads (duplicate check, lookup row)';
  return 'sql: access + facts reads';
}

/**
 * Owners, four institutes, `count` instruments (service path) and one verification each
 * (VerificationService.record, one call per verification, untimed but reported).
 */
async function prepare(cfg: BenchConfig, dialect: BenchDialect, count: number, purpose: string) {
  const db = await freshDatabase(cfg, dialect, purpose);
  const keyDir = mkdtempSync(join(cfg.sqliteDir, 'jiliang-bench-keys-'));
  const ctx = await createContext({ databaseUrl: db.url, pgSchema: db.pgSchema, keyDir, publicUrl: BENCH_PUBLIC_URL });
  const close = async () => {
    await ctx.close();
    await db.drop();
    if (!cfg.keep) rmSync(keyDir, { recursive: true, force: true });
  };
  try {
    const owners = await createOwners(ctx, cfg);
    const institutes = await registerInstitutes(ctx);
    const generator = instrumentGenerator(ctx, cfg, owners);
    await registerThroughService(ctx, generator, count, cfg.batch);
    const instruments = await rawRows<BenchInstrument>(db, 'SELECT id, category_code, registered_on FROM instrument ORDER BY id');
    const today = ctx.clock.today();
    const t = now();
    const verificationIds: number[] = [];
    for (const instrument of instruments) {
      const input = verificationInput(instrument, instituteFor(institutes, instrument), today, cfg.seed);
      verificationIds.push((await ctx.verifications.record(SYSTEM, instrument.id, input)).id);
    }
    const verificationsMs = now() - t;
    log(`${dialect}: ${formatInt(count)} verifications recorded through the service in ${formatSeconds(verificationsMs)} s (${formatInt(rate(count, verificationsMs))}/s)`);
    return { db, ctx, keyDir, generator, institutes, verificationIds, verificationsMs, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function benchIssuance(cfg: BenchConfig, dialect: BenchDialect): Promise<{ result: IssuanceResult; issued: IssuedDatabase }> {
  const n = cfg.certificates;
  log(`${dialect}: preparing ${formatInt(n)} instruments and verifications`);
  const p = await prepare(cfg, dialect, n, 'certs');
  try {
    const { ctx, db } = p;
    const timer = new CallTimer();
    await timer.timeStatements((ctx.certificates as unknown as { db: Parameters<CallTimer['timeStatements']>[0] }).db, classify);
    timer.wrap(ctx.certificates, 'publicView', 'publicView');
    timer.wrap(ctx.certificates, 'appendVersion', 'appendVersion');
    const samples: number[] = [];
    let resultNotices = 0;
    log(`${dialect}: issuing ${formatInt(n)} certificates through the service`);
    const loadBefore = loadavg()[0]!;
    const t0 = now();
    try {
      for (const id of p.verificationIds) {
        const t = now();
        const issued = await ctx.certificates.issue(SYSTEM, id);
        samples.push(now() - t);
        if (issued.kind === 'result_notice') resultNotices++;
      }
    } finally {
      timer.restore();
    }
    const serviceMs = now() - t0;
    const load = `${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;
    log(`${dialect}: service ${formatInt(rate(n, serviceMs))} certificates/s (${formatSeconds(serviceMs)} s)`);

    // The same token work, timed alone: claims → COSE_Sign1 → zlib → Base45 → URL, with the decode self-check.
    const versions = await rawRows<{ certificate_no: string; institution_id: number; claims: string; qr_text: string }>(
      db,
      'SELECT certificate_no, institution_id, claims, qr_text FROM certificate_version ORDER BY log_index',
    );
    const keys = versions.map((v) => ctx.audit.keys.signingKey(institutionKeyName(v.institution_id)).privateKey);
    const claims = versions.map((v) => JSON.parse(v.claims) as QrCertificateClaims);
    let t = now();
    const texts = claims.map((c, i) => qrTextForUrl(`${BENCH_PUBLIC_URL}/v`, encodeQrToken(c, ed25519Signer(keys[i]!))));
    const tokenMs = now() - t;
    // Ed25519 is deterministic: the same claims and key give the same token, byte for byte.
    texts.forEach((text, i) => {
      if (text !== versions[i]!.qr_text) throw new Error(`re-encoded token of ${versions[i]!.certificate_no} differs from the issued one`);
    });
    const decoded = versions.map((v) => decodeQrToken(v.qr_text));
    t = now();
    const signatures = decoded.map((d, i) => cryptoSign(null, d.sigStructure, keys[i]!));
    const rawSignMs = now() - t;
    signatures.forEach((s, i) => {
      if (!s.equals(Buffer.from(decoded[i]!.signature))) throw new Error('raw signature differs from the token signature');
    });
    log(`${dialect}: token alone ${formatInt(rate(n, tokenMs))}/s, Ed25519 alone ${formatInt(rate(n, rawSignMs))} signatures/s`);

    const raw = await rawInsertBaseline(cfg, p);
    log(`${dialect}: raw insert ${formatInt(rate(n, raw.ms))} certificates/s`);
    return {
      result: {
        dialect,
        certificates: n,
        load,
        resultNotices,
        verificationsMs: p.verificationsMs,
        serviceMs,
        p50: percentile(samples, 50),
        p99: percentile(samples, 99),
        parts: timer.totals,
        tokenMs,
        rawSignMs,
        rawInsertMs: raw.ms,
        rawInsertMethod: raw.method,
      },
      issued: { db: p.db, ctx: p.ctx, keyDir: p.keyDir, generator: p.generator, institutes: p.institutes, close: p.close },
    };
  } catch (error) {
    await p.close();
    throw error;
  }
}

const VERSION_COLUMNS = [
  'certificate_no', 'version', 'verification_id', 'institution_id', 'instrument_id', 'kind', 'issued_at', 'valid_until', 'key_id',
  'claims', 'facts', 'qr_text', 'amend_reason', 'log_index', 'leaf_hash',
] as const;
const ACTION_COLUMNS = ['certificate_no', 'version', 'action', 'at', 'reason'] as const;
const AUDIT_COLUMNS = [
  'seq', 'recorded_at', 'request_id', 'actor_kind', 'actor_id', 'scope', 'action', 'outcome', 'target_type', 'target_id', 'detail', 'prev_hash', 'hash',
] as const;
// Tables the certificate rows refer to, copied as they are before the timed inserts.
const PREREQUISITES = ['organization', 'instrument', 'verification', 'signing_key'] as const;

type Row = Record<string, unknown>;

/**
 * The rows the service wrote for the issuances — certificate_version, certificate_action and the
 * certificate.issue audit entries — inserted again through the driver into a fresh database of
 * the same engine holding a copy of the rows they refer to: one transaction per certificate, as
 * the service commits, prepared statements, no reads.
 */
async function rawInsertBaseline(cfg: BenchConfig, p: { db: BenchDatabase; ctx: AppContext }): Promise<{ ms: number; method: string }> {
  const src = p.db;
  const versions = await rawRows<Row>(src, `SELECT ${VERSION_COLUMNS.join(', ')} FROM certificate_version ORDER BY log_index`);
  const actions = await rawRows<Row>(src, `SELECT ${ACTION_COLUMNS.join(', ')} FROM certificate_action ORDER BY id`);
  const audits = await rawRows<Row>(src, `SELECT ${AUDIT_COLUMNS.join(', ')} FROM audit_log WHERE action = 'certificate.issue' ORDER BY seq`);
  if (actions.length !== versions.length || audits.length !== versions.length) throw new Error(`expected one action and one audit entry per version: ${versions.length}, ${actions.length}, ${audits.length}`);
  const target = await freshDatabase(cfg, src.dialect, 'certs_raw');
  const keyDir = mkdtempSync(join(cfg.sqliteDir, 'jiliang-bench-keys-'));
  try {
    // Migrations and reference data, as for any database of the application.
    await (await createContext({ databaseUrl: target.url, pgSchema: target.pgSchema, keyDir })).close();
    const values = (row: Row, columns: readonly string[]) => columns.map((c) => row[c] ?? null);
    if (src.dialect === 'sqlite') {
      const sqlite = openRawSqlite(target);
      try {
        sqlite.prepare('ATTACH DATABASE ? AS svc').run(src.url.slice('sqlite:'.length));
        for (const t of PREREQUISITES) sqlite.exec(`INSERT INTO main.${t} SELECT * FROM svc.${t}`);
        sqlite.exec('DETACH DATABASE svc');
        const insert = (table: string, columns: readonly string[]) => sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        const [v, a, l] = [insert('certificate_version', VERSION_COLUMNS), insert('certificate_action', ACTION_COLUMNS), insert('audit_log', AUDIT_COLUMNS)];
        const one = sqlite.transaction((i: number) => {
          v.run(values(versions[i]!, VERSION_COLUMNS));
          a.run(values(actions[i]!, ACTION_COLUMNS));
          l.run(values(audits[i]!, AUDIT_COLUMNS));
        });
        const t = now();
        for (let i = 0; i < versions.length; i++) one(i);
        const ms = now() - t;
        return { ms, method: 'better-sqlite3 prepared INSERTs (version, action, audit entry), one transaction per certificate' };
      } finally {
        sqlite.close();
      }
    }
    const client = await openRawPg(target.url, target.pgSchema);
    try {
      for (const t of PREREQUISITES) await client.query(`INSERT INTO ${target.pgSchema}.${t} SELECT * FROM ${src.pgSchema}.${t}`);
      const sql = (table: string, columns: readonly string[]) => `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, j) => `$${j + 1}`).join(', ')})`;
      const t = now();
      for (let i = 0; i < versions.length; i++) {
        await client.query('BEGIN');
        await client.query({ name: 'raw_version', text: sql('certificate_version', VERSION_COLUMNS), values: values(versions[i]!, VERSION_COLUMNS) });
        await client.query({ name: 'raw_action', text: sql('certificate_action', ACTION_COLUMNS), values: values(actions[i]!, ACTION_COLUMNS) });
        await client.query({ name: 'raw_audit', text: sql('audit_log', AUDIT_COLUMNS), values: values(audits[i]!, AUDIT_COLUMNS) });
        await client.query('COMMIT');
      }
      const ms = now() - t;
      return { ms, method: 'pg prepared INSERTs (version, action, audit entry) between BEGIN and COMMIT, one transaction per certificate' };
    } finally {
      await client.end();
    }
  } finally {
    await target.drop();
    rmSync(keyDir, { recursive: true, force: true });
  }
}

export function issuanceTable(results: readonly IssuanceResult[]): string {
  return table(
    ['dialect', 'certificates', 'service certs/s', 'p50 ms', 'p99 ms', 'token alone /s', 'Ed25519 alone /s', 'service / Ed25519', 'raw insert certs/s', 'service / raw insert', 'service / (sign + insert)'],
    results.map((r) => {
      const floorMs = r.rawSignMs + r.rawInsertMs;
      return [
        r.dialect,
        formatInt(r.certificates),
        formatInt(rate(r.certificates, r.serviceMs)),
        formatMs(r.p50),
        formatMs(r.p99),
        formatInt(rate(r.certificates, r.tokenMs)),
        formatInt(rate(r.certificates, r.rawSignMs)),
        formatPercent(r.rawSignMs / r.serviceMs),
        formatInt(rate(r.certificates, r.rawInsertMs)),
        formatPercent(r.rawInsertMs / r.serviceMs),
        formatPercent(floorMs / r.serviceMs),
      ];
    }),
  );
}

const IN_APPEND_VERSION = ['sql: signing key', 'sql: log index', 'sql: insert version + action', 'sql: audit append'];

/**
 * Where an issuance's time goes, ms per certificate. Statements are timed where they run; the
 * JavaScript of appendVersion (claims, QR token, leaf hash) is its time less its statements; the
 * QR token timed alone on the same claims is shown beside it.
 */
export function breakdownTable(results: readonly IssuanceResult[]): string {
  const rows: string[][] = [];
  for (const r of results) {
    const ms = (name: string) => r.parts.get(name)?.ms ?? 0;
    const appendJs = ms('appendVersion') - IN_APPEND_VERSION.reduce((s, name) => s + ms(name), 0);
    const sqlMs = PARTS.reduce((s, name) => s + ms(name), 0);
    const lines: [string, number, boolean][] = [
      ['signing JS in the transaction (claims, QR token, leaf hash)', appendJs, true],
      ['  of which the QR token, timed alone on the same claims', r.tokenMs, false],
      ...PARTS.map((name): [string, number, boolean] => [name, ms(name), true]),
      ['other JS (access, facts, Kysely, building the view; the rest)', r.serviceMs - appendJs - sqlMs, true],
    ];
    for (const [name, total, share] of lines) rows.push([r.dialect, name, formatMs(total / r.certificates), share ? formatPercent(total / r.serviceMs) : '']);
    rows.push([r.dialect, 'total issue() call', formatMs(r.serviceMs / r.certificates), '100 %']);
  }
  return table(['dialect', 'part of issue()', 'ms / certificate', 'share'], rows);
}

export function issuanceNotes(results: readonly IssuanceResult[]): string[] {
  return results.map(
    (r) =>
      `  ${r.dialect}: ${formatInt(r.certificates)} certificates (${formatInt(r.resultNotices)} result notices), load average ${r.load}; ${formatInt(r.certificates)} verifications recorded first at ${formatInt(rate(r.certificates, r.verificationsMs))}/s (untimed); raw insert: ${r.rawInsertMethod}`,
  );
}

async function main(): Promise<void> {
  const cfg = loadConfig();
  const results: IssuanceResult[] = [];
  for (const dialect of cfg.dialects) {
    const { result, issued } = await benchIssuance(cfg, dialect);
    await issued.close();
    results.push(result);
  }
  console.log(issuanceTable(results));
  console.log(`\n${breakdownTable(results)}`);
  for (const line of issuanceNotes(results)) console.log(line);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
