// Platform administration (platform_admin): user accounts and their grants, API tokens, and the
// audit log with its hash-chain check. Granting, password resets and new tokens are sensitive:
// the client asks for the password again when the server wants it.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { GrantText } from './auth.ts';
import type { Page } from './types.ts';
import type { Role } from '../../../src/domain/auth/roles.ts';
import type { AuditOutcome } from '../../../src/domain/audit/audit-entry.ts';
import type { AuditVerdict } from '../../../src/domain/audit/audit-problem.ts';

export type UserStatus = 'active' | 'disabled';

export interface AdminUser {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly status: UserStatus;
  readonly grants: GrantText[];
  readonly lockedUntil: string | null;
  readonly createdAt: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  grants: GrantText[];
}

export interface ApiToken {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly scope: string;
  readonly createdAt: string;
  readonly createdBy: number | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  /** null: a token from before tokens expired */
  readonly expiresAt: string | null;
}

/** The answer to creating a token: the only time its secret is ever shown. */
export interface CreatedToken extends ApiToken {
  readonly token: string;
}

export interface NewToken {
  name: string;
  role: Role;
  scope: string;
  expiresInDays?: number;
}

export interface AuditEntry {
  readonly seq: number;
  readonly recordedAt: string;
  readonly requestId: string | null;
  readonly actorKind: string;
  readonly actorId: string | null;
  readonly scope: string | null;
  readonly action: string;
  readonly outcome: AuditOutcome;
  readonly targetType: string | null;
  readonly targetId: string | null;
  readonly detail: Record<string, unknown>;
}

export type { AuditVerdict } from '../../../src/domain/audit/audit-problem.ts';

export interface Paging {
  page: number;
  pageSize: number;
}

export function useUsers(query: Paging & { q?: string | undefined }) {
  return useQuery({
    queryKey: ['admin', 'users', query],
    queryFn: ({ signal }) => api.get<Page<AdminUser>>('/api/v1/admin/users', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate(what: 'users' | 'tokens') {
  const client = useQueryClient();
  // Every change is audited: the audit list is stale too.
  return () => Promise.all([client.invalidateQueries({ queryKey: ['admin', what] }), client.invalidateQueries({ queryKey: ['admin', 'audit'] })]);
}

export function useCreateUser() {
  const invalidate = useInvalidate('users');
  return useMutation({ mutationFn: (body: NewUser) => api.post<AdminUser>('/api/v1/admin/users', body), onSuccess: invalidate });
}

export function useSetGrants() {
  const invalidate = useInvalidate('users');
  return useMutation({
    mutationFn: ({ id, grants }: { id: number; grants: GrantText[] }) => api.put<AdminUser>(`/api/v1/admin/users/${id}/grants`, { grants }),
    onSuccess: invalidate,
  });
}

export function useSetUserStatus() {
  const invalidate = useInvalidate('users');
  return useMutation({
    mutationFn: ({ id, status }: { id: number; status: UserStatus }) => api.post<AdminUser>(`/api/v1/admin/users/${id}/status`, { status }),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidate('users');
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) => api.post<void>(`/api/v1/admin/users/${id}/password`, { password }),
    onSuccess: invalidate,
  });
}

export function useTokens(query: Paging) {
  return useQuery({
    queryKey: ['admin', 'tokens', query],
    queryFn: ({ signal }) => api.get<Page<ApiToken>>('/api/v1/admin/tokens', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateToken() {
  const invalidate = useInvalidate('tokens');
  return useMutation({ mutationFn: (body: NewToken) => api.post<CreatedToken>('/api/v1/admin/tokens', body), onSuccess: invalidate });
}

export function useRevokeToken() {
  const invalidate = useInvalidate('tokens');
  return useMutation({ mutationFn: (id: number) => api.post<ApiToken>(`/api/v1/admin/tokens/${id}/revoke`, {}), onSuccess: invalidate });
}

export interface AuditFilter {
  action?: string | undefined;
  outcome?: AuditOutcome | undefined;
}

export function useAuditLog(query: Paging & AuditFilter) {
  return useQuery({
    queryKey: ['admin', 'audit', query],
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>('/api/v1/admin/audit', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Checks the audit log's hash chain and signed checkpoints on demand. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerdict>('/api/v1/admin/audit/verify') });
}
