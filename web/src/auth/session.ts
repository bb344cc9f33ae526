// Who is signed in and what they may do, from the cached GET /auth/session.
import { useCallback } from 'react';
import { useSessionQuery, type Session } from '../api/auth.ts';
import type { Permission } from '../../../src/domain/auth/roles.ts';

/** The signed-in session; null on the sign-in page or once the session has ended. */
export function useSession(): Session | null {
  return useSessionQuery().data ?? null;
}

/** Whether the session holds a permission (in any of its grants). The server checks the scope. */
export function useCan(): (permission: Permission) => boolean {
  const permissions = useSession()?.permissions;
  return useCallback((permission: Permission) => permissions?.includes(permission) ?? false, [permissions]);
}

/** `/login?next=<where the user was>`; no `next` for the home page. */
export function loginPath(next: string): string {
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

/** Where to go after signing in: only a path of this app, never another site or the sign-in page. */
export function safeNext(next: string | null): string {
  if (!next || !/^\/(?![/\\])/.test(next) || next.startsWith('/login')) return '/';
  return next;
}
