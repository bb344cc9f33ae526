// The QR token's own deterministic CBOR encoder (src/domain/certificates/qr-token/cbor-encode.ts):
// RFC 8949 Appendix A examples, the §4.2.1 key order, refusals, and byte-for-byte agreement with
// cbor2's `encode(value, { cde: true })` (what cose.ts called before) on random values.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { decode, encode, Tag } from 'cbor2';
import { CborEncodeError, encodeCbor, MAX_DEPTH } from '../../src/domain/certificates/qr-token/cbor-encode.ts';
import { cborDecode, cborEncode, STRICT_DECODE_OPTIONS } from '../../src/domain/certificates/qr-token/cose.ts';
import { claimsToMap, type QrCertificateClaims } from '../../src/domain/certificates/qr-token/claims.ts';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const unhex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'));
const cbor2 = (value: unknown): string => hex(encode(value, { cde: true }));

describe('deterministic CBOR encoder: RFC 8949 Appendix A', () => {
  const examples: [string, unknown, string][] = [
    ['0', 0, '00'],
    ['1', 1, '01'],
    ['10', 10, '0a'],
    ['23', 23, '17'],
    ['24', 24, '1818'],
    ['25', 25, '1819'],
    ['100', 100, '1864'],
    ['255', 255, '18ff'],
    ['256', 256, '190100'],
    ['1000', 1000, '1903e8'],
    ['65535', 65535, '19ffff'],
    ['65536', 65536, '1a00010000'],
    ['1000000', 1000000, '1a000f4240'],
    ['2^32 - 1', 2 ** 32 - 1, '1affffffff'],
    ['2^32', 2 ** 32, '1b0000000100000000'],
    ['1000000000000', 1000000000000, '1b000000e8d4a51000'],
    ['2^53 - 1', Number.MAX_SAFE_INTEGER, '1b001fffffffffffff'],
    ['18446744073709551615 (bigint)', 18446744073709551615n, '1bffffffffffffffff'],
    ['-18446744073709551616 (bigint)', -18446744073709551616n, '3bffffffffffffffff'],
    ['2^32 (bigint)', 2n ** 32n, '1b0000000100000000'],
    ['5 (bigint)', 5n, '05'],
    ['-1', -1, '20'],
    ['-10', -10, '29'],
    ['-24', -24, '37'],
    ['-25', -25, '3818'],
    ['-100', -100, '3863'],
    ['-256', -256, '38ff'],
    ['-257', -257, '390100'],
    ['-1000', -1000, '3903e7'],
    ['-2^32', -(2 ** 32), '3affffffff'],
    ['-2^32 - 1', -(2 ** 32) - 1, '3b0000000100000000'],
    // floats (a JS number that is a safe integer is always written as an integer: 0.0 → 00, -4.0 → 23)
    ['-0.0', -0, 'f98000'],
    ['1.5', 1.5, 'f93e00'],
    ['65504.0', 65504, '19ffe0'],
    ['1.1', 1.1, 'fb3ff199999999999a'],
    ['3.4028234663852886e+38', 3.4028234663852886e38, 'fa7f7fffff'],
    ['1.0e+300', 1.0e300, 'fb7e37e43c8800759c'],
    ['5.960464477539063e-8', 5.960464477539063e-8, 'f90001'],
    ['0.00006103515625', 0.00006103515625, 'f90400'],
    ['-4.1', -4.1, 'fbc010666666666666'],
    ['Infinity', Infinity, 'f97c00'],
    ['NaN', NaN, 'f97e00'],
    ['-Infinity', -Infinity, 'f9fc00'],
    ['2^53 (unsafe integer → float)', 2 ** 53, 'fa5a000000'],
    ['false', false, 'f4'],
    ['true', true, 'f5'],
    ['null', null, 'f6'],
    ['1(1363896240)', new Tag(1, 1363896240), 'c11a514b67b0'],
    ['23(h\'01020304\')', new Tag(23, unhex('01020304')), 'd74401020304'],
    ['24(h\'6449455446\')', new Tag(24, unhex('6449455446')), 'd818456449455446'],
    ['32("http://www.example.com")', new Tag(32, 'http://www.example.com'), 'd82076687474703a2f2f7777772e6578616d706c652e636f6d'],
    ['18([...]) with a bigint tag number', new Tag(18n, []), 'd280'],
    ["h''", new Uint8Array(0), '40'],
    ["h'01020304'", unhex('01020304'), '4401020304'],
    ['""', '', '60'],
    ['"a"', 'a', '6161'],
    ['"IETF"', 'IETF', '6449455446'],
    ['"\\"\\\\"', '"\\', '62225c'],
    ['"\\u00fc"', 'ü', '62c3bc'],
    ['"\\u6c34"', '水', '63e6b0b4'],
    ['"\\ud800\\udd51"', '\ud800\udd51', '64f0908591'],
    ['[]', [], '80'],
    ['[1, 2, 3]', [1, 2, 3], '83010203'],
    ['[1, [2, 3], [4, 5]]', [1, [2, 3], [4, 5]], '8301820203820405'],
    ['[1, 2, …, 25]', Array.from({ length: 25 }, (_, i) => i + 1), '98190102030405060708090a0b0c0d0e0f101112131415161718181819'],
    ['{}', new Map(), 'a0'],
    ['{} (object)', {}, 'a0'],
    ['{1: 2, 3: 4}', new Map([[1, 2], [3, 4]]), 'a201020304'],
    ['{"a": 1, "b": [2, 3]}', { a: 1, b: [2, 3] }, 'a26161016162820203'],
    ['{"a": 1, "b": [2, 3]} (Map)', new Map<string, unknown>([['a', 1], ['b', [2, 3]]]), 'a26161016162820203'],
    ['["a", {"b": "c"}]', ['a', { b: 'c' }], '826161a161626163'],
    ['{"a": "A", …, "e": "E"}', { a: 'A', b: 'B', c: 'C', d: 'D', e: 'E' }, 'a56161614161626142616361436164614461656145'],
  ];

  for (const [name, value, expected] of examples) {
    test(name, () => {
      assert.equal(hex(encodeCbor(value)), expected);
      assert.equal(cbor2(value), expected, 'cbor2 agrees');
    });
  }

  test('lengths at the 1-, 2- and 4-byte boundaries', () => {
    for (const n of [23, 24, 255, 256, 65535, 65536]) {
      const text = 'x'.repeat(n);
      const bytes = new Uint8Array(n).fill(7);
      const array = new Array<number>(n).fill(0);
      for (const value of [text, bytes, array]) assert.equal(hex(encodeCbor(value)), cbor2(value), `length ${n}`);
    }
    assert.equal(hex(encodeCbor('x'.repeat(256)).subarray(0, 3)), '790100');
    assert.equal(hex(encodeCbor(new Uint8Array(65536)).subarray(0, 5)), '5a00010000');
  });

  test('non-ASCII text is UTF-8 and a lone surrogate becomes U+FFFD, as in cbor2', () => {
    for (const text of ['重庆市计量质量检测研究院', 'a\u00ffb', '\u{1f600}', 'a\ud800b', '\udc00', 'x'.repeat(30) + '水']) {
      assert.equal(hex(encodeCbor(text)), cbor2(text), JSON.stringify(text));
    }
    assert.equal(hex(encodeCbor('\ud800')), '63efbfbd');
  });
});

describe('deterministic CBOR encoder: map key order (RFC 8949 §4.2.1)', () => {
  test('keys sort by their encoded bytes, bytewise: the RFC example', () => {
    // RFC 8949 §4.2.1: 10, 100, -1, "z", "aa", [100], [-1], false. (Length-first sorting, the old
    // §4.2.3 "canonical" order, would put -1 before 100.)
    const keys: unknown[] = [false, 'aa', [-1], -1, 100, 'z', [100], 10];
    const map = new Map(keys.map((k, i) => [k, i]));
    const encoded = hex(encodeCbor(map));
    assert.equal(encoded, 'a8' + '0a07' + '186404' + '2003' + '617a05' + '62616101' + '81186406' + '812002' + 'f400');
    assert.equal(encoded, cbor2(map));
  });

  test('integer keys: shorter encodings first, then bytewise', () => {
    const map = new Map([300, 24, 23, 0, 255, 256, -1, -25, -24, 1].map((k) => [k, null]));
    assert.equal(hex(encodeCbor(map)), 'aa' + ['00', '01', '17', '1818', '18ff', '190100', '19012c', '20', '37', '3818'].map((k) => k + 'f6').join(''));
  });

  test('text keys: shorter first, then bytewise; insertion order does not matter', () => {
    const forward = { a: 1, b: 2, aa: 3, ab: 4, ü: 5, B: 6 };
    const backward = Object.fromEntries(Object.entries(forward).reverse());
    // "B" 6142, "a" 6161, "b" 6162, "aa" 626161, "ab" 626162, "ü" 62c3bc
    const expected = 'a6' + '614206' + '616101' + '616202' + '62616103' + '62616204' + '62c3bc05';
    assert.equal(hex(encodeCbor(forward)), expected);
    assert.equal(hex(encodeCbor(backward)), expected);
    assert.equal(cbor2(backward), expected);
  });

  test('the claims map: keys 1…19 in order whatever the insertion order', () => {
    const ascending = new Map(Array.from({ length: 19 }, (_, i) => [i + 1, i]));
    const descending = new Map([...ascending].reverse());
    assert.equal(hex(encodeCbor(descending)), hex(encodeCbor(ascending)));
    const byte = (n: number): string => n.toString(16).padStart(2, '0');
    assert.equal(hex(encodeCbor(descending)), 'b3' + Array.from({ length: 19 }, (_, i) => byte(i + 1) + byte(i)).join(''));
  });

  test('the staged fixtures: the claims CBOR is the recorded bytes', () => {
    const staged = JSON.parse(readFileSync(new URL('../fixtures/qr-token/staged.json', import.meta.url), 'utf8')) as { JSON: QrCertificateClaims; CBOR: string; TESTCTX: { KID: string } }[];
    assert.ok(staged.length > 0);
    for (const c of staged) {
      const map = claimsToMap(c.JSON, c.TESTCTX.KID);
      assert.equal(hex(encodeCbor(map)), c.CBOR);
      assert.equal(hex(cborEncode(map)), c.CBOR);
    }
  });
});

describe('deterministic CBOR encoder: refusals', () => {
  class Point {
    constructor(readonly x: number) {}
  }
  const deep: unknown[] = [];
  let cursor = deep;
  for (let i = 0; i < MAX_DEPTH + 1; i++) {
    const next: unknown[] = [];
    cursor.push(next);
    cursor = next;
  }
  const cyclic: unknown[] = [];
  cyclic.push(cyclic);

  const refused: [string, unknown, RegExp][] = [
    ['undefined', undefined, /undefined/],
    ['undefined in a map', new Map([[1, undefined]]), /undefined/],
    ['a hole in an array', [1, , 3], /undefined/],
    ['a symbol', Symbol.for('x'), /symbol/],
    ['a function', () => 1, /function/],
    ['a Date', new Date(0), /Date/],
    ['a Set', new Set([1]), /Set/],
    ['a Uint16Array', new Uint16Array(2), /Uint16Array/],
    ['an ArrayBuffer', new ArrayBuffer(2), /ArrayBuffer/],
    ['a class instance', new Point(1), /Point/],
    ['a boxed number', Object(1) as unknown, /Number/],
    ['a bignum', 2n ** 64n, /too large/],
    ['a negative bignum', -(2n ** 64n) - 1n, /too small/],
    ['a negative tag number', new Tag(-1, 0), /tag number/],
    ['a fractional tag number', new Tag(1.5, 0), /tag number/],
    ['a tag number beyond 2^64-1', new Tag(2n ** 64n, 0), /tag number/],
    ['duplicate keys (number and bigint)', new Map<unknown, number>([[1, 1], [1n, 2]]), /duplicate map key 0x01/],
    ['duplicate keys (equal byte strings)', new Map([[unhex('00'), 1], [unhex('00'), 2]]), /duplicate map key 0x4100/],
    [`nesting deeper than ${MAX_DEPTH}`, deep, /nesting/],
    ['a cycle', cyclic, /nesting/],
  ];
  for (const [name, value, message] of refused) {
    test(name, () => {
      assert.throws(() => encodeCbor(value), (e: unknown) => e instanceof CborEncodeError && e instanceof TypeError && message.test(e.message), name);
    });
  }

  test(`nesting of exactly ${MAX_DEPTH} levels is fine`, () => {
    let value: unknown = 0;
    for (let i = 0; i < MAX_DEPTH; i++) value = [value];
    assert.equal(hex(encodeCbor(value)), '81'.repeat(MAX_DEPTH) + '00');
  });

  test('a Node Buffer is a byte string (a Uint8Array like any other)', () => {
    assert.equal(hex(encodeCbor(Buffer.from([1, 2]))), '420102');
  });
});

describe('deterministic CBOR encoder: agrees with cbor2 on random values', () => {
  const keyOf = (value: unknown): string => cbor2(value);
  const char = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)); // lone surrogates too
  const text = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: char, maxLength: 20 }), fc.string({ minLength: 20, maxLength: 300 }));
  const integer = fc.oneof(
    fc.integer({ min: -30, max: 30 }),
    fc.integer({ min: -70000, max: 70000 }),
    fc.integer(),
    fc.maxSafeInteger(),
    fc.constantFrom(23, 24, 255, 256, 65535, 65536, 2 ** 32 - 1, 2 ** 32, -24, -25, -256, -257, -65536, -65537, -(2 ** 32), -(2 ** 32) - 1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
  );
  const bigint = fc.oneof(fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n - 1n }), fc.bigInt({ min: -100000n, max: 100000n }), fc.constantFrom(2n ** 32n - 1n, 2n ** 32n, 2n ** 64n - 1n, -(2n ** 64n)));
  // every half-precision value (normal, subnormal, ±0, ±Infinity, NaN), to exercise the shortest-float choice
  const half = fc.integer({ min: 0, max: 0xffff }).map((bits) => {
    const sign = bits & 0x8000 ? -1 : 1;
    const exp = (bits >> 10) & 0x1f;
    const mant = bits & 0x3ff;
    if (exp === 0) return sign * mant * 2 ** -24;
    if (exp === 0x1f) return mant === 0 ? sign * Infinity : NaN;
    return sign * (1024 + mant) * 2 ** (exp - 25);
  });
  const float = fc.oneof(fc.double(), fc.float(), half, half.map((x) => x * (1 + 2 ** -12)), fc.constantFrom(-0, NaN, Infinity, -Infinity, 0.5, 65504.5, 2 ** -24, 2 ** -25, 2 ** -14, 2 ** 53, 2 ** 64, 1e300));
  const bytes = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ minLength: 250, maxLength: 300 }));
  const tagNumber = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 2 ** 32 + 5 }), fc.maxSafeNat(), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }));
  const leaf = fc.oneof(integer, bigint, float, text, bytes, fc.boolean(), fc.constant(null));

  const { value } = fc.letrec<{ value: unknown; key: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      leaf,
      fc.array(tie('value'), { maxLength: 6 }),
      fc.uniqueArray(fc.tuple(tie('key'), tie('value')), { maxLength: 6, selector: ([k]) => keyOf(k) }).map((entries) => new Map(entries)),
      fc.dictionary(text, tie('value'), { maxKeys: 6 }),
      fc.tuple(tagNumber, tie('value')).map(([n, contents]) => new Tag(n, contents)),
    ),
    key: fc.oneof({ depthSize: 'small', maxDepth: 2 }, integer, bigint, text, bytes, float, fc.boolean(), fc.constant(null), fc.array(tie('key'), { maxLength: 3 })),
  }));

  test('encodeCbor(v) is cbor2 encode(v, { cde: true }), byte for byte', () => {
    fc.assert(
      fc.property(value, (v) => {
        assert.equal(hex(encodeCbor(v)), cbor2(v));
      }),
      { numRuns: 2000 },
    );
  });

  test('claims-shaped maps (small integer keys; uint, text, null and bytes values) agree too', () => {
    const claimValue = fc.oneof(fc.maxSafeNat(), text, fc.constant(null), fc.uint8Array({ minLength: 8, maxLength: 8 }));
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 40 }), claimValue), { maxLength: 25, selector: ([k]) => k }), (entries) => {
        const map = new Map(entries);
        assert.equal(hex(encodeCbor(map)), cbor2(map));
      }),
      { numRuns: 500 },
    );
  });

  test('what it writes without floats passes the strict decoder and its re-encoding check', () => {
    // The strict decoder refuses floats, undefined and integers below -2^63; maxDepth 8.
    const strictInteger = fc.oneof(integer, fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }));
    const strictLeaf = fc.oneof(strictInteger, text, bytes, fc.boolean(), fc.constant(null));
    const { strict } = fc.letrec<{ strict: unknown }>((tie) => ({
      strict: fc.oneof(
        { depthSize: 'small', maxDepth: 3 },
        strictLeaf,
        fc.array(tie('strict'), { maxLength: 5 }),
        fc.uniqueArray(fc.tuple(strictLeaf, tie('strict')), { maxLength: 5, selector: ([k]) => keyOf(k) }).map((entries) => new Map(entries)),
        fc.tuple(tagNumber, tie('strict')).map(([n, contents]) => new Tag(n, contents)),
      ),
    }));
    fc.assert(
      fc.property(strict, (v) => {
        const bytes = encodeCbor(v);
        const decoded = cborDecode(bytes); // throws CoseError unless strictly decodable and re-encoded identically
        assert.equal(hex(encodeCbor(decoded)), hex(bytes));
        assert.equal(hex(encode(decode(bytes, STRICT_DECODE_OPTIONS), { cde: true })), hex(bytes));
      }),
      { numRuns: 1000 },
    );
  });
});
