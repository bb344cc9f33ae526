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
