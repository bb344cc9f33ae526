// Certificates: issuing, amending and revoking (institute approvers), the internal view, and the
// public, rate-limited side anyone can use — lookup, status, QR images, PDF and DCC downloads,
// transparency-log proofs and checkpoints, the revocation list and the published keys.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { IsoDate } from '../../services/schemas/common.ts';
import { CertificateNoParams, CertificateReason, ConsistencyQuery, ProofQuery, PublicLookupQuery, QrImageParams } from '../../services/schemas/certificate.ts';
import { IdParams, ProblemResponses } from './shared-schemas.ts';
import { PUBLIC, needs } from '../auth/route-access.ts';
import type { RouteOptions } from './route-context.ts';

const numberOf = (params: unknown) => (params as { certificateNo: string }).certificateNo;
const PDF = 'application/pdf';
const XML = 'application/xml; charset=utf-8';
const LabelSheetQuery = Type.Object({ date: IsoDate }, { additionalProperties: false });

export const certificateRoutes: FastifyPluginAsync<RouteOptions> = async (app, { ctx }) => {
  const tags = ['certificates'];
  const pub = { access: PUBLIC };

  app.post(
    '/verifications/:id/certificate',
    { config: { access: needs('certificate:issue') }, schema: { tags, summary: '签发检定证书或检定结果通知书（需再次验证密码）', params: IdParams, response: ProblemResponses } },
    async (req, reply) => reply.status(201).send(await ctx.certificates.issue(req.caller, (req.params as { id: number }).id)),
  );
  app.post(
    '/certificates/:certificateNo/amend',
    { config: { access: needs('certificate:issue') }, schema: { tags, summary: '更正：按现有记录签发新版本（需再次验证密码）', params: CertificateNoParams, body: CertificateReason, response: ProblemResponses } },
    async (req) => ctx.certificates.amend(req.caller, numberOf(req.params), req.body),
  );
  app.post(
    '/certificates/:certificateNo/revoke',
    { config: { access: needs('certificate:revoke') }, schema: { tags, summary: '撤销证书（需再次验证密码）', params: CertificateNoParams, body: CertificateReason, response: ProblemResponses } },
    async (req) => ctx.certificates.revoke(req.caller, numberOf(req.params), req.body),
  );
  app.get(
    '/institutions/:id/labels.pdf',
    {
      config: { access: needs('certificate:issue') },
      schema: { tags, summary: '检定标签 PDF（A4，3 × 8 贴纸）：本机构某检定日期的全部有效证书', params: IdParams, querystring: LabelSheetQuery, response: ProblemResponses },
    },
    async (req, reply) => {
      const { id } = req.params as { id: number };
      const { date } = req.query as { date: string };
      const pdf = await ctx.certificates.labelSheet(req.caller, id, date);
      return reply.type(PDF).header('content-disposition', `attachment; filename="labels-${id}-${date}.pdf"`).send(pdf);
    },
  );
  app.get(
    '/certificates/:certificateNo',
    { config: { access: needs('registry:read') }, schema: { tags, summary: '证书（含历史与检定记录编号）', params: CertificateNoParams, response: ProblemResponses } },
    async (req) => ctx.certificates.get(req.caller, numberOf(req.params)),
  );

  app.get(
    '/public/certificates',
    { config: pub, schema: { tags, summary: '公开查询：某器具的证书', querystring: PublicLookupQuery, response: ProblemResponses } },
    async (req) => ctx.certificates.publicByInstrument((req.query as { instrumentId: number }).instrumentId),
  );
  app.get(
    '/public/certificates/:certificateNo',
    { config: pub, schema: { tags, summary: '公开核验：证书状态与公开字段（无个人信息）', params: CertificateNoParams, response: ProblemResponses } },
    // Already JSON: the service composes it from the stored row without building the object.
    async (req, reply) => reply.type('application/json; charset=utf-8').send(await ctx.certificates.publicViewBody(numberOf(req.params))),
  );
  app.get(
    '/public/certificates/:certificateNo.pdf',
    { config: pub, schema: { tags, summary: '证书 PDF（A4，JJF 1002 附录 G 格式）', params: CertificateNoParams } },
    async (req, reply) => {
      const no = numberOf(req.params);
      return reply.type(PDF).header('content-disposition', `attachment; filename="${no}.pdf"`).send(await ctx.certificates.pdf(no));
    },
  );
  app.get(
    '/public/certificates/:certificateNo.xml',
    { config: pub, schema: { tags, summary: '数字校准证书 PTB DCC 3.2.0 XML', params: CertificateNoParams } },
    async (req, reply) => {
      const no = numberOf(req.params);
      return reply.type(XML).header('content-disposition', `attachment; filename="${no}.xml"`).send(await ctx.certificates.dcc(no));
    },
  );
  app.get(
    '/public/certificates/:certificateNo/qr.:format',
    {
      config: pub,
      schema: { tags, summary: '证书二维码（PNG 或 SVG）', params: QrImageParams },
    },
    async (req, reply) => {
      const { certificateNo, format } = req.params as { certificateNo: string; format: 'png' | 'svg' };
      const image = await ctx.certificates.qrImage(certificateNo, format);
      return reply.type(format === 'png' ? 'image/png' : 'image/svg+xml').send(image);
    },
  );
  app.get(
    '/public/certificates/:certificateNo/proof',
    { config: pub, schema: { tags, summary: '透明日志包含证明（RFC 6962）', params: CertificateNoParams, querystring: ProofQuery, response: ProblemResponses } },
    async (req) => {
      const view = await ctx.certificates.publicView(numberOf(req.params));
      return { ...(await ctx.certificates.log.inclusion(view.log.index, (req.query as { treeSize?: number }).treeSize)), leafInput: view.log.leafInput };
    },
  );
  app.get('/public/log/checkpoint', { config: pub, schema: { tags, summary: '透明日志签名树头（C2SP checkpoint）' } }, async (_req, reply) =>
    reply.type('text/plain; charset=utf-8').send(await ctx.certificates.log.latestCheckpoint()),
  );
  app.get(
    '/public/log/consistency',
    { config: pub, schema: { tags, summary: '透明日志一致性证明', querystring: ConsistencyQuery, response: ProblemResponses } },
    async (req) => {
      const { from, to } = req.query as { from: number; to: number };
      return ctx.certificates.log.consistency(from, to);
    },
  );
  app.get('/public/revocations', { config: pub, schema: { tags, summary: '已签名的撤销列表（离线核验用）' } }, async () => ctx.certificates.revocationList());
};

/** `/.well-known/jiliang-keys.json`: certificate keys of every institution, with their state. */
export const wellKnownRoutes: FastifyPluginAsync<RouteOptions> = async (app, { ctx }) => {
  app.get('/.well-known/jiliang-keys.json', { config: { access: PUBLIC }, schema: { tags: ['certificates'], summary: '公开的签名公钥' } }, async () => ctx.certificates.keySet());
};
