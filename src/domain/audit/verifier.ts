// Recomputes the chain and checks the checkpoints against it. Entries are fed in seq order, one at
// a time, so a log of millions is verified in constant memory (checkpoints are few and held).
import type { KeyObject } from 'node:crypto';
import type { AuditProblem, AuditProblemKind, AuditVerdict } from './audit-problem.ts';
import { GENESIS_HASH, recomputeHash, type ChainedEntry } from './chain.ts';
import { checkpointSignatureValid, parseWitnessLine, sameCheckpoint, type SignedCheckpoint } from './checkpoint.ts';

export interface VerifierInputs {
  /** checkpoints stored in the database */
  readonly checkpoints: readonly SignedCheckpoint[];
  /** lines of the witness file kept outside the database */
  readonly witnessLines: readonly string[];
  /** trusted checkpoint keys by key id */
  readonly keys: ReadonlyMap<string, KeyObject>;
  /** problems kept in the verdict (default 1000); the rest are only counted */
  readonly problemLimit?: number;
}

export class AuditLogVerifier {
  private readonly problems: AuditProblem[] = [];
  private readonly limit: number;
  private omitted = 0;
  private entries = 0;
  private last: { seq: number; hash: string } | null = null;
  /** checkpoints not yet matched with the entry at their seq */
  private readonly pending = new Map<number, SignedCheckpoint[]>();
  private readonly checkpointCount: number;
  private witnessed = 0;

  constructor(inputs: VerifierInputs) {
    this.limit = inputs.problemLimit ?? 1000;
    this.checkpointCount = inputs.checkpoints.length;
    const stored = new Map(inputs.checkpoints.map((cp) => [cp.seq, cp]));
    const witnessOnly = new Map<number, SignedCheckpoint>();
    inputs.witnessLines.forEach((line, i) => {
      if (!line.trim()) return;
      const cp = parseWitnessLine(line);
      if (!cp) return this.add('witness_malformed', null, `witness line ${i + 1} is not a checkpoint`);
      this.witnessed++;
      const inDb = stored.get(cp.seq);
      if (!inDb && !witnessOnly.has(cp.seq)) {
        // Deleted from the database together with the tail: still checked against what is left.
        this.add('witness_missing', cp.seq, `checkpoint at seq ${cp.seq} is in the witness file but not in the database`);
        witnessOnly.set(cp.seq, cp);
      } else if (!sameCheckpoint(cp, inDb ?? witnessOnly.get(cp.seq)!)) {
        this.add('witness_mismatch', cp.seq, `checkpoint at seq ${cp.seq} differs from the witness file`);
      }
    });
    for (const cp of [...inputs.checkpoints, ...witnessOnly.values()]) {
      const key = inputs.keys.get(cp.keyId);
      if (!key) this.add('checkpoint_unknown_key', cp.seq, `checkpoint at seq ${cp.seq} is signed by unknown key ${cp.keyId}`);
      else if (!checkpointSignatureValid(cp, key)) this.add('checkpoint_signature', cp.seq, `checkpoint at seq ${cp.seq} has an invalid signature`);
      this.pending.set(cp.seq, [...(this.pending.get(cp.seq) ?? []), cp]);
    }
  }

  /** Feeds the next entry; entries must come in ascending seq order. */
  push(e: ChainedEntry): void {
    this.entries++;
    const expected = this.last ? this.last.seq + 1 : 1;
    if (e.seq !== expected) {
      if (!this.last) this.add('seq_start', e.seq, `the log starts at seq ${e.seq}; entries 1–${e.seq - 1} are missing`);
      else if (e.seq > expected) this.add('seq_gap', e.seq, `entries ${expected}–${e.seq - 1} are missing`);
      else this.add('seq_gap', e.seq, `seq ${e.seq} follows seq ${this.last.seq}`);
    }
    // Without entry seq-1 at the head there is nothing to compare the first prev_hash with.
    const expectedPrev = this.last ? this.last.hash : e.seq === 1 ? GENESIS_HASH : null;
    if (expectedPrev !== null && e.prevHash !== expectedPrev) {
      this.add('prev_hash_mismatch', e.seq, `entry ${e.seq} does not link to the entry before it`);
    }
    const hash = recomputeHash(e);
    if (hash !== e.hash) this.add('hash_mismatch', e.seq, hash === null ? `entry ${e.seq} has a detail that is not JSON` : `entry ${e.seq} does not match its hash`);
    for (const cp of this.pending.get(e.seq) ?? []) {
      if (cp.headHash !== e.hash) this.add('checkpoint_mismatch', e.seq, `checkpoint at seq ${e.seq} does not match entry ${e.seq}`);
    }
    this.pending.delete(e.seq);
    this.last = { seq: e.seq, hash: e.hash };
  }

  finish(): AuditVerdict {
    const lastSeq = this.last?.seq ?? 0;
    for (const [seq, cps] of this.pending) {
      for (const _cp of cps) {
        if (seq > lastSeq) this.add('checkpoint_beyond_end', seq, `checkpoint at seq ${seq} is past the end of the log (seq ${lastSeq}): the tail was removed`);
        else this.add('checkpoint_mismatch', seq, `checkpoint at seq ${seq} has no entry`);
      }
    }
    this.pending.clear();
    const problems = [...this.problems].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    return {
      ok: problems.length === 0 && this.omitted === 0,
      entries: this.entries,
      checkpoints: this.checkpointCount,
      witnessed: this.witnessed,
      lastSeq,
      problems,
      problemsOmitted: this.omitted,
    };
  }

  private add(kind: AuditProblemKind, seq: number | null, message: string): void {
    if (this.problems.length < this.limit) this.problems.push({ kind, seq, message });
    else this.omitted++;
  }
}

/** The whole verification over entries already in memory (tests, small logs). */
export function verifyChain(entries: Iterable<ChainedEntry>, inputs: VerifierInputs): AuditVerdict {
  const verifier = new AuditLogVerifier(inputs);
  for (const e of entries) verifier.push(e);
  return verifier.finish();
}
