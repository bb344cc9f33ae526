// Reading and verifying the audit log (platform administrators).
import type { FastifyPluginAsync } from 'fastify';
import { AuditEntry, AuditQuery } from '../../services/schemas/audit.ts';
import { Page } from '../../services/schemas/common.ts';
import { ProblemResponses } from './shared-schemas.ts';
import { needs } from '../auth/route-access.ts';
import type { RouteOptions } from './route-context.ts';

export const auditRoutes: FastifyPluginAsync<RouteOptions> = async (app, { ctx }) => {
  const tags = ['admin'];
  const config = { access: needs('audit:read') };
  app.get('/admin/audit', { config, schema: { tags, summary: '审计日志（最新在前）', querystring: AuditQuery, response: { 200: Page(AuditEntry), ...ProblemResponses } } }, async (req) =>
    ctx.audit.list(req.query),
  );
  app.get('/admin/audit/verify', { config, schema: { tags, summary: '重新计算哈希链并核对签名检查点', response: ProblemResponses } }, async () => ctx.audit.verify());
};
