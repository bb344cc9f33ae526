import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { PUBLIC } from '../auth/route-access.ts';
import type { RouteOptions } from './route-context.ts';

export const healthRoutes: FastifyPluginAsync<RouteOptions> = async (app, { ctx }) => {
  app.get(
    '/health',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'Liveness and database dialect',
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String(), asOf: Type.String() }) },
      },
    },
    async () => ({ status: 'ok' as const, database: ctx.dialect, asOf: ctx.clock.today() }),
  );
};
