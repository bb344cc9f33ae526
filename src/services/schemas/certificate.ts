// Certificate actions and public lookups as the API takes them.
import { Type, type Static } from '@sinclair/typebox';
import type { CertificateStatus } from '../../domain/certificates/certificate-document.ts';
import { Id, ShortText, StringEnum } from './common.ts';

export const CertificateReason = Type.Object({ reason: ShortText(300) }, { additionalProperties: false });
const CertificateNo = Type.String({ pattern: '^[JT]\\d{4}-\\d{4}-\\d{6}$', description: '检定证书 J…, 检定结果通知书 T…' });
export const CertificateNoParams = Type.Object({ certificateNo: CertificateNo }, { additionalProperties: false });
export const QrImageParams = Type.Object({ certificateNo: CertificateNo, format: Type.Union([Type.Literal('png'), Type.Literal('svg')]) }, { additionalProperties: false });
export const PublicLookupQuery = Type.Object({ instrumentId: Id }, { additionalProperties: false });
export const ProofQuery = Type.Object({ treeSize: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
export const ConsistencyQuery = Type.Object({ from: Type.Integer({ minimum: 0 }), to: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });

const CERTIFICATE_STATUSES = ['valid', 'expired', 'revoked', 'superseded'] as const satisfies readonly CertificateStatus[];

/** The latest version of a verification's certificate and its status today, as lists show it. */
export const CertificateSummary = Type.Object({
  certificateNo: Type.String(),
  version: Type.Integer({ minimum: 1 }),
  status: StringEnum(CERTIFICATE_STATUSES, { description: 'derived from the versions and actions on the server\'s date: valid, expired (past valid-until), revoked, superseded' }),
  issuedAt: Type.String({ description: 'when the latest version was issued (ISO instant)' }),
});
export type CertificateSummary = Static<typeof CertificateSummary>;
