import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import {
  Instrument,
  InstrumentAction,
  InstrumentEvent,
  InstrumentQuery,
  IntervalRecommendation,
  IntervalRecommendationQuery,
  NewInstrument,
} from '../../services/schemas/instrument.ts';
import { NewVerification, Verification, VerificationWithCertificate } from '../../services/schemas/verification.ts';
import { Page } from '../../services/schemas/common.ts';
import { IdParams, ProblemResponses } from './shared-schemas.ts';
import { needs } from '../auth/route-access.ts';
import type { RouteOptions } from './route-context.ts';

const InstrumentPage = Type.Intersect([Page(Instrument), Type.Object({ asOf: Type.String(), dueSoonDays: Type.Integer() })]);
const InstrumentDetail = Type.Intersect([Instrument, Type.Object({ events: Type.Array(InstrumentEvent), verifications: Type.Array(VerificationWithCertificate) })]);

export const instrumentRoutes: FastifyPluginAsync<RouteOptions> = async (app, { ctx }) => {
  const tags = ['instruments'];
  const read = { access: needs('registry:read') };
  const write = { access: needs('registry:write') };
  app.get(
    '/instruments',
    { config: read, schema: { tags, summary: '器具列表（含到期状态筛选）', querystring: InstrumentQuery, response: { 200: InstrumentPage, ...ProblemResponses } } },
    async (req) => ctx.instruments.list(req.caller, req.query),
  );
  app.post(
    '/instruments',
    { config: write, schema: { tags, summary: '器具备案', body: NewInstrument, response: { 201: Instrument, ...ProblemResponses } } },
    async (req, reply) => reply.status(201).send(await ctx.instruments.register(req.caller, req.body)),
  );
  app.get(
    '/instruments/:id',
    { config: read, schema: { tags, summary: '器具详情与全部历史', params: IdParams, response: { 200: InstrumentDetail, ...ProblemResponses } } },
    async (req) => ctx.instruments.get(req.caller, (req.params as { id: number }).id),
  );
  app.post(
    '/instruments/:id/actions',
    { config: write, schema: { tags, summary: '生命周期操作：安装、停用、恢复、修理、报废（报废需再次验证密码）', params: IdParams, body: InstrumentAction, response: { 200: Instrument, ...ProblemResponses } } },
    async (req) => ctx.instruments.act(req.caller, (req.params as { id: number }).id, req.body),
  );
  app.post(
    '/instruments/:id/verifications',
    { config: { access: needs('verification:record') }, schema: { tags, summary: '录入检定记录', params: IdParams, body: NewVerification, response: { 201: Verification, ...ProblemResponses } } },
    async (req, reply) => reply.status(201).send(await ctx.verifications.record(req.caller, (req.params as { id: number }).id, req.body)),
  );
  app.get(
    '/instruments/:id/interval-recommendation',
    {
      config: read,
      schema: {
        tags,
        summary: '校准间隔建议（NCSLI RP-1 A3，仅非强制检定器具）',
        params: IdParams,
        querystring: IntervalRecommendationQuery,
        response: { 200: IntervalRecommendation, ...ProblemResponses },
      },
    },
    async (req) => ctx.instruments.intervalRecommendation(req.caller, (req.params as { id: number }).id, req.query),
  );
};
