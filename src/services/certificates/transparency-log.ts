// The certificate transparency log (RFC 6962): leaf i is issued certificate version i. Leaf hashes
// live with the versions; this keeps them in memory in log order (32 bytes each: 32 MB at a
// million) with a cache of perfect-subtree hashes, so proofs cost O(log n) hashes when warm.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import * as certs from '../../store/repositories/certificate-repository.ts';
import { leafHash } from '../../domain/transparency/hash.ts';
import type { LeafHashes } from '../../domain/transparency/leaf-hashes.ts';
import { SubtreeCache } from '../../domain/transparency/subtree-cache.ts';
import { rootHash } from '../../domain/transparency/tree-hash.ts';
import { inclusionProof } from '../../domain/transparency/inclusion-proof.ts';
import { consistencyProof } from '../../domain/transparency/consistency-proof.ts';
import { signCheckpoint, verifyCheckpoint } from '../../domain/transparency/checkpoint.ts';
import { noteSigner, noteVerifier, formatVerifierKey } from '../../domain/transparency/signed-note.ts';
import { toBase64 } from '../../domain/transparency/base64.ts';
import { canonicalJson } from '../../domain/common/canonical-json.ts';
import { AppError } from '../../domain/errors.ts';
import type { KeyDirectory } from '../keys/key-directory.ts';
import type { Clock } from '../clock.ts';

export const LOG_KEY_NAME = 'transparency-log';

/** What leaf i commits to: the version's number, issue time and its signed QR token. */
export function leafInput(version: { certificateNo: string; version: number; issuedAt: string; qrText: string }): string {
  return canonicalJson({ certificateNo: version.certificateNo, version: version.version, issuedAt: version.issuedAt, qrText: version.qrText });
}

export function leafHashHex(input: string): string {
  return Buffer.from(leafHash(new TextEncoder().encode(input))).toString('hex');
}

class PackedLeaves implements LeafHashes {
  private bytes = new Uint8Array(32 * 1024);
  size = 0;

  get(index: number): Uint8Array {
    if (index < 0 || index >= this.size) throw new RangeError(`leaf ${index} outside a log of ${this.size}`);
    return this.bytes.subarray(index * 32, index * 32 + 32);
  }

  push(hex: string): void {
    if ((this.size + 1) * 32 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes.set(Buffer.from(hex, 'hex'), this.size * 32);
    this.size += 1;
  }
}

export interface InclusionAnswer {
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leafHash: string;
  readonly proof: string[];
  readonly root: string;
}

export class TransparencyLog {
  private readonly leaves = new PackedLeaves();
  private readonly cache = new SubtreeCache({});

  constructor(
    private readonly db: Kysely<Database>,
    private readonly keys: KeyDirectory,
    private readonly clock: Clock,
    /** The log's name in its checkpoints (C2SP tlog-checkpoint origin line). */
    readonly origin: string,
  ) {}

  /** Reserves the next leaf inside the issuing transaction (the caller then stores the version). */
  async nextIndex(trx: Kysely<Database>): Promise<number> {
    await certs.lockLog(trx);
    return certs.logSize(trx);
  }

  /** Loads leaves committed since the last call, in order. */
  private async sync(): Promise<number> {
    const size = await certs.logSize(this.db);
    for (let from = this.leaves.size; from < size; from += 10_000) {
      for (const hex of await certs.leafHashes(this.db, from, Math.min(size, from + 10_000))) this.leaves.push(hex);
    }
    return this.leaves.size;
  }

  async size(): Promise<number> {
    return this.sync();
  }

  /** Signs and stores the current tree head; returns the signed note. */
  async checkpoint(): Promise<string> {
    const size = await this.sync();
    const root = rootHash(this.leaves, size, this.cache);
    const key = this.keys.signingKey(LOG_KEY_NAME);
    const note = signCheckpoint({ origin: this.origin, size, rootHash: root }, noteSigner(this.origin, key.privateKey));
    await certs.insertCheckpoint(this.db, { tree_size: size, root_hash: Buffer.from(root).toString('hex'), signed_note: note, created_at: this.clock.now().toISOString() });
    return (await certs.latestCheckpoint(this.db))!.signed_note;
  }

  /** The latest signed tree head, making one when none covers the whole log yet. */
  async latestCheckpoint(): Promise<string> {
    const size = await this.sync();
    const latest = await certs.latestCheckpoint(this.db);
    return latest && latest.tree_size === size ? latest.signed_note : this.checkpoint();
  }

  /** The verifier key (signed-note `vkey` format) auditors use for checkpoints. */
  verifierKey(): string {
    return formatVerifierKey(noteVerifier(this.origin, this.keys.signingKey(LOG_KEY_NAME).publicKey));
  }

  async inclusion(leafIndex: number, treeSize?: number): Promise<InclusionAnswer> {
    const size = treeSize ?? (await this.sync());
    if (size > (await this.sync()) || leafIndex >= size) throw new AppError('JL_ERR_NOT_FOUND');
    const proof = inclusionProof(this.leaves, leafIndex, size, this.cache);
    return {
      leafIndex,
      treeSize: size,
      leafHash: toBase64(this.leaves.get(leafIndex)),
      proof: proof.map(toBase64),
      root: toBase64(rootHash(this.leaves, size, this.cache)),
    };
  }

  async consistency(size1: number, size2: number): Promise<{ size1: number; size2: number; root1: string; root2: string; proof: string[] }> {
    if (size1 > size2 || size2 > (await this.sync())) throw new AppError('JL_ERR_NOT_FOUND');
    return {
      size1,
      size2,
      root1: toBase64(rootHash(this.leaves, size1, this.cache)),
      root2: toBase64(rootHash(this.leaves, size2, this.cache)),
      proof: consistencyProof(this.leaves, size1, size2, this.cache).map(toBase64),
    };
  }

  /**
   * Recomputes every leaf from the stored versions and every checkpoint's root and signature
   * (`jiliang log verify`). Returns the problems found; none means the log is intact.
   */
  async verify(): Promise<{ ok: boolean; leaves: number; checkpoints: number; problems: string[] }> {
    const problems: string[] = [];
    const recomputed = new PackedLeaves();
    for (let after = -1; ; ) {
      const rows = await certs.versionsInLogOrder(this.db, after, 5000);
      for (const row of rows) {
        if (row.log_index !== recomputed.size) problems.push(`leaf ${recomputed.size} is missing (next stored index is ${row.log_index})`);
        const hex = leafHashHex(leafInput({ certificateNo: row.certificate_no, version: row.version, issuedAt: row.issued_at, qrText: row.qr_text }));
        if (hex !== row.leaf_hash) problems.push(`leaf ${row.log_index} (${row.certificate_no} v${row.version}) does not match its stored hash`);
        recomputed.push(hex);
      }
      if (rows.length < 5000) break;
      after = rows.at(-1)!.log_index;
    }
    const verifiers = this.keys.publicKeys(LOG_KEY_NAME).map((k) => noteVerifier(this.origin, k.publicKey));
    const stored = await certs.checkpoints(this.db);
    const cache = new SubtreeCache({});
    for (const cp of stored) {
      const verdict = verifyCheckpoint(cp.signed_note, { origin: this.origin, verifiers });
      if (!verdict.ok) problems.push(`checkpoint at size ${cp.tree_size}: ${verdict.reason}`);
      if (cp.tree_size > recomputed.size) {
        problems.push(`checkpoint at size ${cp.tree_size} is beyond the log's ${recomputed.size} leaves`);
        continue;
      }
      const root = Buffer.from(rootHash(recomputed, cp.tree_size, cache)).toString('hex');
      const signedRoot = verdict.ok ? Buffer.from(verdict.checkpoint.rootHash).toString('hex') : root;
      if (root !== cp.root_hash || root !== signedRoot) problems.push(`checkpoint at size ${cp.tree_size} does not match the recomputed root`);
    }
    return { ok: problems.length === 0, leaves: recomputed.size, checkpoints: stored.length, problems };
  }
}
