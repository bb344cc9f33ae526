// Users, grants, sessions and machine tokens as the API shows them.
import { Type, type Static } from '@sinclair/typebox';
import { PERMISSIONS, ROLES } from '../../domain/auth/roles.ts';
import { Id, PageQuery, ShortText, StringEnum } from './common.ts';

export const RoleName = StringEnum(ROLES);
/** `platform`, `city`, `district:<GB/T 2260 code>` or `organization:<id>`. */
export const ScopeText = Type.String({ pattern: '^(platform|city|district:\\d{6}|organization:[1-9]\\d{0,9})$', description: 'platform | city | district:500103 | organization:12' });

export const GrantBody = Type.Object({ role: RoleName, scope: ScopeText }, { additionalProperties: false });
export type GrantBody = Static<typeof GrantBody>;

export const Username = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,63}$', description: 'lower-case letters, digits, . _ -; 3–64 characters' });
// Length is checked by the password policy (in code points), so the schema only bounds the size.
const Password = Type.String({ minLength: 1, maxLength: 1024 });

export const NewUser = Type.Object(
  { username: Username, displayName: ShortText(100), password: Password, grants: Type.Array(GrantBody, { maxItems: 20 }) },
  { additionalProperties: false },
);
export type NewUser = Static<typeof NewUser>;

export const GrantsBody = Type.Object({ grants: Type.Array(GrantBody, { maxItems: 20 }) }, { additionalProperties: false });
export const UserStatusBody = Type.Object({ status: StringEnum(['active', 'disabled'] as const) }, { additionalProperties: false });
export const PasswordResetBody = Type.Object({ password: Password }, { additionalProperties: false });
export const PasswordChangeBody = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });
export const LoginBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Password }, { additionalProperties: false });
export const ReauthBody = Type.Object({ password: Password }, { additionalProperties: false });
export const UserQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 64 })), ...PageQuery }, { additionalProperties: false });
export const TokenQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const User = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  status: StringEnum(['active', 'disabled'] as const),
  grants: Type.Array(GrantBody),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type User = Static<typeof User>;

export const Session = Type.Object({
  user: Type.Object({ id: Id, username: Type.String(), displayName: Type.String(), grants: Type.Array(GrantBody) }),
  permissions: Type.Array(StringEnum(PERMISSIONS)),
  csrfToken: Type.String(),
  expiresAt: Type.String(),
});
export type Session = Static<typeof Session>;

/** One of the caller's own sessions; `id` is derived from the stored hash, never the cookie's secret. */
export const SessionSummary = Type.Object({
  id: Type.String(),
  current: Type.Boolean(),
  createdAt: Type.String(),
  lastSeenAt: Type.String(),
  expiresAt: Type.String(),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  clientAddress: Type.Union([Type.String(), Type.Null()]),
});
export type SessionSummary = Static<typeof SessionSummary>;

/** Days a new machine token is valid when the request does not say. */
export const DEFAULT_TOKEN_DAYS = 365;

export const NewToken = Type.Object(
  {
    name: ShortText(100),
    role: RoleName,
    scope: ScopeText,
    /** Valid for this many days from now (default 365, at most 10 years); then refused like a revoked token. */
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);
export type NewToken = Static<typeof NewToken>;

export const Token = Type.Object({
  id: Id,
  name: Type.String(),
  role: RoleName,
  scope: Type.String(),
  createdAt: Type.String(),
  createdBy: Type.Union([Type.Integer(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  /** null: a token from before tokens expired */
  expiresAt: Type.Union([Type.String(), Type.Null()]),
});
export type Token = Static<typeof Token>;

export const CreatedToken = Type.Intersect([Token, Type.Object({ token: Type.String({ description: 'shown once; store it now' }) })]);
