// The "deflate" step of a JL1 token: a zlib stream (RFC 1950) holding the COSE bytes in one final
// stored (uncompressed) DEFLATE block (RFC 1951 §3.2.4):
//
//   78 01 | 01 | LEN (2 bytes, little-endian) | ~LEN | data | Adler-32 of data (4 bytes, big-endian)
//
// Any zlib reader (node:zlib, pako, fflate) reads it; this reader accepts nothing else. Why not real compression: deflate is malleable — many streams inflate to the same bytes
// (a match's distance inside a run such as "0000", ignored padding bits, trailing bytes), and the
// signature covers the inflated COSE, not the stream. Deflated with fflate at level 9, 1 of the
// 21,780 single-character edits of the first fixture token's Base45 (4 of 20,064 for the second)
// inflated to the identical COSE and so would still verify; a strict inflater can refuse padding and
// trailing bytes, but not a different match distance that copies the same bytes.
// Stored, the text ↔ COSE mapping is one-to-one: every edit is refused, and each COSE_Sign1 has
// exactly one token text. The price is small because the claims hardly compress (Chinese UTF-8,
// a 64-byte signature): 369 bytes stored against 330 deflated for the typical fixture, one QR version.
// Adler-32 still tells a damaged or mistyped token from a forged one before the signature check.

export class ZlibStoredError extends Error {
  override readonly name = 'ZlibStoredError';
}

const HEADER = [0x78, 0x01] as const; // CM 8, 32 KiB window; FLEVEL 0 (fastest), FCHECK
const FINAL_STORED_BLOCK = 0x01; // BFINAL 1, BTYPE 00, five zero padding bits
const OVERHEAD = 2 + 1 + 4 + 4;
export const MAX_STORED_BYTES = 0xffff;

export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; i++) {
    a = (a + data[i]!) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

export function zlibStore(data: Uint8Array): Uint8Array {
  if (data.length > MAX_STORED_BYTES) throw new RangeError(`a single stored block holds at most ${MAX_STORED_BYTES} bytes`);
  const out = new Uint8Array(data.length + OVERHEAD);
  const len = data.length;
  const adler = adler32(data);
  out.set([HEADER[0], HEADER[1], FINAL_STORED_BLOCK, len & 0xff, len >> 8, ~len & 0xff, (~len >> 8) & 0xff]);
  out.set(data, 7);
  out.set([adler >>> 24, (adler >> 16) & 0xff, (adler >> 8) & 0xff, adler & 0xff], 7 + len);
  return out;
}

/** The data of a stream exactly as zlibStore writes it; anything else throws ZlibStoredError. */
export function zlibUnstore(bytes: Uint8Array, maxLength: number): Uint8Array {
  if (bytes.length < OVERHEAD) throw new ZlibStoredError('too short for a zlib stream');
  if (bytes[0] !== HEADER[0] || bytes[1] !== HEADER[1]) throw new ZlibStoredError('not the zlib header 78 01');
  if (bytes[2] !== FINAL_STORED_BLOCK) throw new ZlibStoredError('not a single final stored block');
  const len = bytes[3]! | (bytes[4]! << 8);
  const nlen = bytes[5]! | (bytes[6]! << 8);
  if (nlen !== (~len & 0xffff)) throw new ZlibStoredError('stored block length does not match its complement');
  if (len > maxLength) throw new ZlibStoredError(`stored data of ${len} bytes exceeds ${maxLength}`);
  if (bytes.length !== len + OVERHEAD) throw new ZlibStoredError(bytes.length < len + OVERHEAD ? 'truncated zlib stream' : 'bytes after the end of the zlib stream');
  const data = bytes.slice(7, 7 + len);
  const expected = ((bytes[7 + len]! << 24) | (bytes[8 + len]! << 16) | (bytes[9 + len]! << 8) | bytes[10 + len]!) >>> 0;
  if (adler32(data) !== expected) throw new ZlibStoredError('Adler-32 check failed');
  return data;
}
