// Signed checkpoints: the log's head (seq and hash) signed with a key kept outside the database.
// Without the key nobody can re-sign a rewritten chain, and a copy of each checkpoint in a
// witness file outside the database survives deleting the checkpoint rows with the tail.
import { sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.ts';

export interface CheckpointHead {
  readonly seq: number;
  readonly headHash: string;
  readonly recordedAt: string;
  readonly keyId: string;
}

export interface SignedCheckpoint extends CheckpointHead {
  /** Ed25519 signature of the canonical payload, base64url */
  readonly signature: string;
}

/** The signed bytes: canonical JSON of exactly these four fields. */
export function checkpointPayload(head: CheckpointHead): string {
  return canonicalJson({ seq: head.seq, headHash: head.headHash, recordedAt: head.recordedAt, keyId: head.keyId });
}

export function signCheckpoint(head: CheckpointHead, privateKey: KeyObject): SignedCheckpoint {
  const signature = sign(null, Buffer.from(checkpointPayload(head), 'utf8'), privateKey).toString('base64url');
  return { seq: head.seq, headHash: head.headHash, recordedAt: head.recordedAt, keyId: head.keyId, signature };
}

export function checkpointSignatureValid(cp: SignedCheckpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(checkpointPayload(cp), 'utf8'), publicKey, Buffer.from(cp.signature, 'base64url'));
  } catch {
    return false;
  }
}

/** The witness file's line for a checkpoint: canonical JSON of the payload and the signature. */
export function witnessLine(cp: SignedCheckpoint): string {
  return canonicalJson({ seq: cp.seq, headHash: cp.headHash, recordedAt: cp.recordedAt, keyId: cp.keyId, signature: cp.signature });
}

/** Reads one witness line back; null when it is not a checkpoint. */
export function parseWitnessLine(line: string): SignedCheckpoint | null {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (!Number.isSafeInteger(o.seq) || (o.seq as number) < 1) return null;
  for (const k of ['headHash', 'recordedAt', 'keyId', 'signature']) if (typeof o[k] !== 'string') return null;
  return { seq: o.seq as number, headHash: o.headHash as string, recordedAt: o.recordedAt as string, keyId: o.keyId as string, signature: o.signature as string };
}

export function sameCheckpoint(a: SignedCheckpoint, b: SignedCheckpoint): boolean {
  return a.seq === b.seq && a.headHash === b.headHash && a.recordedAt === b.recordedAt && a.keyId === b.keyId && a.signature === b.signature;
}
