// Every API route declares who may call it (`config.access`); a route without a declaration makes
// the app fail to build, so no route is open by accident.
import type { Caller } from '../../domain/auth/actor.ts';
import type { Permission } from '../../domain/auth/roles.ts';
import type { SessionCaller } from '../../services/accounts/authentication-service.ts';

export type RouteAccess =
  /** Anyone, signed in or not (public fields only). */
  | { readonly public: true }
  /** Any signed-in user (own session and password). */
  | { readonly signedIn: true }
  /** Callers holding the permission in some scope; services narrow to the caller's tenants. */
  | { readonly permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    caller: Caller;
    /** The browser session behind the request, when it came with a session cookie. */
    signedIn: SessionCaller | null;
  }
}

export const PUBLIC: RouteAccess = { public: true };
export const SIGNED_IN: RouteAccess = { signedIn: true };
export function needs(permission: Permission): RouteAccess {
  return { permission };
}
