// Signing in and out, the current session, re-authentication and password change.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { LoginBody, PasswordChangeBody, ReauthBody, Session, SessionSummary } from '../../services/schemas/account.ts';
import { AppError } from '../../domain/errors.ts';
import { ProblemResponses } from './shared-schemas.ts';
import { PUBLIC, SIGNED_IN } from '../auth/route-access.ts';
import { assertSignedIn, clearSessionCookie, setSessionCookie } from '../auth/authenticate.ts';
import type { RouteOptions } from './route-context.ts';

export interface AuthRouteOptions extends RouteOptions {
  readonly secureCookies: boolean;
  /** Password attempts per minute per client address: slows password spraying across accounts. */
  readonly loginRateLimit: number;
}

export const authRoutes: FastifyPluginAsync<AuthRouteOptions> = async (app, { ctx, secureCookies, loginRateLimit }) => {
  const tags = ['auth'];
  const LOGIN_RATE_LIMIT = { max: loginRateLimit, timeWindow: '1 minute' };
  app.post(
    '/auth/login',
    {
      config: { access: PUBLIC, rateLimit: LOGIN_RATE_LIMIT },
      schema: { tags, summary: '登录（设置会话 Cookie）', body: LoginBody, response: { 200: Session, ...ProblemResponses } },
    },
    async (req, reply) => {
      try {
        const { sessionSecret, session } = await ctx.authentication.login(req.body, { requestId: req.id, userAgent: req.headers['user-agent'] ?? null, clientAddress: req.ip });
        setSessionCookie(reply, sessionSecret, secureCookies);
        return session;
      } catch (error) {
        if (error instanceof AppError && error.code === 'JL_ERR_ACCOUNT_LOCKED') void reply.header('retry-after', String(error.extensions?.retryAfterSeconds ?? 60));
        throw error;
      }
    },
  );
  // Public: every signed-out page load asks "am I signed in?" — a 401 here is an answer, not a denial to audit.
  app.get('/auth/session', { config: { access: PUBLIC }, schema: { tags, summary: '当前会话（未登录时 401）', response: { 200: Session, ...ProblemResponses } } }, async (req) =>
    ctx.authentication.session(assertSignedIn(req)),
  );
  app.post('/auth/logout', { config: { access: SIGNED_IN }, schema: { tags, summary: '退出登录', response: { 204: Type.Null(), ...ProblemResponses } } }, async (req, reply) => {
    await ctx.authentication.logout(assertSignedIn(req));
    clearSessionCookie(reply, secureCookies);
    return reply.status(204).send();
  });
  app.get(
    '/auth/sessions',
    { config: { access: SIGNED_IN }, schema: { tags, summary: '本人的登录会话（当前会话已标出）', response: { 200: Type.Array(SessionSummary), ...ProblemResponses } } },
    async (req) => ctx.authentication.sessions(assertSignedIn(req)),
  );
  app.delete(
    '/auth/sessions/:id',
    { config: { access: SIGNED_IN }, schema: { tags, summary: '结束本人的一个会话', params: Type.Object({ id: Type.String({ maxLength: 64 }) }), response: { 204: Type.Null(), ...ProblemResponses } } },
    async (req, reply) => {
      const { current } = await ctx.authentication.endSession(assertSignedIn(req), (req.params as { id: string }).id);
      if (current) clearSessionCookie(reply, secureCookies);
      return reply.status(204).send();
    },
  );
  app.post(
    '/auth/sessions/end-others',
    { config: { access: SIGNED_IN }, schema: { tags, summary: '退出其他所有会话', response: { 204: Type.Null(), ...ProblemResponses } } },
    async (req, reply) => {
      await ctx.authentication.endOtherSessions(assertSignedIn(req));
      return reply.status(204).send();
    },
  );
  app.post(
    '/auth/reauth',
    { config: { access: SIGNED_IN, rateLimit: LOGIN_RATE_LIMIT }, schema: { tags, summary: '敏感操作前再次验证密码', body: ReauthBody, response: { 204: Type.Null(), ...ProblemResponses } } },
    async (req, reply) => {
      await ctx.authentication.reauthenticate(assertSignedIn(req), req.body);
      return reply.status(204).send();
    },
  );
  app.post(
    '/auth/password',
    { config: { access: SIGNED_IN, rateLimit: LOGIN_RATE_LIMIT }, schema: { tags, summary: '修改本人密码', body: PasswordChangeBody, response: { 204: Type.Null(), ...ProblemResponses } } },
    async (req, reply) => {
      await ctx.authentication.changePassword(assertSignedIn(req), req.body);
      return reply.status(204).send();
    },
  );
};
