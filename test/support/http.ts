// Builds the HTTP app over a test context; requests go through inject (no socket).
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import type { AppContext } from '../../src/services/context.ts';
import { SYSTEM } from './dialects.ts';

let adminCounter = 0;
export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * The app with `inject` acting as a signed-in platform administrator (session cookie and CSRF
 * header, as the browser sends them) unless a request brings its own Authorization or Cookie.
 * Suites about authorization use `anonymousApp` and sign in as whom they need.
 */
export async function testApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = await anonymousApp(ctx);
  const username = `test-admin-${++adminCounter}`;
  await ctx.accounts.createUser(SYSTEM, { username, displayName: 'Test admin', password: TEST_PASSWORD, grants: [{ role: 'platform_admin', scope: 'platform' }] });
  const session = await signIn(app, username, TEST_PASSWORD);
  const inject = app.inject.bind(app) as (options: InjectOptions) => Promise<LightMyRequestResponse>;
  app.inject = ((request: InjectOptions | string) => {
    const options = typeof request === 'string' ? { url: request } : request;
    const own = options.headers && ('authorization' in options.headers || 'cookie' in options.headers);
    return inject(own ? options : { ...options, headers: { ...session.headers, ...options.headers } });
  }) as unknown as FastifyInstance['inject'];
  return app;
}

export interface SignedIn {
  /** Cookie and CSRF headers to send with each request. */
  readonly headers: { readonly cookie: string; readonly 'x-csrf-token': string };
  readonly body: Record<string, unknown>;
}

/** Signs in through the API and returns the headers a browser would send afterwards. */
export async function signIn(app: FastifyInstance, username: string, password: string): Promise<SignedIn> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const body = res.json() as Record<string, unknown>;
  return { headers: { cookie, 'x-csrf-token': String(body.csrfToken) }, body };
}

/** The app exactly as a client without credentials meets it. */
export async function anonymousApp(ctx: AppContext, options: { publicRateLimit?: number; loginRateLimit?: number; callerRateLimit?: number } = {}): Promise<FastifyInstance> {
  return buildApp(ctx, { webRoot: '/nonexistent-web-root', ...options });
}

export function postJson(app: FastifyInstance, url: string, body: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url, payload: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
}
