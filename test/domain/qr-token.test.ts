// The certificate QR token (DESIGN §5): staged fixtures in the style of the EU DCC test data
// (test/fixtures/qr-token/staged.json, written once by generate.ts from RFC 8032 test key 1),
// recomputed and decoded stage by stage; tampering of every kind fails closed; random claims
// round-trip.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { verify as cryptoVerify, createPublicKey } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { Tag } from 'cbor2';
import { BASE45_ALPHABET, base45Decode, base45Encode } from '../../src/domain/certificates/qr-token/base45.ts';
import { adler32, zlibStore, zlibUnstore } from '../../src/domain/certificates/qr-token/zlib-stored.ts';
import { CLAIM_KEY, claimsFromMap, claimsToMap, qrClaimsFromDocument, type QrCertificateClaims } from '../../src/domain/certificates/qr-token/claims.ts';
import { cborDecode, cborEncode, coseSign1, parseCoseSign1, protectedHeader, sigStructure } from '../../src/domain/certificates/qr-token/cose.ts';
import {
  decodeQrToken,
  encodeQrToken,
  encodeQrTokenStages,
  ed25519PublicKeyFromRaw,
  qrKeysFromPublicKeys,
  qrTextForUrl,
  QrTokenError,
  tokenFromQrText,
  verifyQrToken,
  type QrTokenErrorCode,
  type QrTokenSigner,
  type QrVerifyResult,
} from '../../src/domain/certificates/qr-token/node.ts';
import { verifyQrToken as verifyQrTokenWith } from '../../src/domain/certificates/qr-token/token.ts';
import { composeUscc } from '../../src/domain/ids/uscc.ts';
import type { CertificateDocument } from '../../src/domain/certificates/certificate-document.ts';
import { qrSymbolInfo, renderQrPng, renderQrSvg } from '../../src/services/certificates/qr-image.ts';
import { KEY_A_SEED, KEY_B_SEED, privateKeyFromSeed, publicKeyRawFromSeed, signerFromSeed } from '../fixtures/qr-token/test-keys.ts';

interface StagedCase {
  TESTCTX: { DESCRIPTION: string; SEED: string; PUBLICKEY: string; KID: string };
  JSON: QrCertificateClaims;
  CBOR: string;
  PROTECTED: string;
  SIG_STRUCTURE: string;
  SIGNATURE: string;
  COSE: string;
  COMPRESSED: string;
  BASE45: string;
  PREFIX: string;
  URL: string;
  EXPECTEDRESULTS: { EXPECTEDVERIFY: boolean };
}

const STAGED = JSON.parse(readFileSync(new URL('../fixtures/qr-token/staged.json', import.meta.url), 'utf8')) as StagedCase[];
const [TYPICAL] = STAGED as [StagedCase, ...StagedCase[]];

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const unhex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'));

const SIGNER_A = signerFromSeed(KEY_A_SEED);
const SIGNER_B = signerFromSeed(KEY_B_SEED);
const KEYS = new Map([[SIGNER_A.kid, publicKeyRawFromSeed(KEY_A_SEED)]]);

/** Packs COSE bytes as a token the way the encoder does. */
function pack(cose: Uint8Array): string {
  return `JL1:${base45Encode(zlibStore(cose))}`;
}

/** A COSE_Sign1 over arbitrary protected header and payload bytes, signed by `signer`. */
function signedCose(protectedBytes: Uint8Array, payload: Uint8Array, signer: QrTokenSigner = SIGNER_A): Uint8Array {
  return coseSign1(protectedBytes, payload, signer.sign(sigStructure(protectedBytes, payload)));
}

function claimsMap(claims: QrCertificateClaims = TYPICAL.JSON, kid = SIGNER_A.kid): Map<number, unknown> {
  return claimsToMap(claims, kid);
}

function decodeError(text: string): QrTokenErrorCode | 'none' {
  try {
    decodeQrToken(text);
    return 'none';
  } catch (error) {
    assert.ok(error instanceof QrTokenError, `decodeQrToken threw a ${(error as Error).name}: ${(error as Error).message}`);
    return error.code;
  }
}

function assertRejected(result: QrVerifyResult, reason?: string, context = ''): void {
  assert.equal(result.ok, false, `accepted ${context}`);
  if (reason !== undefined && !result.ok) assert.equal(result.reason, reason, `${context}: ${result.detail ?? ''}`);
}

describe('Base45 (RFC 9285)', () => {
  test('the RFC examples encode and decode', () => {
    const examples: [string, string][] = [
      ['AB', 'BB8'],
      ['Hello!!', '%69 VD92EX0'],
      ['base-45', 'UJCLQE7W581'],
      ['ietf!', 'QED8WEX0'],
    ];
    for (const [plain, encoded] of examples) {
      assert.equal(base45Encode(new TextEncoder().encode(plain)), encoded);
      assert.equal(new TextDecoder().decode(base45Decode(encoded)), plain);
    }
    assert.equal(base45Encode(new Uint8Array()), '');
    assert.deepEqual(base45Decode(''), new Uint8Array());
  });

  test('the largest triple and pair decode; one more is an error, as are foreign characters and a dangling character', () => {
    assert.deepEqual(base45Decode('FGW'), new Uint8Array([0xff, 0xff]));
    assert.deepEqual(base45Decode('U5'), new Uint8Array([0xff]));
    for (const bad of ['GGW', ':::', 'V5', '::', 'A', 'BB8A', 'bb8', 'BB#', 'BB=', 'BB8\n']) {
      assert.throws(() => base45Decode(bad), { name: 'Base45Error' }, bad);
    }
  });

  test('bytes round-trip, and every valid text is the one encoding of its bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = base45Encode(bytes);
        assert.deepEqual(base45Decode(text), bytes);
        assert.ok([...text].every((ch) => BASE45_ALPHABET.includes(ch)));
      }),
    );
    const char = fc.constantFrom(...BASE45_ALPHABET);
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        let bytes: Uint8Array;
        try {
          bytes = base45Decode(text);
        } catch {
          return;
        }
        assert.equal(base45Encode(bytes), text);
      }),
    );
  });
});

describe('zlib with one stored block', () => {
  test('round-trips, and any zlib reader (node:zlib here) reads what it writes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (data) => {
        const stream = zlibStore(data);
        assert.deepEqual(new Uint8Array(inflateSync(stream)), data);
        assert.deepEqual(zlibUnstore(stream, 1 << 16), data);
        assert.equal(adler32(data), Buffer.from(stream.subarray(-4)).readUInt32BE(0));
      }),
    );
    assert.equal(hex(zlibStore(new TextEncoder().encode('AB'))), '7801010200fdff4142' + '00c60084');
  });

  test('refuses real compression, other headers, lengths that disagree, trailing bytes, bad checksums and oversized data', () => {
    const data = new TextEncoder().encode('J2026-0007-000123 0000 0000 0000');
    const good = zlibStore(data);
    for (const level of [1, 6, 9]) assert.throws(() => zlibUnstore(new Uint8Array(deflateSync(data, { level })), 1000), { name: 'ZlibStoredError' }, `level ${level}`);
    // node:zlib at level 0 writes the same stream, so a stored stream from elsewhere is accepted.
    assert.deepEqual(new Uint8Array(deflateSync(data, { level: 0 })), good);
    for (let i = 0; i < good.length; i++) {
      for (let value = 0; value < 256; value++) {
        if (value === good[i]) continue;
        const changed = good.slice();
        changed[i] = value;
        assert.throws(() => zlibUnstore(changed, 1000), { name: 'ZlibStoredError' }, `byte ${i} → ${value}`);
      }
    }
    for (let n = 0; n < good.length; n++) assert.throws(() => zlibUnstore(good.subarray(0, n), 1000), { name: 'ZlibStoredError' });
    assert.throws(() => zlibUnstore(new Uint8Array([...good, 0]), 1000), /after the end/);
    assert.throws(() => zlibUnstore(good, data.length - 1), /exceeds/);
    assert.deepEqual(zlibUnstore(good, data.length), data);
  });
});

describe('staged fixtures (DCC-style: JSON → CBOR → COSE → COMPRESSED → BASE45 → PREFIX)', () => {
  test('the fixture key is RFC 8032 test key 1 and its kid follows DESIGN §5', () => {
    for (const c of STAGED) {
      assert.equal(c.TESTCTX.SEED, KEY_A_SEED);
      assert.equal(c.TESTCTX.PUBLICKEY, 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
      assert.equal(hex(publicKeyRawFromSeed(c.TESTCTX.SEED)), c.TESTCTX.PUBLICKEY);
      assert.equal(c.TESTCTX.KID, SIGNER_A.kid);
    }
    assert.equal(hex(publicKeyRawFromSeed(KEY_B_SEED)), '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c');
  });

  for (const c of STAGED) {
    test(`${c.TESTCTX.DESCRIPTION}: every stage recomputes byte for byte`, () => {
      const stages = encodeQrTokenStages(c.JSON, signerFromSeed(c.TESTCTX.SEED));
      assert.equal(hex(stages.claimsCbor), c.CBOR, 'CBOR');
      assert.equal(hex(stages.protected), c.PROTECTED, 'protected header');
      assert.equal(hex(stages.sigStructure), c.SIG_STRUCTURE, 'Sig_structure');
      assert.equal(hex(stages.signature), c.SIGNATURE, 'signature (Ed25519 is deterministic)');
      assert.equal(hex(stages.cose), c.COSE, 'COSE');
      assert.equal(hex(stages.compressed), c.COMPRESSED, 'COMPRESSED');
      assert.equal(stages.base45, c.BASE45, 'BASE45');
      assert.equal(stages.text, c.PREFIX, 'PREFIX');
      assert.equal(encodeQrToken(c.JSON, signerFromSeed(c.TESTCTX.SEED)), c.PREFIX);
      assert.equal(qrTextForUrl('https://jiliang.example.cn/v', c.PREFIX), c.URL, 'URL');
    });

    test(`${c.TESTCTX.DESCRIPTION}: decodes stage by stage`, async () => {
      assert.equal(tokenFromQrText(c.PREFIX), c.PREFIX);
      assert.equal(tokenFromQrText(c.URL), c.PREFIX);
      assert.ok(c.PREFIX.startsWith('JL1:'));
      assert.equal(c.PREFIX.slice(4), c.BASE45);
      assert.equal(hex(base45Decode(c.BASE45)), c.COMPRESSED);
      assert.equal(hex(zlibUnstore(unhex(c.COMPRESSED), 8192)), c.COSE);
      assert.equal(hex(new Uint8Array(inflateSync(unhex(c.COMPRESSED)))), c.COSE, 'any zlib reader reads the stage');
      const cose = parseCoseSign1(unhex(c.COSE));
      assert.equal(hex(cose.protected), c.PROTECTED);
      assert.equal(hex(cose.kid), c.TESTCTX.KID);
      assert.equal(hex(cose.payload), c.CBOR);
      assert.equal(hex(cose.signature), c.SIGNATURE);
      assert.equal(hex(cose.sigStructure), c.SIG_STRUCTURE);
      // The signature checks with plain node:crypto over the Sig_structure, independently of the codec.
      const publicKey = ed25519PublicKeyFromRaw(unhex(c.TESTCTX.PUBLICKEY));
      assert.equal(cryptoVerify(null, unhex(c.SIG_STRUCTURE), publicKey, unhex(c.SIGNATURE)), true);
      const claims = claimsFromMap(cborDecode(unhex(c.CBOR)));
      assert.deepEqual(claims, { claims: c.JSON, kid: c.TESTCTX.KID });

      const decoded = decodeQrToken(c.PREFIX);
      assert.deepEqual(decoded.claims, c.JSON);
      assert.equal(decoded.kid, c.TESTCTX.KID);
      assert.equal(hex(decoded.sigStructure), c.SIG_STRUCTURE);
      for (const text of [c.PREFIX, c.URL]) {
        assert.deepEqual(await verifyQrToken(text, KEYS), { ok: c.EXPECTEDRESULTS.EXPECTEDVERIFY, claims: c.JSON, kid: c.TESTCTX.KID });
      }
    });
  }

  test('the CBOR claims use the documented integer keys', () => {
    const map = cborDecode(unhex(TYPICAL.CBOR)) as Map<number, unknown>;
    assert.deepEqual([...map.keys()], Object.values(CLAIM_KEY));
    assert.equal(map.get(CLAIM_KEY.formatVersion), 1);
    assert.equal(map.get(CLAIM_KEY.certificateNo), TYPICAL.JSON.certificateNo);
    assert.equal(map.get(CLAIM_KEY.kind), 1);
    assert.equal(map.get(CLAIM_KEY.conclusion), 1);
    assert.equal(map.get(CLAIM_KEY.issuedAt), TYPICAL.JSON.issuedAt);
    assert.equal(hex(map.get(CLAIM_KEY.kid) as Uint8Array), SIGNER_A.kid);
    // COSE: tag 18 (0xd2), array of 4, protected = bstr .cbor {1: -8, 4: h'<kid>'}, unprotected = {}.
    assert.ok(TYPICAL.COSE.startsWith(`d2844da201270448${SIGNER_A.kid}a0`));
    assert.equal(TYPICAL.PROTECTED, `a201270448${SIGNER_A.kid}`);
  });
});

describe('tampering fails closed', () => {
  test('every single-character change of the QR text is rejected', async () => {
    const text = TYPICAL.PREFIX;
    const reasons = new Map<string, number>();
    let tried = 0;
    for (let i = 0; i < text.length; i++) {
      for (const ch of BASE45_ALPHABET) {
        if (ch === text[i]) continue;
        const changed = text.slice(0, i) + ch + text.slice(i + 1);
        const result = await verifyQrToken(changed, KEYS);
        assertRejected(result, undefined, `position ${i} → ${JSON.stringify(ch)}`);
        if (!result.ok) {
          const key = result.reason === 'malformed' ? `malformed/${result.detail?.split(':')[0]}` : result.reason;
          reasons.set(key, (reasons.get(key) ?? 0) + 1);
        }
        tried++;
      }
    }
    assert.equal(tried, text.length * 44);
    assert.ok((reasons.get('malformed/bad_deflate') ?? 0) > 0 && (reasons.get('malformed/bad_prefix') ?? 0) > 0, JSON.stringify([...reasons]));
  });

  test('single-byte changes of the COSE bytes, re-packed, are rejected', async () => {
    // All 255 other values at every position of the framing and protected header (what strict
    // parsing must catch); at the payload and signature bytes (what the signature catches), the 8
    // one-bit flips and 0x00/0xff — or all 255 values with QR_TOKEN_EXHAUSTIVE=1 (91,035 changes, ~40 s).
    const cose = unhex(TYPICAL.COSE);
    const payloadStart = TYPICAL.COSE.indexOf(TYPICAL.CBOR) / 2;
    assert.ok(Number.isInteger(payloadStart) && payloadStart > 16);
    const signed = (i: number) => (i >= payloadStart && i < payloadStart + TYPICAL.CBOR.length / 2) || i >= cose.length - 64;
    const exhaustive = process.env.QR_TOKEN_EXHAUSTIVE === '1';
    const reasons = new Map<string, number>();
    let tried = 0;
    for (let i = 0; i < cose.length; i++) {
      const values = exhaustive || !signed(i) ? Array.from({ length: 256 }, (_, v) => v) : [0x00, 0xff, ...Array.from({ length: 8 }, (_, bit) => cose[i]! ^ (1 << bit))];
      for (const value of values) {
        if (value === cose[i]) continue;
        const changed = cose.slice();
        changed[i] = value;
        const result = await verifyQrToken(pack(changed), KEYS);
        assertRejected(result, undefined, `byte ${i} → 0x${value.toString(16)}`);
        if (!result.ok) {
          const key = result.reason === 'malformed' ? `malformed/${result.detail?.split(':')[0]}` : result.reason;
          reasons.set(key, (reasons.get(key) ?? 0) + 1);
        }
        tried++;
      }
    }
    assert.ok(tried > (exhaustive ? 91_000 : 8_000), String(tried));
    // The signature is what stops changes to the signed parts; the strict structure stops the rest.
    assert.ok((reasons.get('bad_signature') ?? 0) > 0 && (reasons.get('malformed/bad_cbor') ?? 0) > 0, JSON.stringify([...reasons]));
  });

  test('every truncation of the token and of the URL form is rejected', async () => {
    for (const text of [TYPICAL.PREFIX, TYPICAL.URL]) {
      for (let n = 0; n < text.length; n++) assertRejected(await verifyQrToken(text.slice(0, n), KEYS), undefined, `first ${n} characters`);
    }
  });

  test('an unknown kid, a revoked key or a failing key lookup is not valid', async () => {
    assertRejected(await verifyQrToken(TYPICAL.PREFIX, new Map()), 'unknown_key');
    assertRejected(await verifyQrToken(TYPICAL.PREFIX, () => undefined), 'unknown_key');
    assertRejected(await verifyQrToken(TYPICAL.PREFIX, new Map([[SIGNER_B.kid, publicKeyRawFromSeed(KEY_B_SEED)]])), 'unknown_key');
    const key = publicKeyRawFromSeed(KEY_A_SEED);
    assertRejected(await verifyQrToken(TYPICAL.PREFIX, new Map([[SIGNER_A.kid, { publicKey: key, revoked: true }]])), 'revoked_key');
    assertRejected(await verifyQrToken(TYPICAL.PREFIX, async (kid) => (kid === SIGNER_A.kid ? { publicKey: key, revoked: true } : null)), 'revoked_key');
    assertRejected(
      await verifyQrToken(TYPICAL.PREFIX, () => {
        throw new Error('key server unreachable');
      }),
      'key_lookup_failed',
    );
    assertRejected(await verifyQrToken(TYPICAL.PREFIX, new Map([[SIGNER_A.kid, key.subarray(0, 31)]])), 'unknown_key');
    const ok = await verifyQrToken(TYPICAL.PREFIX, async (kid) => (kid === SIGNER_A.kid ? { publicKey: key } : null));
    assert.equal(ok.ok, true);
  });

  test('keys from a key directory listing: current and retired verify, revoked do not, a wrong kid is refused', async () => {
    const a = { keyId: SIGNER_A.kid, publicKey: createPublicKey(privateKeyFromSeed(KEY_A_SEED)) };
    const b = { keyId: SIGNER_B.kid, publicKey: createPublicKey(privateKeyFromSeed(KEY_B_SEED)) };
    assert.equal((await verifyQrToken(TYPICAL.PREFIX, qrKeysFromPublicKeys([b, a]))).ok, true);
    assertRejected(await verifyQrToken(TYPICAL.PREFIX, qrKeysFromPublicKeys([b, a], [SIGNER_A.kid])), 'revoked_key');
    assert.throws(() => qrKeysFromPublicKeys([{ keyId: SIGNER_A.kid, publicKey: b.publicKey }]), /does not belong/);
  });

  test('a token signed by another key under the same kid fails', async () => {
    const impostor: QrTokenSigner = { kid: SIGNER_A.kid, sign: (message) => SIGNER_B.sign(message) };
    const forged = encodeQrToken(TYPICAL.JSON, impostor);
    assert.equal(decodeQrToken(forged).kid, SIGNER_A.kid);
    assertRejected(await verifyQrToken(forged, KEYS), 'bad_signature');
  });

  test('a verify function that throws or answers anything but true does not pass a token', async () => {
    assertRejected(
      await verifyQrTokenWith(TYPICAL.PREFIX, KEYS, () => {
        throw new Error('no Ed25519 in this browser');
      }),
      'bad_signature',
    );
    assertRejected(await verifyQrTokenWith(TYPICAL.PREFIX, KEYS, () => 1 as unknown as boolean), 'bad_signature');
    assert.equal((await verifyQrTokenWith(TYPICAL.PREFIX, KEYS, async () => true)).ok, true);
  });

  test('an algorithm other than EdDSA is refused, even with a valid Ed25519 signature', async () => {
    const kid = unhex(SIGNER_A.kid);
    const payload = cborEncode(claimsMap());
    for (const alg of [-7, -19, -35, 'EdDSA']) {
      const header = cborEncode(new Map<number, unknown>([[1, alg], [4, kid]]));
      const token = pack(signedCose(header, payload));
      assert.equal(decodeError(token), 'unsupported_alg', String(alg));
      assertRejected(await verifyQrToken(token, KEYS), 'unsupported_alg', String(alg));
    }
  });

  test('validly signed but wrongly shaped tokens are malformed', async () => {
    const kid = unhex(SIGNER_A.kid);
    const header = protectedHeader(kid);
    const payload = cborEncode(claimsMap());
    const signature = SIGNER_A.sign(sigStructure(header, payload));
    const otherKid = unhex(SIGNER_B.kid);
    const cases: [string, Uint8Array, QrTokenErrorCode][] = [
      ['untagged', cborEncode([header, new Map(), payload, signature]), 'bad_cose'],
      ['COSE_Sign tag 98', cborEncode(new Tag(98, [header, new Map(), payload, signature])), 'bad_cose'],
      ['kid in the unprotected header too', cborEncode(new Tag(18, [header, new Map([[4, kid]]), payload, signature])), 'bad_cose'],
      ['three elements', cborEncode(new Tag(18, [header, new Map(), payload])), 'bad_cose'],
      ['detached payload', cborEncode(new Tag(18, [header, new Map(), null, signature])), 'bad_cose'],
      ['short signature', cborEncode(new Tag(18, [header, new Map(), payload, signature.subarray(0, 63)])), 'bad_cose'],
      ['protected header not a map', signedCose(cborEncode([1, -8]), payload), 'bad_cose'],
      ['no algorithm', signedCose(cborEncode(new Map([[4, kid]])), payload), 'bad_cose'],
      ['extra protected header', signedCose(cborEncode(new Map<number, unknown>([[1, -8], [3, 'application/cbor'], [4, kid]])), payload), 'bad_cose'],
      ['short kid', signedCose(cborEncode(new Map<number, unknown>([[1, -8], [4, kid.subarray(0, 4)]])), payload), 'bad_cose'],
      ['kid of another key in the claims', signedCose(header, cborEncode(claimsMap(TYPICAL.JSON, SIGNER_B.kid))), 'bad_claims'],
      ['claims kid mismatch the other way', signedCose(protectedHeader(otherKid), payload, SIGNER_B), 'bad_claims'],
      ['extra claim', signedCose(header, cborEncode(new Map([...claimsMap(), [20, 'x']]))), 'bad_claims'],
      ['missing claim', signedCose(header, cborEncode(new Map([...claimsMap()].filter(([k]) => k !== CLAIM_KEY.validUntil)))), 'bad_claims'],
      ['format version 2', signedCose(header, cborEncode(new Map([...claimsMap(), [CLAIM_KEY.formatVersion, 2]]))), 'bad_claims'],
      ['kind as text', signedCose(header, cborEncode(new Map([...claimsMap(), [CLAIM_KEY.kind, 'certificate']]))), 'bad_claims'],
      ['unknown conclusion code', signedCose(header, cborEncode(new Map([...claimsMap(), [CLAIM_KEY.conclusion, 3]]))), 'bad_claims'],
      ['bad date', signedCose(header, cborEncode(new Map([...claimsMap(), [CLAIM_KEY.verifiedOn, '2026-02-30']]))), 'bad_claims'],
      ['bad USCC', signedCose(header, cborEncode(new Map([...claimsMap(), [CLAIM_KEY.ownerUscc, '91350203M0001QAY9B']]))), 'bad_claims'],
      ['empty text', signedCose(header, cborEncode(new Map([...claimsMap(), [CLAIM_KEY.serialNo, '']]))), 'bad_claims'],
      ['negative issuedAt', signedCose(header, cborEncode(new Map([...claimsMap(), [CLAIM_KEY.issuedAt, -1]]))), 'bad_claims'],
      ['string keys', signedCose(header, cborEncode({ certificateNo: 'J1' })), 'bad_claims'],
      ['claims not a map', signedCose(header, cborEncode(['J2026-0007-000123'])), 'bad_claims'],
      ['float in claims', signedCose(header, cborEncode(new Map([...claimsMap(), [CLAIM_KEY.version, 1.5]]))), 'bad_cbor'],
      ['tagged date in claims', signedCose(header, cborEncode(new Map([...claimsMap(), [CLAIM_KEY.issuedAt, new Tag(1, 0)]]))), 'bad_claims'],
      ['non-shortest integer in claims', signedCose(header, unhex(hex(payload).replace(/^b30101/, 'b3011801'))), 'bad_cbor'],
      ['claims with trailing byte', signedCose(header, new Uint8Array([...payload, 0])), 'bad_cbor'],
    ];
    // Both keys are known, so each case fails on its shape (claims are checked after the signature).
    const both = new Map([...KEYS, [SIGNER_B.kid, publicKeyRawFromSeed(KEY_B_SEED)]]);
    for (const [name, cose, code] of cases) {
      const token = pack(cose);
      assert.equal(decodeError(token), code, name);
      assertRejected(await verifyQrToken(token, both), 'malformed', name);
    }
  });

  test('arbitrary text never verifies and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.array(fc.constantFrom(...BASE45_ALPHABET), { maxLength: 600 }).map((a) => `JL1:${a.join('')}`),
          fc.uint8Array({ maxLength: 400 }).map((b) => `JL1:${base45Encode(b)}`),
          fc.uint8Array({ maxLength: 400 }).map((b) => `JL1:${base45Encode(zlibStore(b))}`),
          fc.uint8Array({ maxLength: 400 }).map((b) => `JL1:${base45Encode(deflateSync(b))}`),
        ),
        async (text) => {
          const result = await verifyQrToken(text, KEYS);
          assert.equal(result.ok, false);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('oversized input is refused before decoding', async () => {
    const huge = `JL1:${'0'.repeat(5000)}`;
    assert.equal(decodeError(huge), 'too_large');
    assert.equal(decodeError(`JL1:${base45Encode(zlibStore(new Uint8Array(9000)))}`), 'too_large');
    assert.equal(decodeError(`JL1:${base45Encode(deflateSync(new Uint8Array(100_000)))}`), 'bad_deflate');
  });
});

describe('QR text as a verification URL', () => {
  test('the URL form percent-encodes the two Base45 characters a URL fragment cannot hold', () => {
    const token = TYPICAL.PREFIX;
    const url = qrTextForUrl('https://jiliang.example.cn/v', token);
    assert.ok(url.startsWith('https://jiliang.example.cn/v#JL1:'));
    assert.ok(!url.slice(url.indexOf('#')).includes(' '));
    assert.equal(url.length, 'https://jiliang.example.cn/v#'.length + token.length + 2 * [...token].filter((ch) => ch === ' ' || ch === '%').length);
    assert.equal(tokenFromQrText(url), token);
    // What a browser hands the page: location.hash keeps the escapes.
    assert.equal(tokenFromQrText(`https://jiliang.example.cn/v${new URL(url).hash}`), token);
  });

  test('upper-case URLs and http are accepted; other texts are not', async () => {
    const upper = qrTextForUrl('HTTPS://JILIANG.EXAMPLE.CN/V', TYPICAL.PREFIX);
    assert.equal((await verifyQrToken(upper, KEYS)).ok, true);
    assert.equal((await verifyQrToken(qrTextForUrl('http://localhost:8080/v', TYPICAL.PREFIX), KEYS)).ok, true);
    for (const text of ['', 'JL1', 'jl1:' + TYPICAL.BASE45, 'HC1:' + TYPICAL.BASE45, 'ftp://host/v#' + TYPICAL.PREFIX, 'https://host/v#HC1:ABC', 'https://host/v#JL1:AB%2', 'https://host/v', 'https://host/v#' + TYPICAL.PREFIX + '%zz']) {
      assertRejected(await verifyQrToken(text, KEYS), 'malformed', text);
    }
  });
});

describe('claims', () => {
  const ORG = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 });
  const ORG_CODE = fc.array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), { minLength: 8, maxLength: 8 }).map((a) => a.join(''));
  const USCC = fc.tuple(fc.constantFrom('91', '12', '52', '93'), fc.integer({ min: 110000, max: 659999 }), ORG_CODE).map(([head, division, org]) => composeUscc(head, String(division), org));
  const DATE = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const ID = fc.maxSafeNat().filter((n) => n >= 1);
  const CLAIMS: fc.Arbitrary<QrCertificateClaims> = fc.record({
    certificateNo: ORG,
    version: fc.integer({ min: 1, max: 1000 }),
    kind: fc.constantFrom('certificate' as const, 'result_notice' as const),
    instrument: fc.record({ categoryCode: ORG, manufacturer: ORG, model: ORG, serialNo: ORG, registryId: ID }),
    owner: fc.record({ name: ORG, uscc: USCC }),
    conclusion: fc.constantFrom('pass' as const, 'fail' as const),
    verifiedOn: DATE,
    validUntil: fc.option(DATE, { nil: null }),
    issuedAt: fc.maxSafeNat(),
    institution: fc.record({ id: ID, name: ORG, uscc: USCC }),
  });

  test('random claims round-trip through token, URL form and verification', async () => {
    await fc.assert(
      fc.asyncProperty(CLAIMS, fc.boolean(), async (generated, useB) => {
        const claims = structuredClone(generated); // plain objects (fast-check may build null-prototype ones)
        const signer = useB ? SIGNER_B : SIGNER_A;
        const token = encodeQrToken(claims, signer);
        assert.match(token, /^JL1:[0-9A-Z $%*+\-./:]+$/);
        assert.deepEqual(decodeQrToken(token).claims, claims);
        const keys = new Map([
          [SIGNER_A.kid, publicKeyRawFromSeed(KEY_A_SEED)],
          [SIGNER_B.kid, publicKeyRawFromSeed(KEY_B_SEED)],
        ]);
        assert.deepEqual(await verifyQrToken(token, keys), { ok: true, claims, kid: signer.kid });
        assert.deepEqual(await verifyQrToken(qrTextForUrl('https://h.example/v', token), keys), { ok: true, claims, kid: signer.kid });
        assert.equal(encodeQrToken(claims, signer), token, 'deterministic');
      }),
      { numRuns: 200 },
    );
  });

  test('the encoder refuses claims it could not faithfully carry', () => {
    const bad: [string, QrCertificateClaims][] = [
      ['empty certificate number', { ...TYPICAL.JSON, certificateNo: '' }],
      ['version 0', { ...TYPICAL.JSON, version: 0 }],
      ['fractional id', { ...TYPICAL.JSON, institution: { ...TYPICAL.JSON.institution, id: 1.5 } }],
      ['lone surrogate', { ...TYPICAL.JSON, owner: { ...TYPICAL.JSON.owner, name: 'a\uD800b' } }],
      ['bad USCC', { ...TYPICAL.JSON, owner: { ...TYPICAL.JSON.owner, uscc: '91350203M0001QAY9B' } }],
      ['bad date', { ...TYPICAL.JSON, validUntil: '2027-13-01' }],
      ['unknown kind', { ...TYPICAL.JSON, kind: 'report' as 'certificate' }],
      ['too large for a QR code', { ...TYPICAL.JSON, instrument: { ...TYPICAL.JSON.instrument, model: Array.from({ length: 2000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('') } }],
    ];
    for (const [name, claims] of bad) {
      assert.throws(() => encodeQrToken(claims, SIGNER_A), (e: unknown) => e instanceof QrTokenError && (e.code === 'bad_claims' || e.code === 'too_large'), name);
    }
    assert.throws(() => encodeQrToken(TYPICAL.JSON, { kid: 'ABCDEF0123456789', sign: SIGNER_A.sign }), QrTokenError);
    assert.throws(() => encodeQrToken(TYPICAL.JSON, { kid: SIGNER_A.kid, sign: () => new Uint8Array(10) }), TypeError);
  });

  test('claims from a certificate document: organizations only, issuedAt in whole seconds', () => {
    const doc = {
      certificateNo: 'J2026-0007-000123',
      version: 1,
      kind: 'certificate',
      issuedAt: '2026-05-12T06:00:00.999Z',
      institution: { id: 7, name: '重庆市计量质量检测研究院', uscc: '125000004500001712', address: null, districtCode: '500000' },
      owner: { name: '重庆市渝中区示例农贸市场有限公司', uscc: '91500103MA5U00011H', address: '某路 1 号', districtCode: '500103' },
      instrument: { id: 48213, categoryCode: 'PRICE_SCALE', categoryNameZh: '电子计价秤', categoryNameEn: 'Price scale', manufacturer: '上海友声衡器有限公司', model: 'ACS-15', serialNo: 'YS2024000123', accuracyClass: 'III', measuringRange: '(0~15) kg' },
      verifiedOn: '2026-05-12',
      validUntil: '2027-05-11',
      conclusion: 'pass',
      verifier: '张三',
      checker: '李四',
      approver: '王五',
    } as unknown as CertificateDocument;
    const claims = qrClaimsFromDocument(doc);
    assert.deepEqual(claims, TYPICAL.JSON);
    const text = new TextDecoder().decode(cborEncode(claimsMap(claims)));
    for (const person of ['张三', '李四', '王五']) assert.ok(!text.includes(person));
  });
});

describe('QR images', () => {
  test('the token is one alphanumeric segment; a URL adds a byte segment; PNG and SVG render', async () => {
    const token = qrSymbolInfo(TYPICAL.PREFIX, { errorCorrection: 'M' });
    assert.deepEqual(token.segments.map((s) => s.mode), ['Alphanumeric']);
    assert.equal(token.modules, 17 + 4 * token.version);
    const url = qrSymbolInfo(TYPICAL.URL, { errorCorrection: 'M' });
    assert.equal(url.segments[0]!.mode, 'Byte');
    assert.equal(url.segments.at(-1)!.mode, 'Alphanumeric');
    assert.ok(url.version >= token.version && url.version <= token.version + 2);
    assert.ok(qrSymbolInfo(TYPICAL.PREFIX).version > token.version, 'Q needs a larger symbol than M');

    const png = await renderQrPng(TYPICAL.PREFIX, { scale: 2 });
    assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a');
    const side = (qrSymbolInfo(TYPICAL.PREFIX).modules + 8) * 2;
    assert.equal(png.readUInt32BE(16), side);
    assert.equal(png.readUInt32BE(20), side);
    const svg = await renderQrSvg(TYPICAL.URL);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    assert.throws(() => qrSymbolInfo('x'.repeat(8000)));
  });
});
