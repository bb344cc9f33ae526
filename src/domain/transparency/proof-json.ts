// Proofs as JSON, in the shape of the transparency-dev/merkle test vectors (hashes in standard
// base64): inclusion {leafIdx, treeSize, leafHash, root, proof} and consistency
// {size1, size2, root1, root2, proof}. What an auditor hands to `jiliang log check-proof`.
// Other members (the vectors' desc, wantErr) are ignored.
import { fieldError, validationError, type FieldError } from '../errors.ts';
import { fromBase64 } from './base64.ts';
import { consistencyProblem, type ConsistencyClaim } from './consistency-proof.ts';
import { inclusionProblem, type InclusionClaim } from './inclusion-proof.ts';

export type ProofDocument =
  | { readonly kind: 'inclusion'; readonly claim: InclusionClaim }
  | { readonly kind: 'consistency'; readonly claim: ConsistencyClaim };

export type ProofVerdict =
  | { valid: boolean; kind: 'inclusion'; leafIndex: number; treeSize: number; proofLength: number; reason?: string }
  | { valid: boolean; kind: 'consistency'; size1: number; size2: number; proofLength: number; reason?: string };

const INCLUSION_FIELDS = ['leafIdx', 'treeSize', 'leafHash', 'root'] as const;
const CONSISTENCY_FIELDS = ['size1', 'size2', 'root1', 'root2'] as const;

/**
 * Reads a proof document; throws JL_ERR_VALIDATION when it is neither kind or a member has the wrong
 * type. Values that are well-formed but wrong (a 9-byte root, an index past the tree, a uint64 too
 * large for a double) are left for the verifier to reject.
 */
export function parseProofJson(value: unknown): ProofDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw validationError([fieldError('', 'wrong_type', 'expected a JSON object')]);
  const o = value as Record<string, unknown>;
  const inclusion = INCLUSION_FIELDS.some((k) => k in o);
  const consistency = CONSISTENCY_FIELDS.some((k) => k in o);
  if (inclusion === consistency) {
    throw validationError([fieldError('', 'conflicting_fields', 'expected the members of an inclusion proof (leafIdx, treeSize, leafHash, root, proof) or of a consistency proof (size1, size2, root1, root2, proof)')]);
  }
  const errors: FieldError[] = [];
  if (inclusion) {
    const claim = { leafIndex: count(o, 'leafIdx', errors), treeSize: count(o, 'treeSize', errors), leafHash: hash(o, 'leafHash', errors), root: hash(o, 'root', errors), proof: hashList(o, errors) };
    if (errors.length) throw validationError(errors);
    return { kind: 'inclusion', claim };
  }
  const claim = { size1: count(o, 'size1', errors), size2: count(o, 'size2', errors), root1: hash(o, 'root1', errors), root2: hash(o, 'root2', errors), proof: hashList(o, errors) };
  if (errors.length) throw validationError(errors);
  return { kind: 'consistency', claim };
}

export function checkProof(document: ProofDocument): ProofVerdict {
  if (document.kind === 'inclusion') {
    const { leafIndex, treeSize, proof } = document.claim;
    return verdict({ kind: 'inclusion', leafIndex, treeSize, proofLength: proof.length }, inclusionProblem(document.claim));
  }
  const { size1, size2, proof } = document.claim;
  return verdict({ kind: 'consistency', size1, size2, proofLength: proof.length }, consistencyProblem(document.claim));
}

function verdict<T extends object>(facts: T, problem: string | null): T & { valid: boolean; reason?: string } {
  return { valid: problem === null, ...facts, ...(problem === null ? {} : { reason: problem }) };
}

/** A JSON number that is a non-negative integer (uint64 in the source format). */
function count(o: Record<string, unknown>, key: string, errors: FieldError[]): number {
  const v = o[key];
  if (v === undefined) errors.push(fieldError(`/${key}`, 'required'));
  else if (typeof v !== 'number' || !Number.isInteger(v)) errors.push(fieldError(`/${key}`, 'wrong_type', 'expected an integer'));
  else if (v < 0) errors.push(fieldError(`/${key}`, 'out_of_range', 'expected an unsigned integer'));
  else return v;
  return 0;
}

function hash(o: Record<string, unknown>, key: string, errors: FieldError[]): Uint8Array {
  return base64At(o[key], `/${key}`, errors);
}

/** `proof` is an array of base64 strings; null (as Go marshals an empty slice) means no elements. */
function hashList(o: Record<string, unknown>, errors: FieldError[]): Uint8Array[] {
  const v = o.proof;
  if (v === undefined) {
    errors.push(fieldError('/proof', 'required'));
    return [];
  }
  if (v === null) return [];
  if (!Array.isArray(v)) {
    errors.push(fieldError('/proof', 'wrong_type', 'expected an array of base64 strings or null'));
    return [];
  }
  return v.map((item, i) => base64At(item, `/proof/${i}`, errors));
}

function base64At(v: unknown, pointer: string, errors: FieldError[]): Uint8Array {
  if (v === undefined) errors.push(fieldError(pointer, 'required'));
  else if (typeof v !== 'string') errors.push(fieldError(pointer, 'wrong_type', 'expected a base64 string'));
  else {
    const bytes = fromBase64(v);
    if (bytes) return bytes;
    errors.push(fieldError(pointer, 'invalid_format', 'expected standard base64 (RFC 4648 §4)'));
  }
  return new Uint8Array(0);
}
