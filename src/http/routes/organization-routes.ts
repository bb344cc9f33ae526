import type { FastifyPluginAsync } from 'fastify';
import { NewOrganization, Organization, OrganizationQuery } from '../../services/schemas/organization.ts';
import { Page } from '../../services/schemas/common.ts';
import { IdParams, ProblemResponses } from './shared-schemas.ts';
import { needs } from '../auth/route-access.ts';
import type { RouteOptions } from './route-context.ts';

export const organizationRoutes: FastifyPluginAsync<RouteOptions> = async (app, { ctx }) => {
  const tags = ['organizations'];
  const read = { access: needs('registry:read') };
  app.get('/organizations', { config: read, schema: { tags, summary: '单位列表', querystring: OrganizationQuery, response: { 200: Page(Organization), ...ProblemResponses } } }, async (req) =>
    ctx.organizations.list(req.caller, req.query),
  );
  app.post(
    '/organizations',
    { config: { access: needs('registry:write') }, schema: { tags, summary: '登记单位', body: NewOrganization, response: { 201: Organization, ...ProblemResponses } } },
    async (req, reply) => reply.status(201).send(await ctx.organizations.register(req.caller, req.body)),
  );
  app.get('/organizations/:id', { config: read, schema: { tags, summary: '单位详情', params: IdParams, response: { 200: Organization, ...ProblemResponses } } }, async (req) =>
    ctx.organizations.get(req.caller, (req.params as { id: number }).id),
  );
};
