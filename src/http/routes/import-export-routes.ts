import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { IMPORT_KINDS, type ImportKind } from '../../services/import/templates.ts';
import type { TableFormat } from '../../services/import/spreadsheet.ts';
import { InstrumentQuery } from '../../services/schemas/instrument.ts';
import { StringEnum } from '../../services/schemas/common.ts';
import { ProblemResponses } from './shared-schemas.ts';
import { needs } from '../auth/route-access.ts';
import type { RouteOptions } from './route-context.ts';

const FORMATS = ['xlsx', 'csv'] as const;
const MEDIA_TYPES: Record<TableFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};
const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

const FileParams = Type.Object({ kind: StringEnum(IMPORT_KINDS), format: StringEnum(FORMATS) }, { additionalProperties: false });
const ImportQuery = Type.Object(
  {
    format: Type.Optional(StringEnum(FORMATS)),
    mode: Type.Optional(StringEnum(['all', 'valid-only'] as const)),
    dryRun: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

function attachment(name: string): string {
  return `attachment; filename="${name}"`;
}

export const importExportRoutes: FastifyPluginAsync<RouteOptions> = async (app, { ctx }) => {
  const tags = ['imports'];
  // Import files arrive as the raw request body, whatever the declared type.
  app.addContentTypeParser(['application/octet-stream', 'text/csv', MEDIA_TYPES.xlsx], { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));

  app.get('/imports/templates/:kind.:format', { config: { access: needs('registry:import') }, schema: { tags, summary: '下载导入模板', params: FileParams } }, async (req, reply) => {
    const { kind, format } = req.params as { kind: ImportKind; format: TableFormat };
    const file = await ctx.imports.template(kind, format);
    return reply.type(MEDIA_TYPES[format]).header('content-disposition', attachment(`jiliang-${kind}-template.${format}`)).send(file);
  });

  app.post(
    '/imports/:kind',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: needs('registry:import') },
      schema: {
        tags,
        summary: '批量导入（文件为原始请求体）',
        description: 'Rows with errors: mode=all writes nothing (422 with the report); mode=valid-only writes the valid rows.',
        params: Type.Object({ kind: StringEnum(IMPORT_KINDS) }, { additionalProperties: false }),
        querystring: ImportQuery,
        ...ProblemResponses,
      },
    },
    async (req) => {
      const { kind } = req.params as { kind: ImportKind };
      const q = req.query as { format?: TableFormat; mode?: 'all' | 'valid-only'; dryRun?: boolean };
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.from(typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? ''));
      const format = q.format ?? (req.headers['content-type']?.includes('csv') ? 'csv' : 'xlsx');
      return ctx.imports.import(req.caller, kind, body, { format, mode: q.mode ?? 'all', dryRun: q.dryRun ?? false });
    },
  );

  app.get(
    '/exports/instruments.:format',
    { config: { access: needs('registry:export') }, schema: { tags, summary: '导出器具列表（需再次验证密码）', params: Type.Object({ format: StringEnum(FORMATS) }), querystring: Type.Omit(InstrumentQuery, ['page', 'pageSize']) } },
    async (req, reply) => {
      const { format } = req.params as { format: TableFormat };
      const file = await ctx.exports.instrumentList(req.caller, req.query as Record<string, unknown>, format);
      return reply.type(MEDIA_TYPES[format]).header('content-disposition', attachment(`jiliang-instruments.${format}`)).send(file);
    },
  );
};
