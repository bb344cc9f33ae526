// Security headers (CSP, HSTS, nosniff, frame and referrer policies …) on every response. Helmet
// decides the values; they do not vary per request (no CSP nonces), so they are computed once at
// start-up and copied onto each reply. @fastify/helmet instead rebuilds helmet's middleware — CSP
// directives parsed again — on every request, which cost the public certificate lookup about a
// tenth of its throughput (docs/PERFORMANCE.md, "Certificates").
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

export const securityHeaders = fp(async (app: FastifyInstance, options: HelmetOptions) => {
  const headers = helmetHeaders(options);
  // Before routing decisions and error handling: every answer, 404s and problems included, carries them.
  app.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
});
