import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ProblemResponses } from './shared-schemas.ts';
import { needs } from '../auth/route-access.ts';
import type { RouteOptions } from './route-context.ts';

const Counts = {
  valid: Type.Integer(),
  dueSoon: Type.Integer(),
  overdue: Type.Integer(),
  notApplicable: Type.Integer(),
  suspended: Type.Integer(),
  total: Type.Integer(),
};

const DueSummary = Type.Object({
  asOf: Type.String(),
  dueSoonDays: Type.Integer(),
  totals: Type.Object(Counts),
  byDistrict: Type.Array(Type.Object({ districtCode: Type.String(), ...Counts })),
});

const DueSummaryQuery = Type.Object(
  { dueSoonDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 })), districtCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })) },
  { additionalProperties: false },
);

export const supervisionRoutes: FastifyPluginAsync<RouteOptions> = async (app, { ctx }) => {
  app.get(
    '/supervision/due-summary',
    { config: { access: needs('supervision:read') }, schema: { tags: ['supervision'], summary: '到期与超期统计（按区县）', querystring: DueSummaryQuery, response: { 200: DueSummary, ...ProblemResponses } } },
    async (req) => {
      const q = req.query as { dueSoonDays?: number; districtCode?: string };
      return ctx.instruments.dueSummary(req.caller, q.dueSoonDays, q.districtCode);
    },
  );
};
