// Signing keys kept in a directory outside the database, so that write access to the database is
// not enough to re-sign altered history. One Ed25519 key per purpose, `<name>.key` (PKCS#8 PEM,
// mode 0600, directory 0700); retired public keys stay verifiable as `<name>.<label>.pub` (SPKI PEM).
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { keyIdOf, rawPublicKey } from '../../domain/common/key-id.ts';

export interface PublicKeyInfo {
  readonly name: string;
  /** DESIGN §5 kid: hex of the first 8 bytes of SHA-256 of the raw public key */
  readonly keyId: string;
  readonly publicKey: KeyObject;
  /** the raw 32-byte public key, base64url (for published key sets) */
  readonly publicKeyRaw: string;
}

export interface SigningKey extends PublicKeyInfo {
  readonly privateKey: KeyObject;
}

const NAME = /^[a-z0-9][a-z0-9_-]*$/;
const POSIX = process.platform !== 'win32';

function keyFileError(en: string, zh: string): AppError {
  return new AppError('JL_ERR_KEY_FILE', [], { zh, en });
}

function describe(name: string, publicKey: KeyObject): PublicKeyInfo {
  return { name, keyId: keyIdOf(publicKey), publicKey, publicKeyRaw: rawPublicKey(publicKey).toString('base64url') };
}

export class KeyDirectory {
  private readonly loaded = new Map<string, SigningKey>();

  constructor(readonly path: string) {}

  /** The key `<name>`, created on first use. Refuses a key file other users could read. */
  signingKey(name: string): SigningKey {
    const cached = this.loaded.get(name);
    if (cached) return cached;
    const file = this.keyFile(name);
    if (!existsSync(file)) this.create(file);
    if (POSIX && (statSync(file).mode & 0o077) !== 0) {
      throw keyFileError(`Key file ${file} is readable by other users; restrict it with chmod 600 ${file}`, `密钥文件 ${file} 可被其他用户读取，请执行 chmod 600 ${file}`);
    }
    const privateKey = this.readPrivateKey(file);
    const key = { ...describe(name, createPublicKey(privateKey)), privateKey };
    this.loaded.set(name, key);
    return key;
  }

  /**
   * Replaces the key `<name>` with a new one; the old public key stays as `<name>.<kid>.pub`, so
   * what it signed still verifies. Returns the new key.
   */
  rotate(name: string): SigningKey {
    const current = this.signingKey(name);
    writeFileSync(join(this.path, `${name}.${current.keyId}.pub`), current.publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
    unlinkSync(this.keyFile(name));
    this.loaded.delete(name);
    return this.signingKey(name);
  }

  /** Public keys that verify `<name>` signatures: the current key (if any) and retired ones. Creates nothing. */
  publicKeys(name: string): PublicKeyInfo[] {
    const file = this.keyFile(name);
    let entries: string[];
    try {
      entries = readdirSync(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const keys: PublicKeyInfo[] = [];
    if (entries.includes(`${name}.key`)) keys.push(describe(name, createPublicKey(this.readPrivateKey(file))));
    for (const entry of entries.filter((e) => e.startsWith(`${name}.`) && e.endsWith('.pub')).sort()) {
      const pub = join(this.path, entry);
      let publicKey: KeyObject;
      try {
        publicKey = createPublicKey(readFileSync(pub, 'utf8'));
      } catch {
        throw keyFileError(`Key file ${pub} is not a PEM public key`, `密钥文件 ${pub} 不是 PEM 格式的公钥`);
      }
      if (publicKey.asymmetricKeyType !== 'ed25519') throw keyFileError(`Key file ${pub} is not an Ed25519 key`, `密钥文件 ${pub} 不是 Ed25519 密钥`);
      keys.push(describe(name, publicKey));
    }
    return keys;
  }

  /** Writes a new key beside its final name and links it into place: readers never see half a file. */
  private create(file: string): void {
    mkdirSync(this.path, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(temp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    try {
      linkSync(temp, file);
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temp);
    }
  }

  private keyFile(name: string): string {
    if (!NAME.test(name)) throw new TypeError(`invalid key name: ${name}`);
    return join(this.path, `${name}.key`);
  }

  private readPrivateKey(file: string): KeyObject {
    let key: KeyObject;
    try {
      key = createPrivateKey(readFileSync(file, 'utf8'));
    } catch {
      throw keyFileError(`Key file ${file} is not a PKCS#8 PEM private key`, `密钥文件 ${file} 不是 PKCS#8 PEM 格式的私钥`);
    }
    if (key.asymmetricKeyType !== 'ed25519') throw keyFileError(`Key file ${file} is not an Ed25519 key`, `密钥文件 ${file} 不是 Ed25519 密钥`);
    return key;
  }
}
