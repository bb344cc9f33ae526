// Filling the lookup benchmark's SQLite database up to BENCH_LOOKUP_CERTS certificates. Issuing a
// million through the service would take hours (the QR token alone costs several ms), so the
// certificates beyond the ones issued through the service are written through the driver. What is
// real and what is synthetic:
//   - instruments: one new instrument per synthetic certificate, the same generator rows as the
//     registration benchmark, inserted by its raw baseline (bench/lib/raw-insert.ts);
//   - verifications: built by the same functions as the service-recorded ones (certificate-data.ts
//     verificationInput, and verificationRow = the derived columns VerificationService.record
//     writes), document numbers continuing each institute's sequence; not recorded through the
//     service: no instrument event, no projection update, no audit entry;
//   - certificate_version: facts assembled from the rows by the service's own builder (factsOf →
//     factsFromRecords, as certificateFacts does), claims
//     by qrClaimsFromDocument, leaf hash by leafInput/leafHashHex, consecutive log indexes, the
//     institute's real key id; issued_at on the day after the verification, so log order is not
//     time order. qr_text is SYNTHETIC: a real token of the same institute copied from one of the
//     certificates issued through the service (right length and shape, but signed over that
//     certificate's claims, not this one's);
//   - certificate_action: an `issue` action per certificate; 1 % also revoked, 0.5 % amended once (a
//     version 2 appended to the log after all first versions);
//   - no audit-log entries for the synthetic certificates;
//   - certificate_lookup (the public lookup's read model): emptied, then rebuilt for every
//     certificate by the service itself (CertificateService.rebuildLookupIfEmpty, the path a
//     database from before that table takes on its first start), from the rows above.
// Before writing, every function above is checked against the rows the service wrote for the real
// certificates: same verification columns, facts, claims and leaf hash, or the benchmark stops.
import { writeFileSync, statSync } from 'node:fs';
import type { AppContext } from '../../src/services/context.ts';
import { qrClaimsFromDocument } from '../../src/domain/certificates/qr-token/node.ts';
import { leafHashHex, leafInput } from '../../src/services/certificates/transparency-log.ts';
import { formatDocumentNo } from '../../src/domain/verification/document-number.ts';
import type { CertificateFacts } from '../../src/services/certificates/certificate-assembly.ts';
import type { BenchConfig } from './config.ts';
import { openRawSqlite, type BenchDatabase } from './databases.ts';
import type { InstrumentGenerator } from './data.ts';
import { rawInsert } from './raw-insert.ts';
import {
  INSTRUMENT_WITH_OWNER,
  factsOf,
  instituteFor,
  verificationInput,
  verificationRow,
  type InstitutionRow,
  type Institute,
  type InstrumentWithOwner,
  type VerificationRow,
} from './certificate-data.ts';
import { formatInt, formatSeconds, log, now } from './stats.ts';

export interface PopulateResult {
  /** Certificates (first versions) in the database, real and synthetic. */
  readonly certificates: number;
  /** Issued through the service (the rest synthetic). */
  readonly real: number;
  readonly versions: number;
  readonly revoked: number;
  readonly amended: number;
  readonly instrumentsMs: number;
  readonly rowsMs: number;
  /** The service rebuilding the lookup table from the history, all certificates in one transaction. */
  readonly lookupMs: number;
  /** Database file size after a checkpoint. */
  readonly bytes: number;
  /** One certificate number per line, every certificate. */
  readonly numbersFile: string;
}

const CHUNK = 20_000;

function issuedAtFor(verifiedOn: string, k: number, nowMs: number): string {
  // 09:00–17:00 in Chongqing on the day after the verification, whole seconds, never in the future.
  const ms = Math.min(nowMs, Date.parse(`${verifiedOn}T01:00:00Z`) + 86_400_000 + ((k * 7919) % 28_800) * 1000);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

function later(iso: string, days: number, nowMs: number): string {
  return new Date(Math.floor(Math.min(nowMs, Date.parse(iso) + days * 86_400_000) / 1000) * 1000).toISOString();
}

function claimsOf(facts: CertificateFacts, version: number, issuedAt: string) {
  return qrClaimsFromDocument({ ...facts, version, status: 'valid', issuedAt, supersedes: null, revocation: null, qrText: '', verifyUrl: '' });
}

/** Stops when the bench's functions do not reproduce what the service wrote for the real certificates. */
function checkAgainstService(sqlite: ReturnType<typeof openRawSqlite>, ctx: AppContext, cfg: BenchConfig, institutes: readonly Institute[], institutions: Map<number, InstitutionRow>): number {
  const rows = sqlite
    .prepare(
      `SELECT cv.certificate_no, cv.issued_at, cv.claims, cv.facts, cv.qr_text, cv.leaf_hash, cv.instrument_id, v.*
       FROM certificate_version cv JOIN verification v ON v.id = cv.verification_id WHERE cv.version = 1 ORDER BY cv.log_index`,
    )
    .all() as (VerificationRow & { id: number; document_no: string; certificate_no: string; issued_at: string; claims: string; facts: string; qr_text: string; leaf_hash: string })[];
  const instrument = sqlite.prepare(`${INSTRUMENT_WITH_OWNER} WHERE i.id = ?`);
  const today = ctx.clock.today();
  for (const row of rows) {
    const inst = instrument.get(row.instrument_id) as InstrumentWithOwner;
    const category = ctx.reference.category(inst.category_code)!;
    const input = verificationInput(inst, instituteFor(institutes, inst), today, cfg.seed);
    const expected = verificationRow(input, inst, category, row.recorded_at);
    for (const [column, value] of Object.entries(expected)) {
      if ((row as unknown as Record<string, unknown>)[column] !== value) throw new Error(`${row.certificate_no}: verification.${column} differs from the service's: ${String(value)}`);
    }
    const facts = factsOf({ ...expected, id: row.id, document_no: row.document_no }, inst, institutions.get(row.institution_id)!, category);
    if (JSON.stringify(facts) !== row.facts) throw new Error(`${row.certificate_no}: facts differ from the service's:\n${JSON.stringify(facts)}\n${row.facts}`);
    if (JSON.stringify(claimsOf(facts, 1, row.issued_at)) !== row.claims) throw new Error(`${row.certificate_no}: claims differ from the service's`);
    if (leafHashHex(leafInput({ certificateNo: row.certificate_no, version: 1, issuedAt: row.issued_at, qrText: row.qr_text })) !== row.leaf_hash) throw new Error(`${row.certificate_no}: leaf hash differs`);
  }
  return rows.length;
}

export async function populateLookupCertificates(
  cfg: BenchConfig,
  loaded: { db: BenchDatabase; ctx: AppContext; generator: InstrumentGenerator; institutes: readonly Institute[] },
  numbersFile: string,
): Promise<PopulateResult> {
  const { db, ctx, institutes } = loaded;
  const sqlite = openRawSqlite(db);
  // Fixture set-up only: a large page cache for this loading handle (the app's handle keeps SQLite's default).
  sqlite.pragma('cache_size = -524288');
  try {
    const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number | null }).n ?? 0;
    const real = count('SELECT count(*) AS n FROM certificate_version WHERE version = 1');
    const synthetic = Math.max(0, cfg.lookupCertificates - real);
    const institutions = new Map(
      (sqlite.prepare(`SELECT id, name, uscc, address, district_code FROM organization WHERE id IN (${institutes.map(() => '?').join(', ')})`).all(...institutes.map((i) => i.id)) as InstitutionRow[]).map((r) => [r.id, r]),
    );
    const checked = checkAgainstService(sqlite, ctx, cfg, institutes, institutions);
    log(`lookup: the synthetic-row builders reproduce the service's rows for all ${formatInt(checked)} issued certificates`);

    const lastRealInstrument = count('SELECT max(id) AS n FROM instrument');
    let t = now();
    if (synthetic > 0) {
      log(`lookup: raw insert of ${formatInt(synthetic)} more instruments`);
      await rawInsert(db, loaded.generator, synthetic, cfg.batch);
    }
    const instrumentsMs = now() - t;

    // Real tokens and key ids of each institute, to copy into the synthetic rows.
    const templates = new Map<number, { key_id: string; qr_text: string }[]>();
    for (const r of sqlite.prepare('SELECT institution_id, key_id, qr_text FROM certificate_version ORDER BY log_index').all() as { institution_id: number; key_id: string; qr_text: string }[]) {
      const list = templates.get(r.institution_id) ?? [];
      list.push({ key_id: r.key_id, qr_text: r.qr_text });
      templates.set(r.institution_id, list);
    }
    const sequences = new Map<string, number>();
    for (const s of sqlite.prepare('SELECT institution_id, kind, year, last_value FROM document_sequence').all() as { institution_id: number; kind: string; year: number; last_value: number }[]) {
      sequences.set(`${s.institution_id}|${s.kind}|${s.year}`, s.last_value);
    }
    let logIndex = count('SELECT max(log_index) + 1 AS n FROM certificate_version');

    const insertVerification = sqlite.prepare(`INSERT INTO verification (instrument_id, institution_id, verified_on, verifier, checker, approver, regulation, place, environment, standards, items, adjusted, conclusion, document_no, valid_until, catalogue_edition, recorded_at, uncertainty_budget)
      VALUES (@instrument_id, @institution_id, @verified_on, @verifier, @checker, @approver, @regulation, @place, @environment, @standards, @items, @adjusted, @conclusion, @document_no, @valid_until, @catalogue_edition, @recorded_at, @uncertainty_budget)`);
    const insertVersion = sqlite.prepare(`INSERT INTO certificate_version (certificate_no, version, verification_id, institution_id, instrument_id, kind, issued_at, valid_until, key_id, claims, facts, qr_text, amend_reason, log_index, leaf_hash)
      VALUES (@certificate_no, @version, @verification_id, @institution_id, @instrument_id, @kind, @issued_at, @valid_until, @key_id, @claims, @facts, @qr_text, @amend_reason, @log_index, @leaf_hash)`);
    const insertAction = sqlite.prepare('INSERT INTO certificate_action (certificate_no, version, action, at, reason) VALUES (?, ?, ?, ?, ?)');
    const selectChunk = sqlite.prepare(`${INSTRUMENT_WITH_OWNER} WHERE i.id > ? ORDER BY i.id LIMIT ${CHUNK}`);

    const today = ctx.clock.today();
    const nowMs = ctx.clock.now().getTime();
    const amendments: { facts: CertificateFacts; verificationId: number; validUntil: string | null; issuedAt: string; template: { key_id: string; qr_text: string } }[] = [];
    let revoked = 0;
    let k = 0;
    const version = (facts: CertificateFacts, v: number, verificationId: number, validUntil: string | null, issuedAt: string, template: { key_id: string; qr_text: string }, amendReason: string | null) => {
      insertVersion.run({
        certificate_no: facts.certificateNo,
        version: v,
        verification_id: verificationId,
        institution_id: facts.institution.id,
        instrument_id: facts.instrument.id,
        kind: facts.kind,
        issued_at: issuedAt,
        valid_until: validUntil,
        key_id: template.key_id,
        claims: JSON.stringify(claimsOf(facts, v, issuedAt)),
        facts: JSON.stringify(facts),
        qr_text: template.qr_text,
        amend_reason: amendReason,
        log_index: logIndex++,
        leaf_hash: leafHashHex(leafInput({ certificateNo: facts.certificateNo, version: v, issuedAt, qrText: template.qr_text })),
      });
    };
    const writeChunk = sqlite.transaction((instruments: InstrumentWithOwner[]) => {
      for (const inst of instruments) {
        const institute = instituteFor(institutes, inst);
        const category = ctx.reference.category(inst.category_code)!;
        const input = verificationInput(inst, institute, today, cfg.seed);
        const recordedAt = `${input.verifiedOn}T08:${String(k % 60).padStart(2, '0')}:00.000Z`;
        const row = verificationRow(input, inst, category, recordedAt);
        const kind = input.conclusion === 'pass' ? 'certificate' : 'result_notice';
        const year = Number(input.verifiedOn.slice(0, 4));
        const key = `${institute.id}|${kind}|${year}`;
        const sequence = (sequences.get(key) ?? 0) + 1;
        sequences.set(key, sequence);
        const documentNo = formatDocumentNo(kind, institute.id, year, sequence);
        const id = Number(insertVerification.run({ ...row, document_no: documentNo }).lastInsertRowid);
        const facts = factsOf({ ...row, id, document_no: documentNo }, inst, institutions.get(institute.id)!, category);
        const issuedAt = issuedAtFor(input.verifiedOn, k, nowMs);
        const list = templates.get(institute.id)!;
        const template = list[k % list.length]!;
        version(facts, 1, id, row.valid_until, issuedAt, template, null);
        insertAction.run(documentNo, 1, 'issue', issuedAt, null);
        if (k % 100 === 50) {
          insertAction.run(documentNo, 1, 'revoke', later(issuedAt, 3, nowMs), '检定数据录入有误');
          revoked++;
        } else if (k % 200 === 0) {
          amendments.push({ facts, verificationId: id, validUntil: row.valid_until, issuedAt, template });
        }
        k++;
      }
    });

    t = now();
    let reported = 0;
    for (let after = lastRealInstrument; ; ) {
      const chunk = selectChunk.all(after) as InstrumentWithOwner[];
      if (!chunk.length) break;
      writeChunk(chunk);
      after = chunk.at(-1)!.id;
      if (k - reported >= synthetic / 10) {
        log(`lookup: ${formatInt(k)} / ${formatInt(synthetic)} synthetic certificates`);
        reported = k;
      }
    }
    sqlite.transaction(() => {
      for (const a of amendments) {
        const at = later(a.issuedAt, 7, nowMs);
        version(a.facts, 2, a.verificationId, a.validUntil, at, a.template, '更正使用单位名称');
        insertAction.run(a.facts.certificateNo, 2, 'amend', at, '更正使用单位名称');
      }
      const raise = sqlite.prepare(
        'INSERT INTO document_sequence (institution_id, kind, year, last_value) VALUES (?, ?, ?, ?) ON CONFLICT (institution_id, kind, year) DO UPDATE SET last_value = max(last_value, excluded.last_value)',
      );
      for (const [key, value] of sequences) {
        const [institution, kind, year] = key.split('|');
        raise.run(Number(institution), kind, Number(year), value);
      }
    })();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const rowsMs = now() - t;
    log(`lookup: ${formatInt(k)} synthetic certificates written in ${formatSeconds(rowsMs)} s`);

    t = now();
    sqlite.prepare('DELETE FROM certificate_lookup').run();
    const rebuilt = await ctx.certificates.rebuildLookupIfEmpty();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const lookupMs = now() - t;
    log(`lookup: the service rebuilt ${formatInt(rebuilt)} lookup rows from the history in ${formatSeconds(lookupMs)} s`);

    const numbers = sqlite.prepare('SELECT certificate_no FROM certificate_version WHERE version = 1').pluck().all() as string[];
    writeFileSync(numbersFile, `${numbers.join('\n')}\n`);
    return {
      certificates: numbers.length,
      real,
      versions: count('SELECT count(*) AS n FROM certificate_version'),
      revoked,
      amended: amendments.length,
      instrumentsMs,
      rowsMs,
      lookupMs,
      bytes: statSync(db.url.slice('sqlite:'.length)).size,
      numbersFile,
    };
  } finally {
    sqlite.close();
  }
}
