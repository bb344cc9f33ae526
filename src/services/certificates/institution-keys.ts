// Each issuing institution signs with its own Ed25519 key. Private keys stay in the key directory
// (`institution-<id>.key`); the database records the public halves with their state, which is
// what `/.well-known/jiliang-keys.json` publishes and what verifiers trust.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import * as certs from '../../store/repositories/certificate-repository.ts';
import type { KeyDirectory, SigningKey } from '../keys/key-directory.ts';
import type { Clock } from '../clock.ts';

export type KeyStatus = 'active' | 'retired' | 'revoked';

export interface PublishedKey {
  readonly kid: string;
  readonly institutionId: number;
  /** raw Ed25519 public key, base64url */
  readonly publicKey: string;
  readonly alg: 'EdDSA';
  readonly status: KeyStatus;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export function institutionKeyName(institutionId: number): string {
  return `institution-${institutionId}`;
}

export function keyStatus(row: certs.SigningKeyRow): KeyStatus {
  return row.revoked_at ? 'revoked' : row.retired_at ? 'retired' : 'active';
}

export class InstitutionKeys {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly keys: KeyDirectory,
    private readonly clock: Clock,
  ) {}

  /** The institution's current signing key, registered in the database on first use. */
  async signingKey(trx: Kysely<Database>, institutionId: number): Promise<SigningKey> {
    const key = this.keys.signingKey(institutionKeyName(institutionId));
    const known = await certs.findSigningKey(trx, key.keyId);
    if (known?.revoked_at) throw new Error(`the signing key ${key.keyId} of institution ${institutionId} is revoked: rotate it before issuing`);
    if (!known) {
      await certs.insertSigningKey(trx, {
        key_id: key.keyId,
        institution_id: institutionId,
        public_key: key.publicKeyRaw,
        created_at: this.clock.now().toISOString(),
        retired_at: null,
        revoked_at: null,
        revoke_reason: null,
      });
    }
    return key;
  }

  /** A new key for the institution; the old one is retired (still published, still verifies). */
  async rotate(trx: Kysely<Database>, institutionId: number): Promise<{ retired: string; active: string }> {
    const old = this.keys.signingKey(institutionKeyName(institutionId));
    await this.signingKey(trx, institutionId).catch(() => undefined); // registered even if revoked
    const now = this.clock.now().toISOString();
    const next = this.keys.rotate(institutionKeyName(institutionId));
    await certs.updateSigningKey(trx, old.keyId, { retired_at: now });
    await this.signingKey(trx, institutionId);
    return { retired: old.keyId, active: next.keyId };
  }

  /** Revokes a key: everything it signed stops verifying (fail closed), online and offline. */
  async revoke(trx: Kysely<Database>, keyId: string, reason: string): Promise<certs.SigningKeyRow | null> {
    const row = await certs.findSigningKey(trx, keyId);
    if (!row || row.revoked_at) return null;
    await certs.updateSigningKey(trx, keyId, { revoked_at: this.clock.now().toISOString(), revoke_reason: reason });
    return row;
  }

  async published(): Promise<PublishedKey[]> {
    return (await certs.signingKeys(this.db)).map((row) => ({
      kid: row.key_id,
      institutionId: row.institution_id,
      publicKey: row.public_key,
      alg: 'EdDSA' as const,
      status: keyStatus(row),
      createdAt: row.created_at,
      revokedAt: row.revoked_at,
    }));
  }
}
