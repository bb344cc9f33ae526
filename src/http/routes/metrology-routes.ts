import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { METROLOGY_KINDS, type MetrologyKind } from '../../services/metrology-service.ts';
import { StringEnum } from '../../services/schemas/common.ts';
import { ProblemResponses } from './shared-schemas.ts';
import type { RouteOptions } from './route-context.ts';

export const metrologyRoutes: FastifyPluginAsync<RouteOptions> = async (app, { ctx }) => {
  app.post(
    '/metrology/:kind',
    {
      schema: {
        tags: ['metrology'],
        summary: '计量计算：GUM、蒙特卡洛、符合性判定、校准间隔、GRR、SPC',
        description: 'JSON contracts of DESIGN.md §8; the library validates the body and reports each bad field.',
        params: Type.Object({ kind: StringEnum(METROLOGY_KINDS) }, { additionalProperties: false }),
        body: Type.Object({}, { additionalProperties: true }),
        response: ProblemResponses,
      },
    },
    async (req) => ctx.metrology.calculate((req.params as { kind: MetrologyKind }).kind, req.body),
  );
};
