// The tamper-evident audit log: every write and every denied request, append-only, hash-chained,
// with checkpoints signed by a key outside the database and copied to a witness file beside it.
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import * as audit from '../../store/repositories/audit-repository.ts';
import type { AuditEntryInput } from '../../domain/audit/audit-entry.ts';
import type { AuditVerdict } from '../../domain/audit/audit-problem.ts';
import { GENESIS_HASH, auditEntryHash, type ChainedEntry } from '../../domain/audit/chain.ts';
import { signCheckpoint, witnessLine, type SignedCheckpoint } from '../../domain/audit/checkpoint.ts';
import { AuditLogVerifier } from '../../domain/audit/verifier.ts';
import { canonicalJson } from '../../domain/common/canonical-json.ts';
import { KeyDirectory } from '../keys/key-directory.ts';
import type { Clock } from '../clock.ts';
import { assertSchema } from '../validation.ts';
import { toOffset, type Page } from '../paging.ts';
import { AuditQuery, type AuditEntry } from '../schemas/audit.ts';

/** Name of the checkpoint signing key in the key directory (`audit.key`). */
export const AUDIT_KEY_NAME = 'audit';
/** Copy of every checkpoint, outside the database, in the key directory. */
export const WITNESS_FILE = 'audit-checkpoints.jsonl';
const VERIFY_CHUNK = 5000;

// Column widths of audit_log: checked here so both dialects refuse the same entries
// (SQLite would store an over-long value that PostgreSQL rejects).
const WIDTHS = { requestId: 64, actorKind: 16, actorId: 64, scope: 200, action: 64, outcome: 16, targetType: 32, targetId: 64 } as const;

function assertFits(entry: AuditEntryInput): void {
  for (const [field, width] of Object.entries(WIDTHS)) {
    const value = entry[field as keyof typeof WIDTHS];
    if (value !== null && value.length > width) throw new RangeError(`audit entry ${field} is longer than ${width} characters`);
  }
}

function toChained(r: audit.AuditRow): ChainedEntry {
  return {
    seq: r.seq,
    recordedAt: r.recorded_at,
    requestId: r.request_id,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    scope: r.scope,
    action: r.action,
    outcome: r.outcome,
    targetType: r.target_type,
    targetId: r.target_id,
    detail: r.detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

function toAuditEntry(r: audit.AuditRow): AuditEntry {
  let detail: Record<string, unknown>;
  try {
    detail = JSON.parse(r.detail) as Record<string, unknown>;
  } catch {
    detail = { unparsable: r.detail }; // only after tampering; show it rather than fail the page
  }
  const { detail: _text, ...fields } = toChained(r);
  return { ...fields, detail };
}

function toCheckpoint(r: audit.AuditCheckpointRow): SignedCheckpoint {
  return { seq: r.seq, headHash: r.head_hash, recordedAt: r.recorded_at, keyId: r.key_id, signature: r.signature };
}

export class AuditService {
  readonly keys: KeyDirectory;

  constructor(
    readonly db: Kysely<Database>,
    readonly clock: Clock,
    readonly keyDir: string,
  ) {
    this.keys = new KeyDirectory(keyDir);
  }

  get witnessFile(): string {
    return join(this.keyDir, WITNESS_FILE);
  }

  /** Appends one entry inside the caller's transaction (the write and its audit entry commit together). */
  async append(trx: Kysely<Database>, entry: AuditEntryInput): Promise<number> {
    // Outside a transaction the lock and the head would not hold until the insert.
    if (!trx.isTransaction) throw new Error('AuditService.append must run inside the caller\'s transaction');
    assertFits(entry);
    const detail = canonicalJson(entry.detail);
    await audit.lockAuditLog(trx);
    const head = await audit.readHead(trx);
    const prevHash = head?.hash ?? GENESIS_HASH;
    const fields = {
      seq: (head?.seq ?? 0) + 1,
      recordedAt: this.clock.now().toISOString(),
      requestId: entry.requestId,
      actorKind: entry.actorKind,
      actorId: entry.actorId,
      scope: entry.scope,
      action: entry.action,
      outcome: entry.outcome,
      targetType: entry.targetType,
      targetId: entry.targetId,
    };
    // Hash the stored text read back, so verify recomputes exactly what was hashed.
    const hash = auditEntryHash(prevHash, { ...fields, detail: JSON.parse(detail) });
    await audit.insertEntry(trx, {
      seq: fields.seq,
      recorded_at: fields.recordedAt,
      request_id: fields.requestId,
      actor_kind: fields.actorKind,
      actor_id: fields.actorId,
      scope: fields.scope,
      action: fields.action,
      outcome: fields.outcome,
      target_type: fields.targetType,
      target_id: fields.targetId,
      detail,
      prev_hash: prevHash,
      hash,
    });
    return fields.seq;
  }

  /** Appends one entry in its own transaction: denied requests, failed logins. */
  async recordAlone(entry: AuditEntryInput): Promise<number> {
    return this.db.transaction().execute((trx) => this.append(trx, entry));
  }

  /** Signs the current head; null when nothing was appended since the last checkpoint. */
  async checkpoint(): Promise<SignedCheckpoint | null> {
    const key = this.keys.signingKey(AUDIT_KEY_NAME);
    const signed = await this.db.transaction().execute(async (trx) => {
      await audit.lockAuditLog(trx);
      const head = await audit.readHead(trx);
      const last = await audit.lastCheckpoint(trx);
      if (!head || (last && last.seq >= head.seq)) return null;
      const cp = signCheckpoint({ seq: head.seq, headHash: head.hash, recordedAt: this.clock.now().toISOString(), keyId: key.keyId }, key.privateKey);
      await audit.insertCheckpoint(trx, { seq: cp.seq, head_hash: cp.headHash, recorded_at: cp.recordedAt, key_id: cp.keyId, signature: cp.signature });
      return cp;
    });
    // After the commit, so the witness never names a checkpoint the database does not hold.
    if (signed) this.appendWitness(signed);
    return signed;
  }

  /** Recomputes the chain in chunks and checks every checkpoint, in the database and in the witness file. */
  async verify(): Promise<AuditVerdict> {
    // Witness, then checkpoints, then entries: whatever is added meanwhile only extends what was read.
    const witnessLines = this.readWitness();
    const checkpoints = (await audit.listCheckpoints(this.db)).map(toCheckpoint);
    const keys = new Map(this.keys.publicKeys(AUDIT_KEY_NAME).map((k) => [k.keyId, k.publicKey]));
    const verifier = new AuditLogVerifier({ checkpoints, witnessLines, keys });
    for (let after = 0; ; ) {
      const rows = await audit.readEntriesAfter(this.db, after, VERIFY_CHUNK);
      for (const row of rows) verifier.push(toChained(row));
      if (rows.length < VERIFY_CHUNK) break;
      after = rows[rows.length - 1]!.seq;
    }
    return verifier.finish();
  }

  /** A page of entries, newest first. */
  async list(query: unknown): Promise<Page<AuditEntry>> {
    const q = assertSchema(AuditQuery, query);
    const { page, pageSize, offset, limit } = toOffset(q);
    const filter = { action: q.action, actorKind: q.actorKind, outcome: q.outcome, targetType: q.targetType, targetId: q.targetId };
    const { rows, total } = await audit.listEntries(this.db, filter, { offset, limit });
    return { items: rows.map(toAuditEntry), total, page, pageSize };
  }

  private appendWitness(cp: SignedCheckpoint): void {
    const fd = openSync(this.witnessFile, 'a', 0o600);
    try {
      writeSync(fd, `${witnessLine(cp)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  private readWitness(): string[] {
    try {
      return readFileSync(this.witnessFile, 'utf8').split('\n');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }
}
