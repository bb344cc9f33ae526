// The security headers are helmet's, captured once: they must be exactly what helmet's middleware
// sets on a real response with the same options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import helmet from 'helmet';
import { helmetHeaders } from '../../src/http/security-headers.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/http/content-security-policy.ts';

const OPTIONS = { contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } };

test('the captured headers equal those helmet sets on a real response', async () => {
  const middleware = helmet(OPTIONS);
  const server = createServer((req, res) => middleware(req, res, () => res.end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const captured = helmetHeaders(OPTIONS);
    assert.ok(Object.keys(captured).length >= 10, JSON.stringify(captured));
    for (const [name, value] of Object.entries(captured)) assert.equal(response.headers.get(name), value, name);
    assert.match(captured['content-security-policy']!, /default-src 'self'/);
  } finally {
    server.close();
  }
});
