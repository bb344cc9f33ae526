import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { METROLOGY_KINDS, type MetrologyKind } from '../../services/metrology-service.ts';
import { StringEnum } from '../../services/schemas/common.ts';
import { ProblemResponses } from './shared-schemas.ts';
import { needs } from '../auth/route-access.ts';
import type { RouteOptions } from './route-context.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const KindParams = Type.Object({ kind: StringEnum(METROLOGY_KINDS) }, { additionalProperties: false });

export const metrologyRoutes: FastifyPluginAsync<RouteOptions> = async (app, { ctx }) => {
  app.post(
    '/metrology/:kind',
    {
      config: { access: needs('metrology:use') },
      schema: {
        tags: ['metrology'],
        summary: '计量计算：GUM、蒙特卡洛、符合性判定、校准间隔、GRR、SPC',
        description: 'JSON contracts of DESIGN.md §8; the library validates the body and reports each bad field.',
        params: KindParams,
        body: Type.Object({}, { additionalProperties: true }),
        response: ProblemResponses,
      },
    },
    async (req) => ctx.metrology.calculate((req.params as { kind: MetrologyKind }).kind, req.body),
  );

  app.post(
    '/metrology/:kind/report.xlsx',
    {
      config: { access: needs('metrology:use') },
      schema: {
        tags: ['metrology'],
        summary: '计量计算结果导出为 Excel 工作簿',
        description: 'Same body and 422 problems as POST /metrology/{kind}; sheets 结果 Result, 输入 Input and the kind\'s tables.',
        params: KindParams,
        body: Type.Object({}, { additionalProperties: true }),
        response: ProblemResponses,
      },
    },
    async (req, reply) => {
      const { kind } = req.params as { kind: MetrologyKind };
      const file = await ctx.metrology.report(kind, req.body);
      return reply.type(XLSX).header('content-disposition', `attachment; filename="jiliang-${kind}-result.xlsx"`).send(file);
    },
  );

  app.post(
    '/metrology/:kind/report.pdf',
    {
      config: { access: needs('metrology:use') },
      schema: {
        tags: ['metrology'],
        summary: '计量计算结果导出为 PDF 报告',
        description: 'Same body and 422 problems as POST /metrology/{kind}; an A4 report (Chinese and English) of the input, the result tables, the verdicts and charts. The same body gives the same bytes.',
        params: KindParams,
        body: Type.Object({}, { additionalProperties: true }),
        response: ProblemResponses,
      },
    },
    async (req, reply) => {
      const { kind } = req.params as { kind: MetrologyKind };
      const file = await ctx.metrology.reportPdf(kind, req.body);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="jiliang-${kind}-result.pdf"`).send(file);
    },
  );
};
