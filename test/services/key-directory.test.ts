// Signing keys outside the database: created private to their owner, refused when others can read them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyDirectory } from '../../src/services/keys/key-directory.ts';
import { AppError } from '../../src/domain/errors.ts';

const posix = process.platform !== 'win32';

function freshDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'jiliang-keydir-')), 'keys');
}

test('creates the directory (0700) and an Ed25519 key (0600) once, with the DESIGN §5 key id', { skip: !posix && 'POSIX modes' }, () => {
  const dir = freshDir();
  const key = new KeyDirectory(dir).signingKey('audit');
  assert.equal(statSync(dir).mode & 0o777, 0o700);
  assert.equal(statSync(join(dir, 'audit.key')).mode & 0o777, 0o600);
  assert.deepEqual(readdirSync(dir), ['audit.key']);
  assert.equal(key.privateKey.asymmetricKeyType, 'ed25519');
  // Raw key = last 32 bytes of the SPKI DER; kid = first 8 bytes of its SHA-256, in hex.
  const raw = createPublicKey(key.privateKey).export({ type: 'spki', format: 'der' }).subarray(-32);
  assert.equal(key.publicKeyRaw, raw.toString('base64url'));
  assert.equal(key.keyId, createHash('sha256').update(raw).digest('hex').slice(0, 16));
  assert.equal(new KeyDirectory(dir).signingKey('audit').keyId, key.keyId, 'loaded, not replaced');
  assert.notEqual(new KeyDirectory(dir).signingKey('certificates').keyId, key.keyId, 'one key per name');
});

test('refuses a key file that group or others can read', { skip: !posix && 'POSIX modes' }, () => {
  const dir = freshDir();
  new KeyDirectory(dir).signingKey('audit');
  chmodSync(join(dir, 'audit.key'), 0o640);
  const error = (() => {
    try {
      new KeyDirectory(dir).signingKey('audit');
    } catch (e) {
      return e;
    }
  })();
  assert.ok(error instanceof AppError);
  assert.equal(error.code, 'JL_ERR_KEY_FILE');
  assert.match(error.detail!.en, /audit\.key is readable by other users; restrict it with chmod 600/);
});

test('public keys: the current key and retired ones, without creating anything', () => {
  const dir = freshDir();
  const keys = new KeyDirectory(dir);
  assert.deepEqual(keys.publicKeys('audit'), []);
  assert.throws(() => readdirSync(dir), /ENOENT/);
  const current = keys.signingKey('audit');
  const retired = generateKeyPairSync('ed25519').publicKey;
  writeFileSync(join(dir, 'audit.2026-01.pub'), retired.export({ type: 'spki', format: 'pem' }));
  const ids = keys.publicKeys('audit').map((k) => k.keyId);
  assert.equal(ids.length, 2);
  assert.equal(ids[0], current.keyId);
  assert.notEqual(ids[1], current.keyId);
  assert.throws(() => keys.signingKey('../escape'), /invalid key name/);
});
