// A small deterministic CBOR encoder (RFC 8949 §4.2.1, core deterministic encoding) for the QR
// token: every integer, length and tag number in its shortest form, definite lengths only, and map
// keys sorted bytewise lexicographically by their encoded bytes (so, within one major type, shorter
// first; an integer key before any text key). No duplicate keys.
//
// It writes the same bytes as cbor2's `encode(value, { cde: true })` for the values it accepts (the
// token's own structures, and the malformed ones the tests build), without cbor2's per-call and
// per-map-key 4 KiB writer buffers. cbor2 stays the decoder of untrusted input (cose.ts).
//
// Accepted values:
//   number   safe integer → major type 0/1; any other number (fraction, -0, NaN, ±Infinity,
//            integers beyond 2^53) → the shortest float (half, single, double) that holds it exactly,
//            NaN as f97e00
//   bigint   -2^64 … 2^64-1 → major type 0/1 (bignums, tags 2/3, are refused)
//   string   UTF-8 text (a lone surrogate becomes U+FFFD, as TextEncoder does)
//   Uint8Array (any instance, a Node Buffer too) → byte string
//   Array    → array (holes are undefined, which is refused)
//   Map      → map, keys of any accepted type
//   plain object (prototype Object.prototype or null) → map of its own enumerable string keys
//   Tag (cbor2's class) with a number or bigint tag 0 … 2^64-1 → tag
//   true, false, null
// Anything else (undefined, symbols, functions, Date, Set, other typed arrays, class instances,
// nesting deeper than MAX_DEPTH, duplicate map keys) throws CborEncodeError.
//
// Pure: Uint8Array, DataView and TextEncoder only, so it runs unchanged in Node and the browser.
import { Tag } from 'cbor2';

export class CborEncodeError extends TypeError {
  override readonly name = 'CborEncodeError';
}

/** Deeper nesting is refused (a cycle would otherwise recurse until the stack overflows). */
export const MAX_DEPTH = 64;

const MT_UNSIGNED = 0;
const MT_NEGATIVE = 1;
const MT_BYTES = 2;
const MT_TEXT = 3;
const MT_ARRAY = 4;
const MT_MAP = 5;
const MT_TAG = 6;

const FALSE = 0xf4;
const TRUE = 0xf5;
const NULL = 0xf6;
const FLOAT16 = 0xf9;
const FLOAT32 = 0xfa;
const FLOAT64 = 0xfb;
const NAN_HALF = 0x7e00;

const TWO_32 = 0x1_0000_0000;
const MAX_U64 = 0xffff_ffff_ffff_ffffn;

const textEncoder = new TextEncoder();
const floatView = new DataView(new ArrayBuffer(8));

class Writer {
  buf: Uint8Array;
  pos = 0;

  constructor(size: number) {
    this.buf = new Uint8Array(size);
  }

  /** Makes room for n more bytes. */
  room(n: number): void {
    const need = this.pos + n;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.pos++] = b;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Initial byte and argument (RFC 8949 §3), shortest form; n is a safe integer ≥ 0. */
  head(major: number, n: number): void {
    const mt = major << 5;
    this.room(9);
    const buf = this.buf;
    let p = this.pos;
    if (n < 24) {
      buf[p++] = mt | n;
    } else if (n < 0x100) {
      buf[p++] = mt | 24;
      buf[p++] = n;
    } else if (n < 0x1_0000) {
      buf[p++] = mt | 25;
      buf[p++] = n >>> 8;
      buf[p++] = n & 0xff;
    } else if (n < TWO_32) {
      buf[p++] = mt | 26;
      buf[p++] = n >>> 24;
      buf[p++] = (n >>> 16) & 0xff;
      buf[p++] = (n >>> 8) & 0xff;
      buf[p++] = n & 0xff;
    } else {
      buf[p++] = mt | 27;
      const hi = Math.floor(n / TWO_32);
      const lo = n - hi * TWO_32;
      for (const word of [hi, lo]) {
        buf[p++] = word >>> 24;
        buf[p++] = (word >>> 16) & 0xff;
        buf[p++] = (word >>> 8) & 0xff;
        buf[p++] = word & 0xff;
      }
    }
    this.pos = p;
  }

  /** head() for a bigint argument 0 … 2^64-1. */
  headBig(major: number, n: bigint): void {
    if (n <= 0xffff_ffffn) {
      this.head(major, Number(n));
      return;
    }
    this.byte((major << 5) | 27);
    this.room(8);
    floatView.setBigUint64(0, n);
    for (let i = 0; i < 8; i++) this.buf[this.pos++] = floatView.getUint8(i);
  }
}

/**
 * The IEEE 754 half-precision bits of x if a half holds x exactly, else null; x must already be
 * exact as a single (Math.fround(x) === x) and not NaN. Normal and subnormal halves, ±0, ±Infinity.
 */
function halfBits(x: number): number | null {
  floatView.setFloat32(0, x);
  const bits = floatView.getUint32(0);
  if ((bits & 0x1fff) !== 0) return null; // mantissa bits a half does not have
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  const mant = bits & 0x7f_ffff;
  if (exp === 0 && mant === 0) return sign; // ±0
  if (exp === 0xff) return sign | 0x7c00 | (mant >>> 13); // ±Infinity (NaN is handled by the caller)
  if (exp >= 113 && exp <= 142) return sign | ((exp - 112) << 10) | (mant >>> 13); // normal half
  if (exp >= 103 && exp < 113) {
    // subnormal half: the value is m · 2^-24 with m < 1024; exact only if no bits shift out
    const shift = 126 - exp;
    if ((mant & ((1 << shift) - 1)) !== 0) return null;
    return sign | ((mant + 0x80_0000) >>> shift);
  }
  return null;
}

/** Preferred serialization of a float (RFC 8949 §4.1): the shortest of half, single, double holding it. */
function writeFloat(w: Writer, x: number): void {
  w.room(9);
  if (Number.isNaN(x)) {
    w.byte(FLOAT16);
    w.byte(NAN_HALF >>> 8);
    w.byte(NAN_HALF & 0xff);
    return;
  }
  if (Math.fround(x) === x) {
    const half = halfBits(x);
    if (half !== null) {
      w.byte(FLOAT16);
      w.byte(half >>> 8);
      w.byte(half & 0xff);
      return;
    }
    w.byte(FLOAT32);
    floatView.setFloat32(0, x);
    for (let i = 0; i < 4; i++) w.byte(floatView.getUint8(i));
    return;
  }
  w.byte(FLOAT64);
  floatView.setFloat64(0, x);
  for (let i = 0; i < 8; i++) w.byte(floatView.getUint8(i));
}

function writeNumber(w: Writer, x: number): void {
  if (Number.isSafeInteger(x) && !Object.is(x, -0)) {
    if (x >= 0) w.head(MT_UNSIGNED, x);
    else w.head(MT_NEGATIVE, -x - 1);
  } else {
    writeFloat(w, x);
  }
}

function writeBigInt(w: Writer, x: bigint): void {
  if (x >= 0n) {
    if (x > MAX_U64) throw new CborEncodeError(`integer ${x} is too large for CBOR major type 0 (bignums are not supported)`);
    w.headBig(MT_UNSIGNED, x);
  } else {
    const n = -1n - x;
    if (n > MAX_U64) throw new CborEncodeError(`integer ${x} is too small for CBOR major type 1 (bignums are not supported)`);
    w.headBig(MT_NEGATIVE, n);
  }
}

function writeText(w: Writer, s: string): void {
  const n = s.length;
  let ascii = true;
  for (let i = 0; i < n; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    w.head(MT_TEXT, n);
    w.room(n);
    const buf = w.buf;
    let p = w.pos;
    for (let i = 0; i < n; i++) buf[p++] = s.charCodeAt(i);
    w.pos = p;
    return;
  }
  const utf8 = textEncoder.encode(s);
  w.head(MT_TEXT, utf8.length);
  w.bytes(utf8);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

interface Entry {
  readonly key: Uint8Array;
  readonly value: unknown;
}

function writeMap(w: Writer, pairs: Iterable<readonly [unknown, unknown]>, size: number, depth: number): void {
  const entries: Entry[] = [];
  for (const [k, v] of pairs) {
    // Encode the key where the map will go, copy it out, and rewind.
    const start = w.pos;
    writeItem(w, k, depth);
    entries.push({ key: w.buf.slice(start, w.pos), value: v });
    w.pos = start;
  }
  entries.sort((a, b) => compareBytes(a.key, b.key));
  for (let i = 1; i < entries.length; i++) {
    if (compareBytes(entries[i - 1]!.key, entries[i]!.key) === 0) throw new CborEncodeError(`duplicate map key 0x${hexOf(entries[i]!.key)}`);
  }
  w.head(MT_MAP, size);
  for (const { key, value } of entries) {
    w.bytes(key);
    writeItem(w, value, depth);
  }
}

function writeTagNumber(w: Writer, tag: unknown): void {
  if (typeof tag === 'number' && Number.isSafeInteger(tag) && tag >= 0) w.head(MT_TAG, tag);
  else if (typeof tag === 'bigint' && tag >= 0n && tag <= MAX_U64) w.headBig(MT_TAG, tag);
  else throw new CborEncodeError(`tag number ${String(tag)} is not an integer 0 … 2^64-1`);
}

function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? name : 'object';
}

function writeItem(w: Writer, value: unknown, depth: number): void {
  switch (typeof value) {
    case 'number':
      writeNumber(w, value);
      return;
    case 'string':
      writeText(w, value);
      return;
    case 'boolean':
      w.byte(value ? TRUE : FALSE);
      return;
    case 'bigint':
      writeBigInt(w, value);
      return;
    case 'object':
      break;
    default:
      throw new CborEncodeError(`cannot encode ${typeof value} as deterministic CBOR`);
  }
  if (value === null) {
    w.byte(NULL);
    return;
  }
  if (value instanceof Uint8Array) {
    w.head(MT_BYTES, value.length);
    w.bytes(value);
    return;
  }
  if (depth >= MAX_DEPTH) throw new CborEncodeError(`nesting deeper than ${MAX_DEPTH} levels`);
  const inner = depth + 1;
  if (Array.isArray(value)) {
    const items = value as unknown[];
    w.head(MT_ARRAY, items.length);
    for (let i = 0; i < items.length; i++) writeItem(w, items[i], inner);
    return;
  }
  if (value instanceof Map) {
    writeMap(w, value as Map<unknown, unknown>, value.size, inner);
    return;
  }
  if (value instanceof Tag) {
    writeTagNumber(w, value.tag);
    writeItem(w, value.contents, inner);
    return;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    const entries = Object.entries(value);
    writeMap(w, entries, entries.length, inner);
    return;
  }
  throw new CborEncodeError(`cannot encode a ${describe(value)} as deterministic CBOR`);
}

/**
 * The core deterministic CBOR encoding (RFC 8949 §4.2.1) of value; throws CborEncodeError for a
 * value outside the accepted types (see the top of this file).
 */
export function encodeCbor(value: unknown): Uint8Array {
  const w = new Writer(512);
  writeItem(w, value, 0);
  return w.buf.slice(0, w.pos);
}
