// The security headers are helmet's, captured once: they must be exactly what helmet's middleware
// sets on a real response with the same options — for documents and for API answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import helmet, { type HelmetOptions } from 'helmet';
import { API_HEADER_OPTIONS, helmetHeaders } from '../../src/http/security-headers.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/http/content-security-policy.ts';

const DOCUMENT_OPTIONS = { contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } };

async function headersHelmetSets(options: HelmetOptions): Promise<Headers> {
  const middleware = helmet(options);
  const server = createServer((req, res) => middleware(req, res, () => res.end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).headers;
  } finally {
    server.close();
  }
}

test('the captured headers equal those helmet sets on a real response, for documents and for API answers', async () => {
  for (const [what, options, expected] of [
    ['document', DOCUMENT_OPTIONS, 12],
    ['api', API_HEADER_OPTIONS, 6],
  ] as const) {
    const sent = await headersHelmetSets(options);
    const captured = helmetHeaders(options);
    assert.equal(Object.keys(captured).length, expected, `${what}: ${JSON.stringify(captured)}`);
    for (const [name, value] of Object.entries(captured)) assert.equal(sent.get(name), value, `${what}: ${name}`);
    assert.equal([...sent.keys()].filter((name) => !['connection', 'content-length', 'date', 'keep-alive'].includes(name)).length, expected, `${what}: nothing uncaptured`);
  }
  assert.match(helmetHeaders(DOCUMENT_OPTIONS)['content-security-policy']!, /default-src 'self'/);
  assert.equal(helmetHeaders(API_HEADER_OPTIONS)['content-security-policy'], "default-src 'none';frame-ancestors 'none'");
});
