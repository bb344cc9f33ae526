// Standard base64 (RFC 4648 §4) as checkpoints, signed notes and the proof JSON use it. Decoding is
// strict: Buffer's decoder skips junk and accepts base64url, so two different texts could stand for
// one hash or signature; here only the single canonical spelling of each byte string is accepted.

const CANONICAL_SHAPE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** The bytes, or null when the text is not canonical padded standard base64. */
export function fromBase64(text: string): Uint8Array | null {
  if (!CANONICAL_SHAPE.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  // Non-zero bits in the last character's unused low bits would still decode: reject them.
  if (bytes.toString('base64') !== text) return null;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
