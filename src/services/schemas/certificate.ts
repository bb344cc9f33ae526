// Certificate actions and public lookups as the API takes them.
import { Type } from '@sinclair/typebox';
import { Id, ShortText } from './common.ts';

export const CertificateReason = Type.Object({ reason: ShortText(300) }, { additionalProperties: false });
const CertificateNo = Type.String({ pattern: '^[JT]\\d{4}-\\d{4}-\\d{6}$', description: '检定证书 J…, 检定结果通知书 T…' });
export const CertificateNoParams = Type.Object({ certificateNo: CertificateNo }, { additionalProperties: false });
export const QrImageParams = Type.Object({ certificateNo: CertificateNo, format: Type.Union([Type.Literal('png'), Type.Literal('svg')]) }, { additionalProperties: false });
export const PublicLookupQuery = Type.Object({ instrumentId: Id }, { additionalProperties: false });
export const ProofQuery = Type.Object({ treeSize: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
export const ConsistencyQuery = Type.Object({ from: Type.Integer({ minimum: 0 }), to: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });
