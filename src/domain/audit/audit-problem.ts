// What `audit verify` can find wrong with the log, one kind per way history can be altered.

export type AuditProblemKind =
  /** the first entry is not seq 1: the head of the log was removed */
  | 'seq_start'
  /** seq jumps: entries were deleted from the middle */
  | 'seq_gap'
  /** an entry's prev_hash is not its predecessor's hash: an entry before it was rewritten, removed or inserted */
  | 'prev_hash_mismatch'
  /** an entry's stored hash is not the hash of its fields: the entry was edited */
  | 'hash_mismatch'
  /** a checkpoint's head hash differs from the entry at its seq (or that entry is gone) */
  | 'checkpoint_mismatch'
  /** a checkpoint names a seq past the end of the log: the tail was truncated */
  | 'checkpoint_beyond_end'
  /** a checkpoint's signature does not verify under its key */
  | 'checkpoint_signature'
  /** a checkpoint names a key that is not in the key directory */
  | 'checkpoint_unknown_key'
  /** a checkpoint in the witness file outside the database is missing from the database */
  | 'witness_missing'
  /** a witness checkpoint differs from the database's checkpoint at the same seq */
  | 'witness_mismatch'
  /** a line of the witness file cannot be read as a checkpoint */
  | 'witness_malformed';

export interface AuditProblem {
  readonly kind: AuditProblemKind;
  /** the entry or checkpoint seq concerned; null when there is none (a malformed witness line) */
  readonly seq: number | null;
  readonly message: string;
}

export interface AuditVerdict {
  /** true when no problem was found */
  readonly ok: boolean;
  /** entries read */
  readonly entries: number;
  /** checkpoints in the database */
  readonly checkpoints: number;
  /** checkpoints in the witness file */
  readonly witnessed: number;
  /** seq of the last entry, 0 when the log is empty */
  readonly lastSeq: number;
  /** the first problems found, in seq order */
  readonly problems: readonly AuditProblem[];
  /** problems found beyond those listed (a log rewritten wholesale would otherwise fill memory) */
  readonly problemsOmitted: number;
}
