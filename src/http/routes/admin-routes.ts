// Administration of users, role grants and machine tokens.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { CreatedToken, GrantsBody, NewToken, NewUser, PasswordResetBody, Token, TokenQuery, User, UserQuery, UserStatusBody } from '../../services/schemas/account.ts';
import { Page } from '../../services/schemas/common.ts';
import { CertificateReason } from '../../services/schemas/certificate.ts';
import { IdParams, ProblemResponses } from './shared-schemas.ts';
import { needs } from '../auth/route-access.ts';
import type { RouteOptions } from './route-context.ts';

const id = (params: unknown) => (params as { id: number }).id;

export const adminRoutes: FastifyPluginAsync<RouteOptions> = async (app, { ctx }) => {
  const tags = ['admin'];
  const users = { access: needs('users:manage') };
  const tokens = { access: needs('tokens:manage') };
  app.get('/admin/users', { config: users, schema: { tags, summary: '用户列表', querystring: UserQuery, response: { 200: Page(User), ...ProblemResponses } } }, async (req) =>
    ctx.accounts.list(req.caller, req.query),
  );
  app.post('/admin/users', { config: users, schema: { tags, summary: '创建用户（需再次验证密码）', body: NewUser, response: { 201: User, ...ProblemResponses } } }, async (req, reply) =>
    reply.status(201).send(await ctx.accounts.createUser(req.caller, req.body)),
  );
  app.get('/admin/users/:id', { config: users, schema: { tags, summary: '用户详情', params: IdParams, response: { 200: User, ...ProblemResponses } } }, async (req) =>
    ctx.accounts.get(req.caller, id(req.params)),
  );
  app.put(
    '/admin/users/:id/grants',
    { config: users, schema: { tags, summary: '设置用户角色与范围（需再次验证密码）', params: IdParams, body: GrantsBody, response: { 200: User, ...ProblemResponses } } },
    async (req) => ctx.accounts.setGrants(req.caller, id(req.params), req.body),
  );
  app.post(
    '/admin/users/:id/status',
    { config: users, schema: { tags, summary: '启用或停用用户（启用同时解除锁定）', params: IdParams, body: UserStatusBody, response: { 200: User, ...ProblemResponses } } },
    async (req) => ctx.accounts.setStatus(req.caller, id(req.params), req.body),
  );
  app.post(
    '/admin/users/:id/password',
    { config: users, schema: { tags, summary: '重置用户密码（需再次验证密码）', params: IdParams, body: PasswordResetBody, response: { 204: Type.Null(), ...ProblemResponses } } },
    async (req, reply) => {
      await ctx.accounts.resetPassword(req.caller, id(req.params), req.body);
      return reply.status(204).send();
    },
  );
  app.get('/admin/tokens', { config: tokens, schema: { tags, summary: '机器令牌列表', querystring: TokenQuery, response: { 200: Page(Token), ...ProblemResponses } } }, async (req) =>
    ctx.accounts.listTokens(req.caller, req.query),
  );
  app.post(
    '/admin/tokens',
    { config: tokens, schema: { tags, summary: '创建机器令牌（令牌只显示这一次；需再次验证密码）', body: NewToken, response: { 201: CreatedToken, ...ProblemResponses } } },
    async (req, reply) => reply.status(201).send(await ctx.accounts.createToken(req.caller, req.body)),
  );
  const keys = { access: needs('keys:manage') };
  app.get('/admin/keys', { config: keys, schema: { tags, summary: '证书签名公钥及其状态', response: ProblemResponses } }, async (req) => ctx.signingKeys.list(req.caller));
  app.post(
    '/admin/institutions/:id/keys/rotate',
    { config: keys, schema: { tags, summary: '轮换检定机构的签名密钥（旧公钥保留用于核验；需再次验证密码）', params: IdParams, response: ProblemResponses } },
    async (req) => ctx.signingKeys.rotate(req.caller, id(req.params)),
  );
  app.post(
    '/admin/keys/:kid/revoke',
    {
      config: keys,
      schema: {
        tags,
        summary: '吊销签名密钥：其签发的证书全部核验失败（需再次验证密码）',
        params: Type.Object({ kid: Type.String({ pattern: '^[0-9a-f]{16}$' }) }, { additionalProperties: false }),
        body: CertificateReason,
        response: ProblemResponses,
      },
    },
    async (req) => ctx.signingKeys.revoke(req.caller, (req.params as { kid: string }).kid, req.body),
  );
  app.post('/admin/tokens/:id/revoke', { config: tokens, schema: { tags, summary: '吊销机器令牌', params: IdParams, response: { 200: Token, ...ProblemResponses } } }, async (req) =>
    ctx.accounts.revokeToken(req.caller, id(req.params)),
  );
};
