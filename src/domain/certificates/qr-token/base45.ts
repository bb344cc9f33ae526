// Base45 (RFC 9285): two bytes → three characters of the QR alphanumeric alphabet, so a binary token
// fits QR alphanumeric mode (5.5 bits a character). The decoder is strict, so that every text decodes
// to at most one byte string and one byte string has exactly one text: characters outside the
// alphabet, a dangling single character, a triple above 65535 (e.g. "GGW") and a pair above 255
// (e.g. "V5") are errors, never silently wrapped. (The npm packages checked — base45, base45-js,
// base45-ts — wrap or ignore those cases, which would let two texts verify as one token.)

export const BASE45_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

const VALUE = new Map<string, number>([...BASE45_ALPHABET].map((ch, i) => [ch, i]));

export class Base45Error extends Error {
  override readonly name = 'Base45Error';
}

export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 1 < bytes.length; i += 2) {
    const n = bytes[i]! * 256 + bytes[i + 1]!;
    out += BASE45_ALPHABET[n % 45]! + BASE45_ALPHABET[Math.floor(n / 45) % 45]! + BASE45_ALPHABET[Math.floor(n / 2025)]!;
  }
  if (i < bytes.length) {
    const n = bytes[i]!;
    out += BASE45_ALPHABET[n % 45]! + BASE45_ALPHABET[Math.floor(n / 45)]!;
  }
  return out;
}

export function base45Decode(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new Base45Error(`Base45 text of length ${text.length} has a dangling character`);
  const digits = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    const v = VALUE.get(text[i]!);
    if (v === undefined) throw new Base45Error(`character ${JSON.stringify(text[i])} at ${i} is not in the Base45 alphabet`);
    digits[i] = v;
  }
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  let i = 0;
  for (; i + 2 < text.length; i += 3) {
    const n = digits[i]! + digits[i + 1]! * 45 + digits[i + 2]! * 2025;
    if (n > 0xffff) throw new Base45Error(`triple ${JSON.stringify(text.slice(i, i + 3))} at ${i} exceeds 65535`);
    out[o++] = n >> 8;
    out[o++] = n & 0xff;
  }
  if (i < text.length) {
    const n = digits[i]! + digits[i + 1]! * 45;
    if (n > 0xff) throw new Base45Error(`pair ${JSON.stringify(text.slice(i, i + 2))} at ${i} exceeds 255`);
    out[o] = n;
  }
  return out;
}
