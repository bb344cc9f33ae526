// COSE_Sign1 (RFC 9052 §4.2) with one profile: Ed25519, the kid in the protected header, nothing
// unprotected, always tag 18.
//
//   18([ protected: bstr .cbor {1: -8 (alg EdDSA), 4: kid (8 bytes)},
//        unprotected: {},
//        payload: bstr .cbor claims,
//        signature: bstr (64 bytes, Ed25519 over Sig_structure) ])
//   Sig_structure = ["Signature1", protected, external_aad: h'', payload]   (RFC 9052 §4.4)
//
// Everything is encoded deterministically (cbor-encode.ts), and parsing is strict (cbor2's decoder):
// the bytes must be exactly the deterministic encoding of a structure of this shape, so a token has a
// single valid spelling.
import { decode, Tag, type DecodeOptions } from 'cbor2';
import { CborEncodeError, encodeCbor } from './cbor-encode.ts';

export const COSE_SIGN1_TAG = 18;
export const HEADER_ALG = 1;
export const HEADER_KID = 4;
export const ALG_EDDSA = -8;
export const ED25519_SIGNATURE_BYTES = 64;

/** Malformed CBOR ('cbor'), CBOR of the wrong shape ('structure'), or an algorithm other than EdDSA ('alg'). */
export class CoseError extends Error {
  override readonly name = 'CoseError';
  constructor(
    message: string,
    readonly kind: 'cbor' | 'structure' | 'alg',
  ) {
    super(message);
  }
}

/**
 * Decoding that refuses anything the deterministic encoder would not write (non-shortest forms,
 * unsorted or duplicate keys, indefinite lengths), floats, undefined and unusual simple values,
 * big integers, and leaves every tag as a Tag (no global tag decoders run on untrusted input).
 */
export const STRICT_DECODE_OPTIONS: DecodeOptions = {
  cde: true,
  rejectStreaming: true,
  requirePreferred: true,
  rejectDuplicateKeys: true,
  rejectFloats: true,
  rejectUndefined: true,
  rejectSimple: true,
  rejectBigInts: true,
  rejectLargeNegatives: true,
  preferMap: true,
  ignoreGlobalTags: true,
  maxDepth: 8,
};

/** Core deterministic CBOR (RFC 8949 §4.2.1); the bytes cbor2's `encode(value, { cde: true })` writes. */
export function cborEncode(value: unknown): Uint8Array {
  return encodeCbor(value);
}

/** Strict decode; throws CoseError('cbor') on malformed or non-deterministic CBOR or trailing bytes. */
export function cborDecode(bytes: Uint8Array): unknown {
  let value: unknown;
  try {
    value = decode(bytes, STRICT_DECODE_OPTIONS);
  } catch (error) {
    throw new CoseError(`not deterministic CBOR: ${(error as Error).message}`, 'cbor');
  }
  // Belt and braces: the bytes must be exactly what the encoder writes for the value.
  let reencoded: Uint8Array;
  try {
    reencoded = cborEncode(value);
  } catch (error) {
    if (!(error instanceof CborEncodeError)) throw error;
    throw new CoseError(`CBOR outside the deterministic encoder's types: ${error.message}`, 'cbor');
  }
  if (!bytesEqual(reencoded, bytes)) throw new CoseError('CBOR is not in deterministic encoding', 'cbor');
  return value;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function protectedHeader(kid: Uint8Array): Uint8Array {
  return cborEncode(
    new Map<number, unknown>([
      [HEADER_ALG, ALG_EDDSA],
      [HEADER_KID, kid],
    ]),
  );
}

export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return cborEncode(['Signature1', protectedBytes, new Uint8Array(0), payload]);
}

export function coseSign1(protectedBytes: Uint8Array, payload: Uint8Array, signature: Uint8Array): Uint8Array {
  return cborEncode(new Tag(COSE_SIGN1_TAG, [protectedBytes, new Map(), payload, signature]));
}

export interface ParsedCoseSign1 {
  readonly protected: Uint8Array;
  readonly kid: Uint8Array;
  readonly payload: Uint8Array;
  readonly signature: Uint8Array;
  readonly sigStructure: Uint8Array;
}

export function parseCoseSign1(bytes: Uint8Array): ParsedCoseSign1 {
  const value = cborDecode(bytes);
  if (!(value instanceof Tag) || Number(value.tag) !== COSE_SIGN1_TAG) throw new CoseError('not a COSE_Sign1 (tag 18)', 'structure');
  const parts = value.contents;
  if (!Array.isArray(parts) || parts.length !== 4) throw new CoseError('COSE_Sign1 is not an array of 4', 'structure');
  const [protectedBytes, unprotected, payload, signature] = parts as unknown[];
  if (!(protectedBytes instanceof Uint8Array)) throw new CoseError('protected header is not a byte string', 'structure');
  if (!(unprotected instanceof Map) || unprotected.size !== 0) throw new CoseError('unprotected header must be an empty map', 'structure');
  if (!(payload instanceof Uint8Array)) throw new CoseError('payload is not a byte string', 'structure');
  if (!(signature instanceof Uint8Array)) throw new CoseError('signature is not a byte string', 'structure');

  let header: unknown;
  try {
    header = cborDecode(protectedBytes);
  } catch (error) {
    throw new CoseError(`protected header: ${(error as Error).message}`, 'structure');
  }
  if (!(header instanceof Map)) throw new CoseError('protected header is not a map', 'structure');
  const alg = header.get(HEADER_ALG);
  if (alg === undefined) throw new CoseError('protected header has no algorithm', 'structure');
  if (alg !== ALG_EDDSA) throw new CoseError(`unsupported algorithm ${String(alg)}`, 'alg');
  for (const label of header.keys()) {
    if (label !== HEADER_ALG && label !== HEADER_KID) throw new CoseError(`unexpected protected header ${String(label)}`, 'structure');
  }
  const kid = header.get(HEADER_KID);
  if (!(kid instanceof Uint8Array) || kid.length !== 8) throw new CoseError('protected header kid is not 8 bytes', 'structure');
  if (signature.length !== ED25519_SIGNATURE_BYTES) throw new CoseError(`an Ed25519 signature has 64 bytes, not ${signature.length}`, 'structure');
  return { protected: protectedBytes, kid, payload, signature, sigStructure: sigStructure(protectedBytes, payload) };
}
