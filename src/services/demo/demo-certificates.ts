// Demo certificates in every state: valid certificates and result notices for recent
// verifications in 渝中区 (the demo owner's first), expired ones from verifications whose validity
// has ended, amended (superseded) and revoked ones — issued through the certificate service, so
// they are signed and in the transparency log like any other.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { sampleVerificationIds } from '../../store/repositories/verification-repository.ts';
import { logSize } from '../../store/repositories/certificate-repository.ts';
import { systemCaller } from '../../domain/auth/actor.ts';
import type { CertificateService } from '../certificates/certificate-service.ts';
import type { Clock } from '../clock.ts';
import { DEMO_DISTRICT } from './demo-users.ts';

export interface DemoCertificates {
  readonly issued: number;
  readonly amended: number;
  readonly revoked: number;
}

export async function ensureDemoCertificates(db: Kysely<Database>, certificates: CertificateService, clock: Clock, ownerId: number | null): Promise<DemoCertificates> {
  if ((await logSize(db)) > 0) return { issued: 0, amended: 0, revoked: 0 };
  const caller = systemCaller('demo');
  const ids = [
    ...(ownerId === null ? [] : await sampleVerificationIds(db, { ownerId }, 10)),
    ...(await sampleVerificationIds(db, { districtCode: DEMO_DISTRICT, conclusion: 'pass' }, 30)),
    ...(await sampleVerificationIds(db, { districtCode: DEMO_DISTRICT, conclusion: 'fail' }, 5)),
    ...(await sampleVerificationIds(db, { districtCode: DEMO_DISTRICT, validUntilBefore: clock.today() }, 5)),
  ];
  const issued: string[] = [];
  for (const id of new Set(ids)) issued.push((await certificates.issue(caller, id)).certificateNo);
  const amend = issued.slice(-8, -5);
  const revoke = issued.slice(-5, -2);
  for (const no of amend) await certificates.amend(caller, no, { reason: '更正使用单位名称（示例）' });
  for (const no of revoke) await certificates.revoke(caller, no, { reason: '检定数据录入有误（示例）' });
  await certificates.log.checkpoint();
  return { issued: issued.length, amended: amend.length, revoked: revoke.length };
}
