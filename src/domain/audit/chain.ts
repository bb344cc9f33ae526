// The hash chain: each entry's hash covers its predecessor's hash and its own fields as RFC 8785
// canonical JSON, so editing, removing or inserting any entry breaks every later link.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.ts';

/** prev_hash of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers (everything but the hashes themselves). */
export interface AuditHashedFields {
  readonly seq: number;
  readonly recordedAt: string;
  readonly requestId: string | null;
  readonly actorKind: string;
  readonly actorId: string | null;
  readonly scope: string | null;
  readonly action: string;
  readonly outcome: string;
  readonly targetType: string | null;
  readonly targetId: string | null;
  /** the parsed detail object (hashed as canonical JSON, not as the stored text) */
  readonly detail: unknown;
}

/** An entry as stored: detail is canonical JSON text. */
export interface ChainedEntry extends Omit<AuditHashedFields, 'detail'> {
  readonly detail: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** SHA-256 hex of `prevHash \n canonical-json(fields)`. */
export function auditEntryHash(prevHash: string, f: AuditHashedFields): string {
  const body = canonicalJson({
    seq: f.seq,
    recordedAt: f.recordedAt,
    requestId: f.requestId,
    actorKind: f.actorKind,
    actorId: f.actorId,
    scope: f.scope,
    action: f.action,
    outcome: f.outcome,
    targetType: f.targetType,
    targetId: f.targetId,
    detail: f.detail,
  });
  return createHash('sha256').update(`${prevHash}\n${body}`, 'utf8').digest('hex');
}

/** The hash a stored entry should carry, or null when its detail is not JSON at all. */
export function recomputeHash(entry: ChainedEntry): string | null {
  let detail: unknown;
  try {
    detail = JSON.parse(entry.detail);
  } catch {
    return null;
  }
  return auditEntryHash(entry.prevHash, { ...entry, detail });
}
