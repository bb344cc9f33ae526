// C2SP signed notes (c2sp.org/signed-note) with Ed25519 signatures: the envelope of checkpoints,
// chosen so that off-the-shelf witnesses and monitors (Go sumdb/note, transparency-dev) can read and
// cosign our log's tree heads.
//
//   <text ending in \n>
//   <blank line>
//   — <key name> <base64(uint32 key ID, big-endian ‖ signature)>\n   (one or more)
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { rawPublicKey } from '../common/key-id.ts';
import { fromBase64, toBase64 } from './base64.ts';

/** Signature type byte of Ed25519 in the signed-note registry. */
export const ED25519_SIGNATURE_TYPE = 0x01;
/** The spec asks verifiers to cap signatures per note (and to accept at least 16); Go uses 100. */
export const MAX_NOTE_SIGNATURES = 100;

const SIGNATURE_PREFIX = '\u2014 ';
// Unicode spaces (JavaScript's \s, plus NEL which Go's unicode.IsSpace also counts) and '+'.
const BAD_NAME_CHAR = /[\s\u0085+]/u;
// ASCII controls other than newline, and lone surrogates (a JS string that is not valid UTF-8).
const BAD_TEXT_CHAR = /[\u0000-\u0009\u000b-\u001f]|\p{Cs}/u;

export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  readonly privateKey: KeyObject;
}

export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: KeyObject;
}

export interface NoteSignature {
  readonly name: string;
  /** uint32 key ID */
  readonly keyId: number;
  /** The signature bytes, without the 4-byte key ID. */
  readonly signature: Uint8Array;
}

export interface Note {
  /** Signed text, including its final newline. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

export type NoteVerdict =
  | { readonly ok: true; readonly text: string; readonly verifiedBy: readonly { name: string; keyId: number }[] }
  | { readonly ok: false; readonly reason: string };

export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !BAD_NAME_CHAR.test(name) && !BAD_TEXT_CHAR.test(name);
}

/** key ID = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ 32-byte Ed25519 public key)[:4], big-endian. */
export function noteKeyId(name: string, publicKey: KeyObject): number {
  const digest = createHash('sha256')
    .update(name, 'utf8')
    .update(new Uint8Array([0x0a, ED25519_SIGNATURE_TYPE]))
    .update(rawPublicKey(publicKey))
    .digest();
  return digest.readUInt32BE(0);
}

export function noteSigner(name: string, privateKey: KeyObject): NoteSigner {
  if (!isValidKeyName(name)) throw new TypeError(`invalid note key name ${JSON.stringify(name)}`);
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('note signer needs an Ed25519 private key');
  return { name, keyId: noteKeyId(name, createPublicKey(privateKey)), privateKey };
}

export function noteVerifier(name: string, publicKey: KeyObject): NoteVerifier {
  if (!isValidKeyName(name)) throw new TypeError(`invalid note key name ${JSON.stringify(name)}`);
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new TypeError('note verifier needs an Ed25519 public key');
  const key = publicKey.type === 'private' ? createPublicKey(publicKey) : publicKey;
  return { name, keyId: noteKeyId(name, key), publicKey: key };
}

/** The verifier key text Go's note package and witnesses exchange: name+hex(key ID)+base64(0x01 ‖ key). */
export function formatVerifierKey(verifier: NoteVerifier): string {
  const encoded = new Uint8Array([ED25519_SIGNATURE_TYPE, ...rawPublicKey(verifier.publicKey)]);
  return `${verifier.name}+${hex8(verifier.keyId)}+${toBase64(encoded)}`;
}

/** Reads a verifier key; throws SyntaxError when it is malformed or its key ID does not match. */
export function parseVerifierKey(vkey: string): NoteVerifier {
  // name + key id + key; the base64 key may itself contain '+', so split at the first two only.
  const first = vkey.indexOf('+');
  const second = first < 0 ? -1 : vkey.indexOf('+', first + 1);
  if (first <= 0 || second < 0) throw new SyntaxError('verifier key: expected name+keyid+key');
  const [name, id, key] = [vkey.slice(0, first), vkey.slice(first + 1, second), vkey.slice(second + 1)];
  const bytes = fromBase64(key);
  if (!/^[0-9a-fA-F]{8}$/.test(id) || !bytes || bytes.length !== 33 || bytes[0] !== ED25519_SIGNATURE_TYPE) {
    throw new SyntaxError('verifier key: not an Ed25519 key');
  }
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(bytes.subarray(1)).toString('base64url') }, format: 'jwk' });
  const verifier = noteVerifier(name, publicKey);
  if (verifier.keyId !== Number.parseInt(id, 16)) throw new SyntaxError('verifier key: key ID does not match the key');
  return verifier;
}

/** Signs `text` with every signer and returns the whole signed note. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  assertNoteText(text);
  if (signers.length === 0) throw new TypeError('a signed note needs at least one signature');
  const message = Buffer.from(text, 'utf8');
  return formatNote({
    text,
    signatures: signers.map((s) => ({ name: s.name, keyId: s.keyId, signature: sign(null, message, s.privateKey) })),
  });
}

export function formatNote(note: Note): string {
  assertNoteText(note.text);
  const lines = note.signatures.map((s) => {
    if (!isValidKeyName(s.name)) throw new TypeError(`invalid note key name ${JSON.stringify(s.name)}`);
    const bytes = new Uint8Array(4 + s.signature.length);
    new DataView(bytes.buffer).setUint32(0, s.keyId >>> 0);
    bytes.set(s.signature, 4);
    return `${SIGNATURE_PREFIX}${s.name} ${toBase64(bytes)}\n`;
  });
  return `${note.text}\n${lines.join('')}`;
}

/**
 * Splits a signed note into text and signatures, checking only syntax (nothing is verified yet:
 * use openNote before trusting the text). Bytes must be UTF-8. Throws SyntaxError.
 */
export function parseNote(message: string | Uint8Array): Note {
  let msg: string;
  if (typeof message === 'string') {
    msg = message;
  } else {
    try {
      msg = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(message);
    } catch {
      throw new SyntaxError('note is not valid UTF-8');
    }
  }
  if (BAD_TEXT_CHAR.test(msg)) throw new SyntaxError('note contains control characters or invalid UTF-8');
  // The text ends at the last blank line: the text may hold blank lines, signatures cannot.
  const split = msg.lastIndexOf('\n\n');
  if (split < 0) throw new SyntaxError('note has no blank line before its signatures');
  const text = msg.slice(0, split + 1);
  const block = msg.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) throw new SyntaxError('note signatures must be lines ending in a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) throw new SyntaxError(`note has more than ${MAX_NOTE_SIGNATURES} signatures`);
  const signatures = lines.map((line): NoteSignature => {
    if (!line.startsWith(SIGNATURE_PREFIX)) throw new SyntaxError('signature line must start with an em dash and a space');
    const rest = line.slice(SIGNATURE_PREFIX.length);
    const space = rest.indexOf(' ');
    const name = rest.slice(0, space);
    const bytes = space < 0 ? null : fromBase64(rest.slice(space + 1));
    if (!isValidKeyName(name) || !bytes || bytes.length < 5) throw new SyntaxError('malformed signature line');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { name, keyId: view.getUint32(0), signature: bytes.slice(4) };
  });
  return { text, signatures };
}

/**
 * Verifies a signed note against the keys the caller trusts. Per the spec: signatures from unknown
 * keys (name and key ID not both matching) are ignored; one failing signature from a known key
 * rejects the note; at least one known key must have signed.
 */
export function openNote(message: string | Uint8Array, verifiers: readonly NoteVerifier[]): NoteVerdict {
  let note: Note;
  try {
    note = parseNote(message);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const signed = Buffer.from(note.text, 'utf8');
  const verifiedBy: { name: string; keyId: number }[] = [];
  for (const s of note.signatures) {
    const verifier = verifiers.find((v) => v.name === s.name && v.keyId === s.keyId);
    if (!verifier) continue;
    let good = false;
    try {
      good = verify(null, signed, verifier.publicKey, s.signature);
    } catch {
      good = false;
    }
    if (!good) return { ok: false, reason: `signature by ${s.name} (${hex8(s.keyId)}) does not verify` };
    verifiedBy.push({ name: s.name, keyId: s.keyId });
  }
  if (verifiedBy.length === 0) return { ok: false, reason: 'no signature from a trusted key' };
  return { ok: true, text: note.text, verifiedBy };
}

function assertNoteText(text: string): void {
  if (text === '' || !text.endsWith('\n')) throw new TypeError('note text must be non-empty and end with a newline');
  if (BAD_TEXT_CHAR.test(text)) throw new TypeError('note text must be valid UTF-8 without control characters');
}

function hex8(keyId: number): string {
  return (keyId >>> 0).toString(16).padStart(8, '0');
}
