import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { PUBLIC } from '../auth/route-access.ts';
import type { RouteOptions } from './route-context.ts';

const District = Type.Object({ code: Type.String(), nameZh: Type.String(), nameEn: Type.String(), kind: Type.String() });
const UseDomain = Type.Object({ code: Type.String(), nameZh: Type.String(), nameEn: Type.String() });
const Category = Type.Object({
  code: Type.String(),
  editionId: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  regulation: Type.String(),
  supervisionMode: Type.String(),
  verificationMode: Type.String(),
  cycleMonths: Type.Union([Type.Integer(), Type.Null()]),
  serviceLifeMonths: Type.Union([Type.Integer(), Type.Null()]),
  useDomains: Type.Array(Type.String()),
  confirmed: Type.Boolean(),
  compulsory: Type.Boolean(),
});

export const referenceRoutes: FastifyPluginAsync<RouteOptions> = async (app, { ctx }) => {
  const tags = ['reference'];
  const config = { access: PUBLIC };
  app.get('/reference/districts', { config, schema: { tags, summary: '区县 (GB/T 2260)', response: { 200: Type.Array(District) } } }, async () => ctx.reference.districts);
  app.get('/reference/use-domains', { config, schema: { tags, summary: '使用领域', response: { 200: Type.Array(UseDomain) } } }, async () => ctx.reference.useDomains);
  app.get('/reference/categories', { config, schema: { tags, summary: '器具类别（强制检定目录及非强制检定类别）', response: { 200: Type.Array(Category) } } }, async () => ctx.reference.categories);
};
