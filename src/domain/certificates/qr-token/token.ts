// The offline-verifiable certificate QR token (DESIGN §5), packed like the EU digital COVID
// certificate:
//
//   claims (CBOR map, claims.ts) → COSE_Sign1 with Ed25519 (cose.ts) → zlib (one stored deflate
//   block, zlib-stored.ts) → Base45 (base45.ts) → "JL1:" + text
//
// Every step is deterministic and every parse is strict, so the same claims signed by the same key
// give exactly one `JL1:` text, and any edit of that text fails verification. This file is pure and runs unchanged in Node and in the
// browser (its one library is cbor2, the decoder; cbor-encode.ts encodes). Only the Ed25519 operations are passed in: a signer when
// encoding, a verify function when verifying (node.ts binds node:crypto; a browser binding can bind
// WebCrypto, whose verify is async — hence verifyQrToken is).
//
// The QR text may also be the public verification URL with the token after '#'
// (https://host/v#JL1:…). Base45 has ' ' and '%', which a URL fragment cannot carry as they are
// (browsers turn ' ' into "%20", and a literal "%20" in the token would then be ambiguous), so in the
// URL form the fragment is the token percent-encoded (' ' → %20, '%' → %25; both stay QR
// alphanumeric) and readers percent-decode it.
import { base45Decode, base45Encode } from './base45.ts';
import { ClaimsError, claimsFromMap, claimsToMap, kidFromBytes, kidToBytes, type QrCertificateClaims } from './claims.ts';
import { CoseError, cborDecode, cborEncode, coseSign1, ED25519_SIGNATURE_BYTES, parseCoseSign1, protectedHeader, sigStructure, type ParsedCoseSign1 } from './cose.ts';
import { zlibStore, zlibUnstore } from './zlib-stored.ts';

export const QR_TOKEN_PREFIX = 'JL1:';
/** The most characters a QR code holds in alphanumeric mode (version 40, error correction L). */
export const MAX_QR_TOKEN_CHARS = 4296;
/** Upper bound of the COSE structure; a real one is a few hundred bytes. */
export const MAX_COSE_BYTES = 8192;

export type QrTokenErrorCode =
  | 'bad_prefix'
  | 'too_large'
  | 'bad_base45'
  | 'bad_deflate'
  | 'bad_cbor'
  | 'bad_cose'
  | 'unsupported_alg'
  | 'bad_claims';

export class QrTokenError extends Error {
  override readonly name = 'QrTokenError';
  constructor(
    readonly code: QrTokenErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface QrTokenSigner {
  /** DESIGN §5 kid: 16 lowercase hex digits (first 8 bytes of SHA-256 of the raw public key). */
  readonly kid: string;
  /** Ed25519 signature (64 bytes) of the message. */
  sign(message: Uint8Array): Uint8Array;
}

/** Every intermediate form of one token, in the order they are produced. */
export interface QrTokenStages {
  readonly claimsCbor: Uint8Array;
  readonly protected: Uint8Array;
  readonly sigStructure: Uint8Array;
  readonly signature: Uint8Array;
  readonly cose: Uint8Array;
  /** The zlib stream (the DCC test data's COMPRESSED stage; here one stored block, zlib-stored.ts). */
  readonly compressed: Uint8Array;
  readonly base45: string;
  readonly text: string;
}

export interface DecodedQrToken {
  /** The protected header as signed (a CBOR byte string's content). */
  readonly protected: Uint8Array;
  readonly kid: string;
  readonly claims: QrCertificateClaims;
  /** The CBOR claims as signed. */
  readonly payload: Uint8Array;
  readonly signature: Uint8Array;
  /** The bytes the signature covers (RFC 9052 §4.4). */
  readonly sigStructure: Uint8Array;
}

/** Raw 32-byte Ed25519 public key, message, 64-byte signature → valid? */
export type Ed25519Verify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean | Promise<boolean>;

export interface QrKeyEntry {
  /** Raw 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
  /** A revoked key verifies nothing, whatever the token's date. */
  readonly revoked?: boolean;
}

export type QrKeyResolver = (kid: string) => QrKeyEntry | Uint8Array | null | undefined | Promise<QrKeyEntry | Uint8Array | null | undefined>;
/** Published keys by kid (a bare Uint8Array is an unrevoked key), or a function that looks one up. */
export type QrKeys = ReadonlyMap<string, QrKeyEntry | Uint8Array> | QrKeyResolver;

export type QrVerifyFailure = 'malformed' | 'unsupported_alg' | 'unknown_key' | 'revoked_key' | 'key_lookup_failed' | 'bad_signature';

export type QrVerifyResult =
  | { readonly ok: true; readonly claims: QrCertificateClaims; readonly kid: string }
  | { readonly ok: false; readonly reason: QrVerifyFailure; readonly kid?: string; readonly detail?: string };

function fail(code: QrTokenErrorCode, message: string): never {
  throw new QrTokenError(code, message);
}

/** Builds the token and returns every stage (tests and diagnostics); encodeQrToken returns the text. */
export function encodeQrTokenStages(claims: QrCertificateClaims, signer: QrTokenSigner): QrTokenStages {
  let claimsCbor: Uint8Array;
  let kid: Uint8Array;
  try {
    kid = kidToBytes(signer.kid);
    claimsCbor = cborEncode(claimsToMap(claims, signer.kid));
  } catch (error) {
    if (error instanceof ClaimsError) fail('bad_claims', error.message);
    throw error;
  }
  const protectedBytes = protectedHeader(kid);
  const toSign = sigStructure(protectedBytes, claimsCbor);
  const signature = signer.sign(toSign);
  if (!(signature instanceof Uint8Array) || signature.length !== ED25519_SIGNATURE_BYTES) throw new TypeError('the signer did not return a 64-byte Ed25519 signature');
  const cose = coseSign1(protectedBytes, claimsCbor, signature);
  const compressed = zlibStore(cose);
  const base45 = base45Encode(compressed);
  const text = QR_TOKEN_PREFIX + base45;
  if (text.length > MAX_QR_TOKEN_CHARS) fail('too_large', `the token has ${text.length} characters; a QR code holds at most ${MAX_QR_TOKEN_CHARS}`);
  // Never hand out a token our own decoder would refuse.
  decodeQrToken(text);
  return { claimsCbor, protected: protectedBytes, sigStructure: toSign, signature, cose, compressed, base45, text };
}

export function encodeQrToken(claims: QrCertificateClaims, signer: QrTokenSigner): string {
  return encodeQrTokenStages(claims, signer).text;
}

const URL_BEFORE_FRAGMENT = /^https?:\/\/[^\s#]+$/i;

/** The URL form of the QR text: the verification page URL, '#', the token percent-encoded. */
export function qrTextForUrl(verifyUrl: string, token: string): string {
  if (!URL_BEFORE_FRAGMENT.test(verifyUrl)) throw new TypeError(`not an http(s) URL without fragment: ${verifyUrl}`);
  if (!token.startsWith(QR_TOKEN_PREFIX)) throw new TypeError('not a JL1: token');
  return `${verifyUrl}#${token.replace(/%/g, '%25').replace(/ /g, '%20')}`;
}

/** The `JL1:` token in a QR text: the text itself, or the percent-decoded fragment of a URL. */
export function tokenFromQrText(text: string): string {
  if (typeof text !== 'string') fail('bad_prefix', 'the QR text is not a string');
  if (text.startsWith(QR_TOKEN_PREFIX)) return text;
  const hash = text.indexOf('#');
  if (hash < 0 || !URL_BEFORE_FRAGMENT.test(text.slice(0, hash))) fail('bad_prefix', `the QR text is neither a ${QR_TOKEN_PREFIX} token nor a URL with one after '#'`);
  const fragment = text.slice(hash + 1);
  if (/%(?![0-9A-Fa-f]{2})/.test(fragment)) fail('bad_prefix', "a '%' in the URL fragment is not a percent-escape");
  const token = fragment.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  if (!token.startsWith(QR_TOKEN_PREFIX)) fail('bad_prefix', `the URL fragment does not start with ${QR_TOKEN_PREFIX}`);
  return token;
}

/** Text → COSE_Sign1, everything but the claims checked. */
function decodeEnvelope(text: string): ParsedCoseSign1 {
  const token = tokenFromQrText(text);
  if (token.length > MAX_QR_TOKEN_CHARS) fail('too_large', `the token has ${token.length} characters; a QR code holds at most ${MAX_QR_TOKEN_CHARS}`);
  let compressed: Uint8Array;
  try {
    compressed = base45Decode(token.slice(QR_TOKEN_PREFIX.length));
  } catch (error) {
    fail('bad_base45', (error as Error).message);
  }
  let cose: Uint8Array;
  try {
    cose = zlibUnstore(compressed, MAX_COSE_BYTES);
  } catch (error) {
    fail('bad_deflate', (error as Error).message);
  }
  try {
    return parseCoseSign1(cose);
  } catch (error) {
    if (!(error instanceof CoseError)) throw error;
    fail(error.kind === 'cbor' ? 'bad_cbor' : error.kind === 'alg' ? 'unsupported_alg' : 'bad_cose', error.message);
  }
}

/** The claims of a parsed COSE_Sign1, checked against the schema and the header's kid. */
function decodeClaims(parsed: ParsedCoseSign1): { claims: QrCertificateClaims; kid: string } {
  const kid = kidFromBytes(parsed.kid);
  let claimsValue: unknown;
  try {
    claimsValue = cborDecode(parsed.payload);
  } catch (error) {
    fail('bad_cbor', `payload: ${(error as Error).message}`);
  }
  let decoded: { claims: QrCertificateClaims; kid: string };
  try {
    decoded = claimsFromMap(claimsValue);
  } catch (error) {
    if (!(error instanceof ClaimsError)) throw error;
    fail('bad_claims', error.message);
  }
  if (decoded.kid !== kid) fail('bad_claims', `the claims name key ${decoded.kid} but the header names ${kid}`);
  return decoded;
}

/** Decodes and checks a QR text down to its claims; throws QrTokenError. Does not verify the signature. */
export function decodeQrToken(text: string): DecodedQrToken {
  const parsed = decodeEnvelope(text);
  const { claims, kid } = decodeClaims(parsed);
  return { protected: parsed.protected, kid, claims, payload: parsed.payload, signature: parsed.signature, sigStructure: parsed.sigStructure };
}

function malformed(error: unknown, kid?: string): QrVerifyResult {
  if (error instanceof QrTokenError) {
    return { ok: false, reason: error.code === 'unsupported_alg' ? 'unsupported_alg' : 'malformed', ...(kid === undefined ? {} : { kid }), detail: `${error.code}: ${error.message}` };
  }
  return { ok: false, reason: 'malformed', detail: String(error) };
}

/**
 * Verifies a QR text against published keys. Fails closed: anything that does not decode, an
 * unknown or revoked kid, a key lookup that throws, and a signature that does not verify (or whose
 * check throws) are all `ok: false`. Never throws. The claims are parsed only once the signature
 * has verified.
 */
export async function verifyQrToken(text: string, keys: QrKeys, verify: Ed25519Verify): Promise<QrVerifyResult> {
  let parsed: ParsedCoseSign1;
  try {
    parsed = decodeEnvelope(text);
  } catch (error) {
    return malformed(error);
  }
  const kid = kidFromBytes(parsed.kid);
  let entry: QrKeyEntry | Uint8Array | null | undefined;
  try {
    entry = typeof keys === 'function' ? await keys(kid) : keys.get(kid);
  } catch (error) {
    return { ok: false, reason: 'key_lookup_failed', kid, detail: String(error) };
  }
  if (entry === null || entry === undefined) return { ok: false, reason: 'unknown_key', kid };
  const key: QrKeyEntry = entry instanceof Uint8Array ? { publicKey: entry } : entry;
  if (key.revoked === true) return { ok: false, reason: 'revoked_key', kid };
  if (!(key.publicKey instanceof Uint8Array) || key.publicKey.length !== 32) return { ok: false, reason: 'unknown_key', kid, detail: 'the published key is not a raw 32-byte Ed25519 key' };
  let valid: boolean;
  try {
    valid = (await verify(key.publicKey, parsed.sigStructure, parsed.signature)) === true;
  } catch (error) {
    return { ok: false, reason: 'bad_signature', kid, detail: String(error) };
  }
  if (!valid) return { ok: false, reason: 'bad_signature', kid };
  try {
    return { ok: true, claims: decodeClaims(parsed).claims, kid };
  } catch (error) {
    return malformed(error, kid);
  }
}
