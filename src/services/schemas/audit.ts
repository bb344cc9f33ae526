// The audit log as the admin page sees it, and the filters it offers.
import { Type, type Static } from '@sinclair/typebox';
import type { ActorKind } from '../../domain/auth/actor.ts';
import type { AuditOutcome } from '../../domain/audit/audit-entry.ts';
import { PageQuery, StringEnum } from './common.ts';

export const ACTOR_KINDS = ['user', 'token', 'system', 'anonymous'] as const satisfies readonly ActorKind[];
export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const satisfies readonly AuditOutcome[];

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const AuditEntry = Type.Object({
  seq: Type.Integer(),
  recordedAt: Type.String({ description: 'ISO-8601 UTC instant' }),
  requestId: NullableString,
  actorKind: Type.String(),
  actorId: NullableString,
  scope: NullableString,
  action: Type.String(),
  outcome: Type.String(),
  targetType: NullableString,
  targetId: NullableString,
  detail: Type.Record(Type.String(), Type.Unknown(), { description: 'ids, codes and counts; never personal data' }),
  prevHash: Type.String(),
  hash: Type.String(),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditQuery = Type.Object(
  {
    action: Type.Optional(Type.String({ maxLength: 64 })),
    actorKind: Type.Optional(StringEnum(ACTOR_KINDS)),
    outcome: Type.Optional(StringEnum(AUDIT_OUTCOMES)),
    targetType: Type.Optional(Type.String({ maxLength: 32 })),
    targetId: Type.Optional(Type.String({ maxLength: 64 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditCheckpoint = Type.Object({
  seq: Type.Integer(),
  headHash: Type.String(),
  recordedAt: Type.String(),
  keyId: Type.String(),
  signature: Type.String({ description: 'Ed25519 over the canonical JSON of seq, headHash, recordedAt, keyId; base64url' }),
});
export type AuditCheckpoint = Static<typeof AuditCheckpoint>;
