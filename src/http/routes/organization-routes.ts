import type { FastifyPluginAsync } from 'fastify';
import { NewOrganization, Organization, OrganizationQuery } from '../../services/schemas/organization.ts';
import { Page } from '../../services/schemas/common.ts';
import { IdParams, ProblemResponses } from './shared-schemas.ts';
import type { RouteOptions } from './route-context.ts';

export const organizationRoutes: FastifyPluginAsync<RouteOptions> = async (app, { ctx }) => {
  const tags = ['organizations'];
  app.get('/organizations', { schema: { tags, summary: '单位列表', querystring: OrganizationQuery, response: { 200: Page(Organization), ...ProblemResponses } } }, async (req) =>
    ctx.organizations.list(req.query),
  );
  app.post(
    '/organizations',
    { schema: { tags, summary: '登记单位', body: NewOrganization, response: { 201: Organization, ...ProblemResponses } } },
    async (req, reply) => reply.status(201).send(await ctx.organizations.register(req.body)),
  );
  app.get('/organizations/:id', { schema: { tags, summary: '单位详情', params: IdParams, response: { 200: Organization, ...ProblemResponses } } }, async (req) =>
    ctx.organizations.getOrThrow((req.params as { id: number }).id),
  );
};
