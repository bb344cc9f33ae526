// Reading and verifying the audit log (platform administrators).
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { PageQuery } from '../../services/schemas/common.ts';
import { ProblemResponses } from './shared-schemas.ts';
import { needs } from '../auth/route-access.ts';
import type { RouteOptions } from './route-context.ts';

const AuditQuery = Type.Object(
  {
    action: Type.Optional(Type.String({ maxLength: 64 })),
    outcome: Type.Optional(Type.Union([Type.Literal('ok'), Type.Literal('denied'), Type.Literal('failed')])),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const auditRoutes: FastifyPluginAsync<RouteOptions> = async (app, { ctx }) => {
  const tags = ['admin'];
  const config = { access: needs('audit:read') };
  app.get('/admin/audit', { config, schema: { tags, summary: '审计日志（最新在前）', querystring: AuditQuery, response: ProblemResponses } }, async (req) =>
    ctx.audit.list(req.query),
  );
  app.get('/admin/audit/verify', { config, schema: { tags, summary: '重新计算哈希链并核对签名检查点', response: ProblemResponses } }, async () => ctx.audit.verify());
};
