// The Fastify app factory: builds the server without listening so tests can `inject`.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { AppError, type ErrorCode } from '../domain/errors.ts';
import { toFieldErrors, strictAjv } from '../services/validation.ts';
import type { AppContext } from '../services/context.ts';
import { preferredLanguage, problemFor, problemFromAppError } from '../domain/problem.ts';
import { referenceRoutes } from './routes/reference-routes.ts';
import { organizationRoutes } from './routes/organization-routes.ts';
import { instrumentRoutes } from './routes/instrument-routes.ts';
import { supervisionRoutes } from './routes/supervision-routes.ts';
import { importExportRoutes } from './routes/import-export-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { metrologyRoutes } from './routes/metrology-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { adminRoutes } from './routes/admin-routes.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { certificateRoutes, wellKnownRoutes } from './routes/certificate-routes.ts';
import { authentication } from './auth/authenticate.ts';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts';
import { API_HEADER_OPTIONS, securityHeaders } from './security-headers.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export interface AppOptions {
  /** Folder of the built web UI; served at / when it exists. */
  readonly webRoot?: string;
  /** Log requests with pino (authorization, cookie and CSRF headers redacted). */
  readonly logger?: boolean;
  /** Where the log goes when `logger` is on (default: standard output); tests read it to check that no secret is logged. */
  readonly logStream?: { write(line: string): void };
  readonly version?: string;
  /** Mark cookies Secure (serve behind TLS); default: JILIANG_SECURE_COOKIES=1. */
  readonly secureCookies?: boolean;
  /** Requests per minute per client address on public routes (default: JILIANG_PUBLIC_RATE_LIMIT or 300). */
  readonly publicRateLimit?: number;
  /**
   * Behind a reverse proxy: which proxies to trust for the client address (rate limits key on it).
   * Default: JILIANG_TRUST_PROXY — an address, CIDR list, or `true`; unset trusts none.
   */
  readonly trustProxy?: boolean | string;
  /** Sign-in attempts per minute per client address (default 20), on top of the per-account lockout. */
  readonly loginRateLimit?: number;
  /** Requests per minute per user or machine token on each signed-in route (default: JILIANG_CALLER_RATE_LIMIT or 1200). */
  readonly callerRateLimit?: number;
}

// Query strings arrive as text: coerce them to the declared types. Bodies are never coerced.
const queryAjv = addFormats(new Ajv({ allErrors: true, coerceTypes: true, removeAdditional: false, useDefaults: false, strict: false }));

function trustProxyFromEnv(): boolean | string {
  const value = process.env.JILIANG_TRUST_PROXY;
  if (!value) return false;
  return value === 'true' ? true : value;
}

function rateLimitFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`${name} must be a positive integer (got ${raw})`);
  return limit;
}

/** The catalog code for an error raised by Fastify or a plugin rather than by our code. */
function frameworkErrorCode(error: FastifyError): ErrorCode {
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'JL_ERR_UNSUPPORTED_MEDIA_TYPE';
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'JL_ERR_PAYLOAD_TOO_LARGE';
  if (error.statusCode === 429) return 'JL_ERR_RATE_LIMITED';
  if (error.statusCode === 400) return 'JL_ERR_MALFORMED_BODY';
  return 'JL_ERR_INTERNAL';
}

export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const webRoot = resolve(options.webRoot ?? 'dist/web');
  const webAvailable = existsSync(resolve(webRoot, 'index.html'));
  const secureCookies = options.secureCookies ?? process.env.JILIANG_SECURE_COOKIES === '1';
  const app = Fastify({
    logger: options.logger
      ? {
          redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], censor: '[redacted]' },
          ...(options.logStream ? { stream: options.logStream } : {}),
        }
      : false,
    // Ids are ours, never taken from the client, so the audit log can trust them.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: options.trustProxy ?? trustProxyFromEnv(),
    bodyLimit: 1024 * 1024,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Errors raised before routing (an undecodable URL) and by the HTTP parser get problem JSON too.
    frameworkErrors: (_error, request, reply) => {
      const problem = problemFor('JL_ERR_MALFORMED_REQUEST', preferredLanguage(request.headers['accept-language']), { instance: request.url });
      // Answered before the onRequest hooks run: the request id header is set here.
      void (reply as unknown as FastifyReply).status(400).header('x-request-id', request.id).type('application/problem+json').send(problem);
    },
    clientErrorHandler: (_error, socket) => {
      const body = JSON.stringify(problemFor('JL_ERR_MALFORMED_REQUEST', 'zh'));
      if (!socket.writable) return socket.destroy();
      socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    },
  });

  // JSON is the API's only body type (imports add theirs): a text/plain body is refused with 415
  // like any other unregistered type, not parsed into a string for schema validation to reject.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strictAjv.compile(schema) : queryAjv.compile(schema)));
  app.setSchemaErrorFormatter((errors, dataVar) => Object.assign(new Error(dataVar), { fieldErrors: toFieldErrors(errors as never), part: dataVar }));

  app.setErrorHandler((error: FastifyError & { fieldErrors?: ReturnType<typeof toFieldErrors>; part?: string }, request, reply) => {
    const lang = preferredLanguage(request.headers['accept-language']);
    const instance = request.url;
    if (error instanceof AppError) {
      return reply.status(error.status).type('application/problem+json').send(problemFromAppError(error, lang, instance));
    }
    if (error.fieldErrors) {
      // Pointers are relative to the part that failed; say which part for query and params.
      const prefix = error.part === 'body' ? '' : `/${error.part}`;
      const errors = error.fieldErrors.map((e) => ({ ...e, pointer: `${prefix}${e.pointer === '/' ? '' : e.pointer}` || '/' }));
      return reply.status(422).type('application/problem+json').send(problemFor('JL_ERR_VALIDATION', lang, { errors, instance }));
    }
    const code = frameworkErrorCode(error);
    if (code === 'JL_ERR_INTERNAL') request.log.error(error);
    return reply.status(problemFor(code, lang).status).type('application/problem+json').send(problemFor(code, lang, { instance }));
  });

  app.setNotFoundHandler((request, reply) => {
    const lang = preferredLanguage(request.headers['accept-language']);
    // Client-side routes have no file extension; a missing asset or API route is a real 404.
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path) || !webAvailable) {
      return reply.status(404).type('application/problem+json').send(problemFor('JL_ERR_NOT_FOUND', lang, { instance: request.url }));
    }
    // Client-side routes of the single-page app.
    return reply.sendFile('index.html');
  });

  await app.register(securityHeaders, {
    document: { contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } },
    api: API_HEADER_OPTIONS,
    apiPrefix: '/api/',
  });
  // Registered before the rate limiter: it gives every public route a limit, which the limiter reads.
  await app.register(authentication, {
    ctx,
    secureCookies,
    publicRateLimit: options.publicRateLimit ?? rateLimitFromEnv('JILIANG_PUBLIC_RATE_LIMIT', 300),
    callerRateLimit: options.callerRateLimit ?? rateLimitFromEnv('JILIANG_CALLER_RATE_LIMIT', 1200),
  });
  await app.register(rateLimit, { global: false });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Jiliang API', version: options.version ?? '0.1.0', description: '计量监督与服务平台 — metrology supervision and service platform' },
      tags: [
        { name: 'reference', description: '参考数据 Reference data' },
        { name: 'organizations', description: '单位 Organizations' },
        { name: 'instruments', description: '计量器具 Instruments' },
        { name: 'supervision', description: '监督 Supervision' },
        { name: 'imports', description: '导入导出 Import and export' },
        { name: 'metrology', description: '计量计算 Metrology calculations' },
        { name: 'auth', description: '登录与会话 Sign-in and sessions' },
        { name: 'admin', description: '用户、令牌与审计 Users, tokens and audit' },
        { name: 'certificates', description: '证书与透明日志 Certificates and the transparency log' },
      ],
    },
  });

  await app.register(
    async (api) => {
      await api.register(healthRoutes, { ctx });
      await api.register(referenceRoutes, { ctx });
      await api.register(organizationRoutes, { ctx });
      await api.register(instrumentRoutes, { ctx });
      await api.register(supervisionRoutes, { ctx });
      await api.register(importExportRoutes, { ctx });
      await api.register(metrologyRoutes, { ctx });
      await api.register(authRoutes, { ctx, secureCookies, loginRateLimit: options.loginRateLimit ?? 20 });
      await api.register(adminRoutes, { ctx });
      await api.register(auditRoutes, { ctx });
      await api.register(certificateRoutes, { ctx });
    },
    { prefix: '/api/v1' },
  );
  await app.register(wellKnownRoutes, { ctx });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // wildcard: files are looked up per request, so a rebuilt bundle is served without a restart.
  if (webAvailable) await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: true });
  return app;
}
