// Signed tree heads in the C2SP checkpoint format (c2sp.org/tlog-checkpoint): a signed note whose
// text is the log's origin, the decimal tree size and the base64 root hash, one per line, then
// optional extension lines. Monitors compare checkpoints by consistency proofs; a log must never
// sign two checkpoints that no consistency proof can join.
import { fromBase64, toBase64 } from './base64.ts';
import { HASH_SIZE } from './hash.ts';
import { openNote, signNote, type NoteSigner, type NoteVerifier } from './signed-note.ts';
import { isIndex } from './tree-math.ts';

export interface Checkpoint {
  /** Unique name of the log, e.g. "jiliang.example/certificates"; signers should use it as key name. */
  readonly origin: string;
  readonly size: number;
  /** RFC 6962 root of the first `size` leaves. */
  readonly rootHash: Uint8Array;
  /** Opaque extra lines (not recommended by the spec: monitors cannot audit them). */
  readonly extensions?: readonly string[];
}

export type CheckpointVerdict =
  | { readonly ok: true; readonly checkpoint: Checkpoint; readonly verifiedBy: readonly { name: string; keyId: number }[] }
  | { readonly ok: false; readonly reason: string };

const DECIMAL = /^(?:0|[1-9][0-9]*)$/;

/** The checkpoint's note text (what gets signed). Throws TypeError on values the format cannot hold. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const lines = [checkpoint.origin, String(checkpoint.size), toBase64(checkpoint.rootHash), ...(checkpoint.extensions ?? [])];
  if (!isIndex(checkpoint.size)) throw new TypeError('checkpoint size must be an integer in 0..2^53');
  if (checkpoint.rootHash.length !== HASH_SIZE) throw new TypeError('checkpoint root hash must be 32 bytes');
  if (lines.some((line) => line === '' || line.includes('\n'))) throw new TypeError('checkpoint lines must be non-empty single lines');
  return `${lines.join('\n')}\n`;
}

/** Reads a checkpoint's note text (not the signed note: see verifyCheckpoint). Throws SyntaxError. */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw new SyntaxError('checkpoint text must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new SyntaxError('checkpoint needs origin, size and root hash lines');
  const [origin, sizeLine, rootLine, ...extensions] = lines as [string, string, string, ...string[]];
  if (lines.some((line) => line === '')) throw new SyntaxError('checkpoint lines must be non-empty');
  const size = Number(sizeLine);
  if (!DECIMAL.test(sizeLine) || !isIndex(size)) throw new SyntaxError('checkpoint size must be a decimal integer without leading zeros, below 2^53');
  const rootHash = fromBase64(rootLine);
  if (!rootHash || rootHash.length !== HASH_SIZE) throw new SyntaxError('checkpoint root hash must be base64 of 32 bytes');
  return { origin, size, rootHash, ...(extensions.length ? { extensions } : {}) };
}

/** The signed checkpoint note: text, blank line, one signature line per signer. */
export function signCheckpoint(checkpoint: Checkpoint, signers: NoteSigner | readonly NoteSigner[]): string {
  return signNote(formatCheckpoint(checkpoint), Array.isArray(signers) ? signers : [signers as NoteSigner]);
}

/**
 * Verifies a signed checkpoint from the log named `origin` against trusted keys, then reads it.
 * A checkpoint of another log is rejected even when a trusted key signed it.
 */
export function verifyCheckpoint(signedNote: string | Uint8Array, options: { readonly origin: string; readonly verifiers: readonly NoteVerifier[] }): CheckpointVerdict {
  const opened = openNote(signedNote, options.verifiers);
  if (!opened.ok) return opened;
  let checkpoint: Checkpoint;
  try {
    checkpoint = parseCheckpoint(opened.text);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  if (checkpoint.origin !== options.origin) return { ok: false, reason: `checkpoint is from ${JSON.stringify(checkpoint.origin)}, not ${JSON.stringify(options.origin)}` };
  return { ok: true, checkpoint, verifiedBy: opened.verifiedBy };
}
