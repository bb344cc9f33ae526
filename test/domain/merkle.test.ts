// The RFC 6962 / RFC 9162 Merkle tree library against the transparency-dev/merkle vectors in
// ../shared/testdata/merkle (read in place), a naive transcription of RFC 6962 §2.1, property tests,
// and C2SP checkpoints / signed notes (including Go sumdb/note's published example).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { AppError } from '../../src/domain/errors.ts';
import { fromBase64, toBase64 } from '../../src/domain/transparency/base64.ts';
import { formatCheckpoint, parseCheckpoint, signCheckpoint, verifyCheckpoint, type Checkpoint } from '../../src/domain/transparency/checkpoint.ts';
import { consistencyProof, consistencyProblem, verifyConsistency, type ConsistencyClaim } from '../../src/domain/transparency/consistency-proof.ts';
import { emptyRoot, leafHash, nodeHash } from '../../src/domain/transparency/hash.ts';
import { inclusionProof, verifyInclusion, type InclusionClaim } from '../../src/domain/transparency/inclusion-proof.ts';
import { leafHashesOf, packedLeafHashes, type LeafHashes } from '../../src/domain/transparency/leaf-hashes.ts';
import { checkProof, parseProofJson } from '../../src/domain/transparency/proof-json.ts';
import {
  formatNote, formatVerifierKey, noteSigner, noteVerifier, openNote, parseNote, parseVerifierKey, signNote,
} from '../../src/domain/transparency/signed-note.ts';
import { SubtreeCache } from '../../src/domain/transparency/subtree-cache.ts';
import { rootHash, subtreeHash } from '../../src/domain/transparency/tree-hash.ts';

const VECTORS = fileURLToPath(new URL('../../../shared/testdata/merkle/', import.meta.url));

interface VectorFile { readonly path: string; readonly json: Record<string, unknown> }

function vectorFiles(kind: 'inclusion' | 'consistency'): VectorFile[] {
  const root = join(VECTORS, kind);
  return readdirSync(root).sort().flatMap((dir) =>
    readdirSync(join(root, dir)).filter((f) => f.endsWith('.json')).sort().map((f) => {
      const path = join(root, dir, f);
      return { path: `${kind}/${dir}/${f}`, json: JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> };
    }));
}

const roots = JSON.parse(readFileSync(join(VECTORS, 'roots.json'), 'utf8')) as { leafInputsHex: string[]; rootHashesHex: string[] };
const b64 = (s: unknown): Uint8Array => fromBase64(s as string)!;
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const b64list = (v: unknown): Uint8Array[] => ((v as string[] | null) ?? []).map(b64);

/** The vector leaves, then deterministic filler so trees can grow past 8. */
function leafData(count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) =>
    i < roots.leafInputsHex.length ? Buffer.from(roots.leafInputsHex[i]!, 'hex') : Buffer.from(`leaf ${i}`));
}
const LEAVES_64 = leafHashesOf(leafData(64).map(leafHash));

// RFC 6962 §2.1 written out as recursion over arrays: slow and obviously right, to check the
// cached, iterative generators against.
function mth(d: readonly Uint8Array[]): Uint8Array {
  if (d.length === 0) return emptyRoot();
  if (d.length === 1) return d[0]!;
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return nodeHash(mth(d.slice(0, k)), mth(d.slice(k)));
}
function path(m: number, d: readonly Uint8Array[]): Uint8Array[] {
  if (d.length <= 1) return [];
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return m < k ? [...path(m, d.slice(0, k)), mth(d.slice(k))] : [...path(m - k, d.slice(k)), mth(d.slice(0, k))];
}
function subproof(m: number, d: readonly Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) return b ? [] : [mth(d)];
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return m <= k ? [...subproof(m, d.slice(0, k), b), mth(d.slice(k))] : [...subproof(m - k, d.slice(k), false), mth(d.slice(0, k))];
}
const allHashes = (leaves: LeafHashes): Uint8Array[] => Array.from({ length: leaves.size }, (_, i) => leaves.get(i));

function inclusionClaimOf(json: Record<string, unknown>): InclusionClaim {
  return { leafIndex: json.leafIdx as number, treeSize: json.treeSize as number, leafHash: b64(json.leafHash), root: b64(json.root), proof: b64list(json.proof) };
}
function consistencyClaimOf(json: Record<string, unknown>): ConsistencyClaim {
  return { size1: json.size1 as number, size2: json.size2 as number, root1: b64(json.root1), root2: b64(json.root2), proof: b64list(json.proof) };
}

// ── hashing and roots ────────────────────────────────────────────────────────────────────────────

test('roots.json: the root of the first n leaves, n = 0..8, with and without a cache', () => {
  const leaves = leafHashesOf(roots.leafInputsHex.map((h) => leafHash(Buffer.from(h, 'hex'))));
  const cache = new SubtreeCache();
  assert.equal(roots.rootHashesHex.length, 9);
  roots.rootHashesHex.forEach((want, n) => {
    assert.equal(hex(rootHash(leaves, n)), want, `size ${n}`);
    assert.equal(hex(rootHash(leaves, n, cache)), want, `size ${n} (cached)`);
  });
  assert.equal(hex(emptyRoot()), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(hex(leafHash(new Uint8Array(0))), roots.rootHashesHex[1]);
});

test('roots, subtrees and generated proofs agree with the RFC 6962 recursion up to 64 leaves, with every cache setting', () => {
  const d = allHashes(LEAVES_64);
  const caches = [undefined, new SubtreeCache(), new SubtreeCache({ minLevel: 3 })];
  for (let n = 0; n <= 64; n++) {
    const want = hex(mth(d.slice(0, n)));
    for (const cache of caches) assert.equal(hex(rootHash(LEAVES_64, n, cache)), want, `root ${n}`);
  }
  for (let a = 0; a < 64; a++) for (let b = a + 1; b <= 64; b++) assert.equal(hex(subtreeHash(LEAVES_64, a, b, caches[1])), hex(mth(d.slice(a, b))));
  for (let n = 1; n <= 64; n++) {
    for (let m = 0; m < n; m++) {
      const want = path(m, d.slice(0, n)).map(hex);
      for (const cache of caches) assert.deepEqual(inclusionProof(LEAVES_64, m, n, cache).map(hex), want, `PATH(${m}, ${n})`);
    }
    for (let m = 1; m < n; m++) {
      const want = subproof(m, d.slice(0, n), true).map(hex);
      for (const cache of caches) assert.deepEqual(consistencyProof(LEAVES_64, m, n, cache).map(hex), want, `PROOF(${m}, ${n})`);
    }
  }
});

test('packed leaf hashes give the same tree', () => {
  const packed = new Uint8Array(64 * 32);
  for (let i = 0; i < 64; i++) packed.set(LEAVES_64.get(i), i * 32);
  assert.equal(hex(rootHash(packedLeafHashes(packed))), hex(rootHash(LEAVES_64)));
  assert.throws(() => packedLeafHashes(new Uint8Array(33)), RangeError);
});

test('generation rejects sizes and indices outside the source', () => {
  assert.throws(() => rootHash(LEAVES_64, 65), RangeError);
  assert.throws(() => rootHash(LEAVES_64, -1), RangeError);
  assert.throws(() => inclusionProof(LEAVES_64, 8, 8), RangeError);
  assert.throws(() => inclusionProof(LEAVES_64, 0, 0), RangeError);
  assert.throws(() => inclusionProof(LEAVES_64, 0.5, 8), RangeError);
  assert.throws(() => consistencyProof(LEAVES_64, 9, 8), RangeError);
  assert.throws(() => consistencyProof(LEAVES_64, 1, 65), RangeError);
  assert.throws(() => subtreeHash(LEAVES_64, 3, 3), RangeError);
  assert.throws(() => rootHash({ size: 2, get: () => new Uint8Array(31) }), /32-byte/);
  assert.deepEqual(consistencyProof(LEAVES_64, 0, 8), []);
  assert.deepEqual(consistencyProof(LEAVES_64, 8, 8), []);
});

// ── the vectors ──────────────────────────────────────────────────────────────────────────────────

const inclusionVectors = vectorFiles('inclusion');
const consistencyVectors = vectorFiles('consistency');

test('the vector set is all there', () => {
  assert.equal(inclusionVectors.length, 53);
  assert.equal(consistencyVectors.length, 43);
  assert.ok(inclusionVectors.some((v) => v.json.wantErr === false) && inclusionVectors.some((v) => v.json.wantErr === true));
  assert.ok(consistencyVectors.some((v) => v.json.wantErr === false) && consistencyVectors.some((v) => v.json.wantErr === true));
});

test('inclusion vectors: happy paths verify, every wantErr case is rejected', () => {
  for (const { path: file, json } of inclusionVectors) {
    assert.equal(verifyInclusion(inclusionClaimOf(json)), json.wantErr === false, file);
    const verdict = checkProof(parseProofJson(json));
    assert.equal(verdict.kind, 'inclusion', file);
    assert.equal(verdict.valid, json.wantErr === false, file);
    if (!verdict.valid) assert.equal(typeof verdict.reason, 'string', file);
  }
});

test('consistency vectors: happy paths verify, every wantErr case is rejected', () => {
  for (const { path: file, json } of consistencyVectors) {
    assert.equal(verifyConsistency(consistencyClaimOf(json)), json.wantErr === false, file);
    const verdict = checkProof(parseProofJson(json));
    assert.equal(verdict.kind, 'consistency', file);
    assert.equal(verdict.valid, json.wantErr === false, file);
  }
});

test('generated proofs equal the valid vectors where they overlap (the vector leaves are the first 8)', () => {
  let compared = 0;
  for (const { path: file, json } of inclusionVectors.filter((v) => v.json.wantErr === false)) {
    const c = inclusionClaimOf(json);
    if (c.treeSize > 8 || hex(c.leafHash) !== hex(LEAVES_64.get(c.leafIndex))) continue; // single-entry vectors use their own leaf
    assert.deepEqual(inclusionProof(LEAVES_64, c.leafIndex, c.treeSize).map(hex), c.proof.map(hex), file);
    assert.equal(hex(rootHash(LEAVES_64, c.treeSize)), hex(c.root), file);
    compared++;
  }
  for (const { path: file, json } of consistencyVectors.filter((v) => v.json.wantErr === false)) {
    const c = consistencyClaimOf(json);
    assert.deepEqual(consistencyProof(LEAVES_64, c.size1, c.size2).map(hex), c.proof.map(hex), file);
    assert.equal(hex(rootHash(LEAVES_64, c.size1)), hex(c.root1), file);
    assert.equal(hex(rootHash(LEAVES_64, c.size2)), hex(c.root2), file);
    compared++;
  }
  assert.equal(compared, 6);
});

test('every generated proof up to 64 leaves verifies, and fails for another index or swapped roots', () => {
  const rootAt = Array.from({ length: 65 }, (_, n) => rootHash(LEAVES_64, n));
  for (let n = 1; n <= 64; n++) {
    for (let m = 0; m < n; m++) {
      const claim = { leafIndex: m, treeSize: n, leafHash: LEAVES_64.get(m), proof: inclusionProof(LEAVES_64, m, n), root: rootAt[n]! };
      assert.ok(verifyInclusion(claim), `inclusion ${m} in ${n}`);
      if (n > 1) assert.ok(!verifyInclusion({ ...claim, leafIndex: (m + 1) % n }), `inclusion ${m} in ${n} at another index`);
    }
    for (let m = 0; m <= n; m++) {
      const claim = { size1: m, size2: n, root1: rootAt[m]!, root2: rootAt[n]!, proof: consistencyProof(LEAVES_64, m, n) };
      assert.ok(verifyConsistency(claim), `consistency ${m} → ${n}`);
      if (m > 0 && m < n) {
        assert.ok(!verifyConsistency({ ...claim, root1: rootAt[n]!, root2: rootAt[m]! }), `consistency ${m} → ${n} swapped`);
      }
    }
  }
  assert.equal(consistencyProblem({ size1: 0, size2: 5, root1: new Uint8Array(32), root2: rootAt[5]!, proof: [] }), 'root1 is not the empty-tree root');
  assert.equal(consistencyProblem({ size1: 5, size2: 3, root1: rootAt[5]!, root2: rootAt[3]!, proof: [] }), 'size1 is larger than size2');
});

// ── the cache ────────────────────────────────────────────────────────────────────────────────────

test('a warm cache makes proofs cost O(log n) node hashes, and a growing log reuses it', () => {
  const n = 5000;
  const leaves = leafHashesOf(Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`entry ${i}`))));
  const cache = new SubtreeCache();
  const root = rootHash(leaves, n, cache);
  assert.ok(cache.stats.nodeHashes >= n - 1 && cache.stats.nodeHashes < n + 20, `cold root: ${cache.stats.nodeHashes} hashes`);
  assert.ok(cache.stats.entries < n, `${cache.stats.entries} cached subtrees`);
  let worst = 0;
  for (const m of [0, 1, 2047, 2048, 4095, 4096, 4999]) {
    const before = cache.stats.nodeHashes;
    const proof = inclusionProof(leaves, m, n, cache);
    worst = Math.max(worst, cache.stats.nodeHashes - before);
    assert.ok(verifyInclusion({ leafIndex: m, treeSize: n, leafHash: leaves.get(m), proof, root }));
  }
  assert.ok(worst <= 2 * Math.ceil(Math.log2(n)), `warm inclusion proof computed ${worst} hashes`);
  const before = cache.stats.nodeHashes;
  const earlier = rootHash(leaves, 3001, cache);
  const proof = consistencyProof(leaves, 3001, n, cache);
  assert.ok(cache.stats.nodeHashes - before <= 4 * Math.ceil(Math.log2(n)), `warm consistency proof computed ${cache.stats.nodeHashes - before} hashes`);
  assert.ok(verifyConsistency({ size1: 3001, size2: n, root1: earlier, root2: root, proof }));

  // Proofs handed out are copies: scribbling on one leaves the cache intact.
  inclusionProof(leaves, 0, n, cache).forEach((h) => h.fill(0));
  assert.equal(hex(rootHash(leaves, n, cache)), hex(root));

  const sparse = new SubtreeCache({ minLevel: 4 });
  assert.equal(hex(rootHash(leaves, n, sparse)), hex(root));
  assert.ok(sparse.stats.entries < n / 8, `minLevel 4 keeps ${sparse.stats.entries} subtrees`);
  assert.throws(() => new SubtreeCache({ minLevel: 0 }), RangeError);
});

// ── properties ───────────────────────────────────────────────────────────────────────────────────

const treeArb = fc.array(fc.uint8Array({ maxLength: 12 }), { minLength: 1, maxLength: 150 }).map((data) => leafHashesOf(data.map(leafHash)));
const flip = (bytes: Uint8Array, bit: number): Uint8Array => {
  const out = Uint8Array.from(bytes);
  out[bit >> 3] = out[bit >> 3]! ^ (1 << (bit & 7));
  return out;
};

test('property: inclusion proofs of random trees verify; any single-bit flip in proof, root or leaf is rejected', () => {
  fc.assert(
    fc.property(treeArb, fc.nat(), fc.nat(), fc.nat(), fc.nat({ max: 255 }), (leaves, a, b, which, bit) => {
      const treeSize = 1 + (a % leaves.size);
      const leafIndex = b % treeSize;
      const claim: InclusionClaim = { leafIndex, treeSize, leafHash: leaves.get(leafIndex), proof: inclusionProof(leaves, leafIndex, treeSize, new SubtreeCache()), root: rootHash(leaves, treeSize) };
      assert.ok(verifyInclusion(claim));
      const target = which % (claim.proof.length + 2);
      const tampered: InclusionClaim =
        target === claim.proof.length ? { ...claim, root: flip(claim.root, bit) }
        : target === claim.proof.length + 1 ? { ...claim, leafHash: flip(claim.leafHash, bit) }
        : { ...claim, proof: claim.proof.map((p, i) => (i === target ? flip(p, bit) : p)) };
      assert.ok(!verifyInclusion(tampered));
    }),
    { numRuns: 300 },
  );
});

test('property: consistency proofs of random trees verify; any single-bit flip in proof or either root is rejected', () => {
  fc.assert(
    fc.property(treeArb, fc.nat(), fc.nat(), fc.nat(), fc.nat({ max: 255 }), (leaves, a, b, which, bit) => {
      const size2 = 1 + (a % leaves.size);
      const size1 = 1 + (b % size2); // from the empty tree anything is consistent, so start at 1
      const claim: ConsistencyClaim = { size1, size2, root1: rootHash(leaves, size1), root2: rootHash(leaves, size2), proof: consistencyProof(leaves, size1, size2) };
      assert.ok(verifyConsistency(claim));
      const target = which % (claim.proof.length + 2);
      const tampered: ConsistencyClaim =
        target === claim.proof.length ? { ...claim, root1: flip(claim.root1, bit) }
        : target === claim.proof.length + 1 ? { ...claim, root2: flip(claim.root2, bit) }
        : { ...claim, proof: claim.proof.map((p, i) => (i === target ? flip(p, bit) : p)) };
      assert.ok(!verifyConsistency(tampered));
    }),
    { numRuns: 300 },
  );
});

test('every single-bit flip of a 13-leaf inclusion proof and of a 6→13 consistency proof is rejected', () => {
  const claim: InclusionClaim = { leafIndex: 5, treeSize: 13, leafHash: LEAVES_64.get(5), proof: inclusionProof(LEAVES_64, 5, 13), root: rootHash(LEAVES_64, 13) };
  const parts: (keyof InclusionClaim)[] = ['leafHash', 'root'];
  for (let bit = 0; bit < 256; bit++) {
    for (const part of parts) assert.ok(!verifyInclusion({ ...claim, [part]: flip(claim[part] as Uint8Array, bit) }));
    claim.proof.forEach((_, i) => assert.ok(!verifyInclusion({ ...claim, proof: claim.proof.map((p, j) => (i === j ? flip(p, bit) : p)) })));
  }
  const cc: ConsistencyClaim = { size1: 6, size2: 13, root1: rootHash(LEAVES_64, 6), root2: rootHash(LEAVES_64, 13), proof: consistencyProof(LEAVES_64, 6, 13) };
  for (let bit = 0; bit < 256; bit++) {
    assert.ok(!verifyConsistency({ ...cc, root1: flip(cc.root1, bit) }));
    assert.ok(!verifyConsistency({ ...cc, root2: flip(cc.root2, bit) }));
    cc.proof.forEach((_, i) => assert.ok(!verifyConsistency({ ...cc, proof: cc.proof.map((p, j) => (i === j ? flip(p, bit) : p)) })));
  }
});

// ── proof JSON ───────────────────────────────────────────────────────────────────────────────────

test('proof JSON: malformed documents are validation errors, wrong values are invalid verdicts', () => {
  const invalid = (value: unknown, pointer: string) => {
    assert.throws(() => parseProofJson(value), (e: unknown) => e instanceof AppError && e.code === 'JL_ERR_VALIDATION' && e.errors.some((f) => f.pointer === pointer));
  };
  invalid([], '');
  invalid({ desc: 'neither kind' }, '');
  invalid({ leafIdx: 0, size1: 1 }, '');
  invalid({ leafIdx: 0, treeSize: 1, leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=', root: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=' }, '/proof');
  invalid({ leafIdx: -1, treeSize: 1, leafHash: '', root: '', proof: [] }, '/leafIdx');
  invalid({ leafIdx: '0', treeSize: 1, leafHash: '', root: '', proof: [] }, '/leafIdx');
  invalid({ leafIdx: 0, treeSize: 1, leafHash: 'not base64!', root: '', proof: [] }, '/leafHash');
  invalid({ leafIdx: 0, treeSize: 1, leafHash: '', root: '', proof: ['bjQL-_'] }, '/proof/0');
  invalid({ size1: 1, size2: 2, root1: '', root2: '', proof: 'x' }, '/proof');
  const tooBig = checkProof(parseProofJson({ leafIdx: 2 ** 64, treeSize: 8, leafHash: toBase64(new Uint8Array(32)), root: toBase64(new Uint8Array(32)), proof: null }));
  assert.deepEqual(tooBig, { valid: false, kind: 'inclusion', leafIndex: 2 ** 64, treeSize: 8, proofLength: 0, reason: 'leaf index is outside the tree' });
});

test('strict base64: one spelling per byte string', () => {
  assert.deepEqual(fromBase64(''), new Uint8Array(0));
  assert.equal(hex(fromBase64('AAE=')!), '0001');
  for (const bad of ['AAE', 'AAF=', 'AA==AA==', 'AAE=\n', ' AAE=', 'AA-_', 'A===']) assert.equal(fromBase64(bad), null, bad);
});

// ── signed notes and checkpoints ─────────────────────────────────────────────────────────────────

test('signed note: Go sumdb/note example key ID, verifier key and signature are reproduced exactly', () => {
  // From the documentation of golang.org/x/mod/sumdb/note (signer key PRIVATE+KEY+PeterNeumann+c74f20a3+…).
  const seed = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
  const privateKey = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
  const signer = noteSigner('PeterNeumann', privateKey);
  assert.equal(signer.keyId, 0xc74f20a3);
  const vkey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
  assert.equal(formatVerifierKey(noteVerifier('PeterNeumann', createPublicKey(privateKey))), vkey);
  const text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
  const signed = signNote(text, [signer]);
  assert.equal(signed, `${text}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`);
  const opened = openNote(signed, [parseVerifierKey(vkey)]);
  assert.ok(opened.ok);
  assert.equal(opened.text, text);
  assert.throws(() => parseVerifierKey('PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'), SyntaxError);
});

test('signed note: syntax, unknown keys ignored, a failing known key rejects the note', () => {
  const a = generateKeyPairSync('ed25519');
  const b = generateKeyPairSync('ed25519');
  const signerA = noteSigner('log.example/a', a.privateKey);
  const signerB = noteSigner('witness.example/b', b.privateKey);
  const verifierA = noteVerifier('log.example/a', a.publicKey);
  const verifierB = noteVerifier('witness.example/b', b.publicKey);
  const text = 'hello\n\nwith a blank line inside\n';
  const signed = signNote(text, [signerA, signerB]);
  assert.equal(parseNote(signed).text, text);
  assert.equal(parseNote(Buffer.from(signed)).signatures.length, 2);
  assert.equal(formatNote(parseNote(signed)), signed);
  assert.ok(openNote(signed, [verifierA]).ok);
  assert.deepEqual(openNote(signed, [verifierA, verifierB]), { ok: true, text, verifiedBy: [{ name: 'log.example/a', keyId: signerA.keyId }, { name: 'witness.example/b', keyId: signerB.keyId }] });
  assert.deepEqual(openNote(signed, []), { ok: false, reason: 'no signature from a trusted key' });
  // Same name, other key: unknown, so ignored — and with nothing else trusted, rejected.
  assert.equal(openNote(signed, [noteVerifier('log.example/a', b.publicKey)]).ok, false);
  // A known key whose signature fails rejects the note even though another trusted key signed it.
  const forged = signed.replace(/— log\.example\/a (\S+)/, (_, sig: string) => `— log.example/a ${toBase64(flip(fromBase64(sig)!, 100))}`);
  assert.equal(openNote(forged, [verifierA, verifierB]).ok, false);
  for (const bad of ['no signatures\n', 'text\n\n', 'text\n\n— log.example/a\n', 'text\n\n- log.example/a AAAAAAA=\n', 'text\n\n— a+b AAAAAAA=\n', 'te\u0007xt\n\n— a AAAAAAA=\n', 'text\n\n— a AAAAAAA=']) {
    assert.throws(() => parseNote(bad), SyntaxError, JSON.stringify(bad));
  }
  assert.throws(() => parseNote(new Uint8Array([0x74, 0xff, 0x0a, 0x0a])), /UTF-8/);
  assert.throws(() => signNote('no final newline', [signerA]), TypeError);
  assert.throws(() => signNote('x\n', []), TypeError);
  assert.throws(() => noteSigner('has space', a.privateKey), TypeError);
  assert.throws(() => noteSigner('rsa', generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey), TypeError);
});

test('checkpoint: format, round trip, tampering and unknown keys', () => {
  const origin = 'jiliang.example/certificates';
  const log = generateKeyPairSync('ed25519');
  const signer = noteSigner(origin, log.privateKey);
  const verifiers = [noteVerifier(origin, log.publicKey)];
  const checkpoint: Checkpoint = { origin, size: 8, rootHash: rootHash(LEAVES_64, 8) };
  const text = formatCheckpoint(checkpoint);
  assert.equal(text, `${origin}\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n`);
  assert.deepEqual(parseCheckpoint(text), checkpoint);
  assert.deepEqual(parseCheckpoint(`${text}ext one\n`), { ...checkpoint, extensions: ['ext one'] });

  const signed = signCheckpoint(checkpoint, signer);
  assert.ok(signed.startsWith(`${text}\n— ${origin} `));
  assert.match(signed.slice(text.length + 1), /^— \S+ [A-Za-z0-9+/]{91}=\n$/); // base64 of key ID (4) ‖ Ed25519 signature (64)
  const verdict = verifyCheckpoint(signed, { origin, verifiers });
  assert.ok(verdict.ok);
  assert.deepEqual(verdict.checkpoint, checkpoint);
  const empty = verifyCheckpoint(signCheckpoint({ origin, size: 0, rootHash: emptyRoot() }, [signer]), { origin, verifiers });
  assert.ok(empty.ok && empty.checkpoint.size === 0);

  const tampered = {
    size: signed.replace('\n8\n', '\n9\n'),
    root: signed.replace('XcnaeacG', 'XcnaeacH'),
    origin: signed.replace(`${origin}\n`, 'jiliang.example/other\n'),
    signature: signed.replace(/ (\S+)\n$/, (_, sig: string) => ` ${toBase64(flip(fromBase64(sig)!, 200))}\n`),
    keyId: signed.replace(/ (\S+)\n$/, (_, sig: string) => ` ${toBase64(flip(fromBase64(sig)!, 3))}\n`),
    extension: signed.replace('\n\n', '\nextra\n\n'),
  };
  for (const [what, note] of Object.entries(tampered)) assert.equal(verifyCheckpoint(note, { origin, verifiers }).ok, false, what);

  const stranger = generateKeyPairSync('ed25519');
  assert.equal(verifyCheckpoint(signed, { origin, verifiers: [noteVerifier(origin, stranger.publicKey)] }).ok, false);
  assert.equal(verifyCheckpoint(signCheckpoint(checkpoint, noteSigner(origin, stranger.privateKey)), { origin, verifiers }).ok, false);
  // A trusted key signing another log's checkpoint does not make it this log's.
  const other = signCheckpoint({ ...checkpoint, origin: 'jiliang.example/other' }, signer);
  assert.deepEqual(verifyCheckpoint(other, { origin, verifiers }), { ok: false, reason: 'checkpoint is from "jiliang.example/other", not "jiliang.example/certificates"' });

  for (const bad of ['o\n8\n', 'o\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n', 'o\n-1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n', 'o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQ==\n', '\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n', 'o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n', 'o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=']) {
    assert.throws(() => parseCheckpoint(bad), SyntaxError, JSON.stringify(bad));
  }
  assert.throws(() => formatCheckpoint({ ...checkpoint, rootHash: new Uint8Array(31) }), TypeError);
  assert.throws(() => formatCheckpoint({ ...checkpoint, origin: 'two\nlines' }), TypeError);

  // The example in c2sp.org/tlog-checkpoint parses (its key is not published, so it cannot verify).
  const example = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n';
  const note = parseNote(example);
  assert.equal(parseCheckpoint(note.text).size, 20852163);
  assert.equal(note.signatures[0]!.keyId, 0x033de0ae);
  assert.equal(note.signatures[0]!.signature.length, 64);
});

test('verifier keys whose base64 contains "+" round-trip (split at the first two separators only)', () => {
  let found = 0;
  for (let i = 0; i < 200 && found < 3; i++) {
    const { publicKey } = generateKeyPairSync('ed25519');
    const vkey = formatVerifierKey(noteVerifier('example.com/log', publicKey));
    if (!vkey.split('+').slice(2).join('+').includes('+')) continue;
    found++;
    assert.equal(parseVerifierKey(vkey).keyId, noteVerifier('example.com/log', publicKey).keyId);
  }
  assert.ok(found > 0, 'no key with "+" in its base64 among 200');
});
