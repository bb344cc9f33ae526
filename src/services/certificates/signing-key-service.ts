// Rotating and revoking institutions' certificate signing keys (platform administrators; both
// need a recent password). Rotation keeps the old public key published so what it signed still
// verifies; revocation makes everything the key signed fail verification.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { findOrganizationById } from '../../store/repositories/organization-repository.ts';
import { AppError } from '../../domain/errors.ts';
import type { Caller } from '../../domain/auth/actor.ts';
import { assertSchema } from '../validation.ts';
import { CertificateReason } from '../schemas/certificate.ts';
import { auditEntry, type AccessService } from '../access-service.ts';
import type { AuditService } from '../audit/audit-service.ts';
import type { InstitutionKeys, PublishedKey } from './institution-keys.ts';

export class SigningKeyService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly keys: InstitutionKeys,
  ) {}

  async list(caller: Caller): Promise<PublishedKey[]> {
    await this.access.require(caller, 'keys:manage', 'key.list');
    return this.keys.published();
  }

  async rotate(caller: Caller, institutionId: number): Promise<{ retired: string; active: string }> {
    const action = 'key.rotate';
    await this.access.require(caller, 'keys:manage', action);
    await this.access.requireRecentPassword(caller, action, { type: 'organization', id: institutionId });
    const institution = await findOrganizationById(this.db, institutionId);
    if (!institution || !institution.roles.split(',').includes('verification_institute')) throw new AppError('JL_ERR_NOT_FOUND');
    return this.db.transaction().execute(async (trx) => {
      const result = await this.keys.rotate(trx, institutionId);
      await this.audit.append(trx, auditEntry(caller, action, 'ok', { type: 'organization', id: institutionId }, result));
      return result;
    });
  }

  async revoke(caller: Caller, keyId: string, input: unknown): Promise<PublishedKey> {
    const action = 'key.revoke';
    await this.access.require(caller, 'keys:manage', action);
    await this.access.requireRecentPassword(caller, action, { type: 'key', id: keyId });
    const { reason } = assertSchema(CertificateReason, input);
    await this.db.transaction().execute(async (trx) => {
      const revoked = await this.keys.revoke(trx, keyId, reason);
      if (!revoked) throw new AppError('JL_ERR_NOT_FOUND');
      await this.audit.append(trx, auditEntry(caller, action, 'ok', { type: 'key', id: keyId }, { institutionId: revoked.institution_id }));
    });
    return (await this.keys.published()).find((k) => k.kid === keyId)!;
  }
}
