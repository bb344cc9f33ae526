// Sign-in, the session, and the password: GET /auth/session is the source of truth for who is
// signed in; its CSRF token goes to the client before anything else is sent.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, api, send, setCsrfToken } from './client.ts';
import type { Permission, Role } from '../../../src/domain/auth/roles.ts';

/** A role held in a scope: `platform`, `city`, `district:500103` or `organization:12`. */
export interface GrantText {
  readonly role: Role;
  readonly scope: string;
}

export interface SessionUser {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly grants: GrantText[];
}

export interface Session {
  readonly user: SessionUser;
  readonly permissions: Permission[];
  readonly csrfToken: string;
  readonly expiresAt: string;
}

const SESSION_KEY = ['auth', 'session'] as const;

/** The current session, or null when nobody is signed in. */
async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/api/v1/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'JL_ERR_UNAUTHENTICATED') {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: false });
}

/** Forgets everything cached for the previous user and installs the new session (or none). */
export function useReplaceSession() {
  const client = useQueryClient();
  return useCallback(
    (session: Session | null) => {
      setCsrfToken(session?.csrfToken ?? null);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
      client.setQueryData(SESSION_KEY, session);
    },
    [client],
  );
}

export interface Credentials {
  username: string;
  password: string;
}

export function useLogin() {
  const replace = useReplaceSession();
  return useMutation({
    mutationFn: (body: Credentials) => api.post<Session>('/api/v1/auth/login', body),
    onSuccess: replace,
  });
}

/**
 * Signs out, then loads the sign-in page afresh so that nothing of this user's data, nor the CSRF
 * token, stays in memory.
 */
export function useLogout() {
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/logout', {}),
    onSettled: () => window.location.assign('/login'),
  });
}

/** Proves the password again for sensitive actions (valid five minutes). Not retried itself. */
export function reauthenticate(password: string): Promise<void> {
  return send<void>('/api/v1/auth/reauth', { method: 'POST', json: { password } });
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

export function useChangePassword() {
  return useMutation({ mutationFn: (body: PasswordChange) => api.post<void>('/api/v1/auth/password', body) });
}

/** One of the signed-in user's sessions (GET /auth/sessions). */
export interface SessionSummary {
  readonly id: string;
  readonly current: boolean;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  readonly userAgent: string | null;
  readonly clientAddress: string | null;
}

const SESSIONS_KEY = ['auth', 'sessions'] as const;

export function useSessions(enabled: boolean) {
  return useQuery({ queryKey: SESSIONS_KEY, queryFn: () => api.get<SessionSummary[]>('/api/v1/auth/sessions'), enabled });
}

/** Ends one session; ending the current one signs out like the menu's sign-out. */
export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (session: SessionSummary) => api.delete<void>(`/api/v1/auth/sessions/${encodeURIComponent(session.id)}`),
    onSuccess: (_result, session) => {
      if (session.current) window.location.assign('/login');
      else void client.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });
}

export function useEndOtherSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/sessions/end-others', {}),
    onSuccess: () => void client.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}
