// Builds the HTTP app over a test context; requests go through inject (no socket).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import type { AppContext } from '../../src/services/context.ts';

export async function testApp(ctx: AppContext): Promise<FastifyInstance> {
  return buildApp(ctx, { webRoot: '/nonexistent-web-root' });
}

export function postJson(app: FastifyInstance, url: string, body: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url, payload: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
}
