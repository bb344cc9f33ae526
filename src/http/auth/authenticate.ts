// Who is calling (session cookie or bearer token) and whether the route lets them in. Runs at
// onRequest, before the body is read, so a denied upload costs nothing.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions as FastifyRouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { ANONYMOUS, type Caller } from '../../domain/auth/actor.ts';
import { AppError } from '../../domain/errors.ts';
import type { AppContext } from '../../services/context.ts';
import { SESSION_ABSOLUTE_MS } from '../../services/accounts/authentication-service.ts';
import type { RouteAccess } from './route-access.ts';

/**
 * The session cookie's name. Served over TLS it carries the `__Host-` prefix: browsers then accept
 * it only with Secure, Path=/ and no Domain, so neither a sibling subdomain nor a plain-HTTP page can
 * plant or overwrite it. Without TLS (development) that prefix would be refused, hence the plain name.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-jl_session' : 'jl_session';
}
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthOptions {
  readonly ctx: AppContext;
  /** Mark cookies Secure (behind TLS); default from JILIANG_SECURE_COOKIES=1. */
  readonly secureCookies: boolean;
  /** Requests per minute per client address on public routes without a limit of their own. */
  readonly publicRateLimit: number;
  /** Requests per minute per user or machine token on each other route without a limit of its own. */
  readonly callerRateLimit: number;
}

/** Whom a signed-in route's rate limit counts: the user or the token (identified before the limiter runs). */
function callerKey(request: FastifyRequest): string {
  const { actor } = request.caller;
  return actor.id === null ? `address:${request.ip}` : `${actor.kind}:${actor.id}`;
}

function bearerToken(request: FastifyRequest): string | null | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header);
  return match ? match[1]! : null;
}

async function identify(ctx: AppContext, request: FastifyRequest, cookieName: string): Promise<void> {
  const anonymous: Caller = { actor: ANONYMOUS, requestId: request.id };
  request.caller = anonymous;
  request.signedIn = null;
  const token = bearerToken(request);
  if (token !== undefined) {
    const caller = token ? await ctx.authentication.fromToken(token, request.id) : null;
    // A bad token is an error, never a silent fall-back to anonymous.
    if (!caller) await ctx.access.deny(anonymous, 'auth.token', 'JL_ERR_UNAUTHENTICATED', undefined, 'unknown, revoked or expired token');
    request.caller = caller!;
    return;
  }
  const secret = request.cookies[cookieName];
  if (!secret) return;
  const signedIn = await ctx.authentication.fromSession(secret, request.id);
  if (!signedIn) return;
  request.caller = signedIn.caller;
  request.signedIn = signedIn;
}

async function admit(ctx: AppContext, request: FastifyRequest, access: RouteAccess): Promise<void> {
  if ('public' in access) return;
  const caller = request.caller;
  const action = `http:${request.method} ${request.routeOptions.url}`;
  // Cookies ride along with cross-site requests; a token only this origin can read proves intent.
  if (request.signedIn && !SAFE_METHODS.has(request.method) && !ctx.authentication.csrfMatches(request.signedIn, headerValue(request, CSRF_HEADER))) {
    await ctx.access.deny(caller, action, 'JL_ERR_CSRF');
  }
  if ('signedIn' in access) {
    if (!request.signedIn) await ctx.access.deny(caller, action, 'JL_ERR_UNAUTHENTICATED');
    return;
  }
  await ctx.access.require(caller, access.permission, action);
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function setSessionCookie(reply: FastifyReply, secret: string, secure: boolean): void {
  void reply.setCookie(sessionCookieName(secure), secret, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: SESSION_ABSOLUTE_MS / 1000 });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(sessionCookieName(secure), { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

/** An API route with its access declaration (for the authorization test and docs/SECURITY.md). */
export interface DeclaredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    readonly apiRoutes: readonly DeclaredRoute[];
  }
}

export const authentication = fp(async (app: FastifyInstance, { ctx, secureCookies, publicRateLimit, callerRateLimit }: AuthOptions) => {
  await app.register(cookie);
  const cookieName = sessionCookieName(secureCookies);
  const routes: DeclaredRoute[] = [];
  app.decorate('apiRoutes', routes);
  app.decorateRequest('caller', null as unknown as Caller);
  app.decorateRequest('signedIn', null);

  app.addHook('onRoute', (route: FastifyRouteOptions) => {
    if (!route.url.startsWith('/api/v')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no access (config.access): every API route must`);
    // Routes without a limit of their own: public ones per client address, the others per caller
    // (route-level, so the limiter runs after this plugin's onRequest hook has identified the caller).
    if (!route.config?.rateLimit) {
      const rateLimit = 'public' in access ? { max: publicRateLimit, timeWindow: '1 minute' } : { max: callerRateLimit, timeWindow: '1 minute', keyGenerator: callerKey };
      route.config = { ...route.config, rateLimit };
    }
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    const access = request.routeOptions.config.access;
    if (!access) return done(); // static files of the web app and the not-found handler
    // Anonymous on a public route: nothing to look up, answered without a promise (the public
    // certificate lookup is the busiest route there is).
    if ('public' in access && request.headers.authorization === undefined && !request.cookies[cookieName]) {
      request.caller = { actor: ANONYMOUS, requestId: request.id };
      request.signedIn = null;
      return done();
    }
    identify(ctx, request, cookieName)
      .then(() => admit(ctx, request, access))
      .then(() => done(), done);
  });
});

export function assertSignedIn(request: FastifyRequest) {
  if (!request.signedIn) throw new AppError('JL_ERR_UNAUTHENTICATED');
  return request.signedIn;
}
