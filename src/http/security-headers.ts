// Security headers (CSP, HSTS, nosniff, frame and referrer policies …) on every response. Helmet
// decides the values; they do not vary per request (no CSP nonces), so they are computed once at
// start-up and copied onto each reply. @fastify/helmet instead rebuilds helmet's middleware — CSP
// directives parsed again — on every request, which cost the public certificate lookup about a
// tenth of its throughput (docs/PERFORMANCE.md, "Certificates").
// Two sets: documents (the web app and its files) get helmet's full set with the app's policy; API
// answers (JSON, problem JSON, PDF, XML, QR images, exports) never load anything, so they get the
// set OWASP recommends for APIs, with a CSP that lets nothing load or frame them — stricter, and
// half the headers on the busiest routes.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The headers helmet sets for `options`, captured from one run of its middleware. */
export function helmetHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown = null;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error ?? null;
  });
  if (failure) throw failure;
  return Object.freeze(headers);
}

/** Helmet's options for API answers: CSP `default-src 'none'; frame-ancestors 'none'`, no document-only headers. */
export const API_HEADER_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
};

export interface SecurityHeaderOptions {
  /** For everything outside `apiPrefix`: the web app and its files. */
  readonly document: HelmetOptions;
  /** For answers under `apiPrefix`. */
  readonly api: HelmetOptions;
  readonly apiPrefix: string;
}

export const securityHeaders = fp(async (app: FastifyInstance, options: SecurityHeaderOptions) => {
  const documentHeaders = helmetHeaders(options.document);
  const apiHeaders = helmetHeaders(options.api);
  // Before routing decisions and error handling: every answer, 404s and problems included, carries them.
  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(request.url.startsWith(options.apiPrefix) ? apiHeaders : documentHeaders);
    done();
  });
});
