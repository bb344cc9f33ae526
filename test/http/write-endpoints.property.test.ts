// Property: whatever arrives at a write endpoint, the server answers without a 5xx, and a rejected
// request writes nothing (counts of every table unchanged).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { describeEachDialect, SYSTEM } from '../support/dialects.ts';
import { testApp } from '../support/http.ts';
import { instrumentInput, organizationInput, seedOrganizations, verificationInput } from '../support/fixtures.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

/** A valid payload with some fields replaced by arbitrary values, removed, or added. */
function mutated(base: Record<string, unknown>) {
  const keys = Object.keys(base);
  return fc
    .record({
      replace: fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.date().map((d) => (Number.isNaN(d.getTime()) ? '2026-01-01' : d.toISOString().slice(0, 10))))),
      remove: fc.subarray(keys, { maxLength: 2 }),
      extra: fc.dictionary(fc.string({ maxLength: 8 }), fc.anything(), { maxKeys: 1 }),
    })
    .map(({ replace, remove, extra }) => {
      const value: Record<string, unknown> = { ...base, ...replace };
      for (const k of remove) delete value[k];
      return { ...value, ...extra };
    });
}

const rawBody = fc.oneof(
  fc.json(),
  fc.string(),
  fc.anything().map((v) => {
    try {
      return JSON.stringify(v) ?? 'null';
    } catch {
      return 'null';
    }
  }),
);

describeEachDialect('write endpoints under random input', (ctx, dialect) => {
  let app: FastifyInstance;
  let ids: { ownerId: number; institutionId: number; instrumentId: number };
  const runs = dialect === 'sqlite' ? RUNS : Math.ceil(RUNS / 2);

  before(async () => {
    app = await testApp(ctx());
    const orgs = await seedOrganizations(ctx());
    ids = { ...orgs, instrumentId: (await ctx().instruments.register(SYSTEM, instrumentInput(orgs.ownerId))).id };
  });
  after(() => app.close());

  async function check(url: string, payload: string, contentType = 'application/json') {
    const before = await ctx().stats.counts();
    const response = await app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
    assert.ok(response.statusCode < 500, `${url} ${payload} → ${response.statusCode} ${response.body}`);
    if (response.statusCode >= 400) {
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      assert.deepEqual(await ctx().stats.counts(), before, `rejected ${url} ${payload} wrote something`);
    }
    return response.statusCode;
  }

  const endpoints = () => [
    { url: '/api/v1/organizations', base: organizationInput({ uscc: '91500103MA5U00011H' }) },
    { url: '/api/v1/instruments', base: instrumentInput(ids.ownerId, { serialNo: 'P-1' }) },
    { url: `/api/v1/instruments/${ids.instrumentId}/verifications`, base: verificationInput(ids.institutionId) },
    { url: `/api/v1/instruments/${ids.instrumentId}/actions`, base: { action: 'suspend', occurredOn: '2026-11-01', note: 'x' } },
  ];

  test('mutated valid payloads never cause a 5xx or a partial write', async () => {
    for (const { url, base } of endpoints()) {
      await fc.assert(fc.asyncProperty(mutated(base), async (payload) => void (await check(url, JSON.stringify(payload)))), { numRuns: runs, seed: 42 });
    }
  });

  test('arbitrary bodies never cause a 5xx or a partial write', async () => {
    for (const { url } of endpoints()) {
      await fc.assert(fc.asyncProperty(rawBody, async (body) => void (await check(url, body))), { numRuns: runs, seed: 7 });
    }
  });

  test('arbitrary import files never cause a 5xx or a partial write', async () => {
    const csvRow = fc.array(fc.oneof(fc.string(), fc.constantFrom('500103', '91500103MA5U00011H', 'PRICE_SCALE', '2024-01-01')), { maxLength: 16 });
    const header = '器具类别,制造单位,型号规格,出厂编号,使用单位统一社会信用代码,区县代码,使用领域';
    const csv = fc.array(csvRow, { maxLength: 5 }).map((rows) => [header, ...rows.map((r) => r.map((c) => JSON.stringify(c)).join(','))].join('\n'));
    await fc.assert(
      fc.asyncProperty(csv, fc.boolean(), async (file, validOnly) => {
        await check(`/api/v1/imports/instruments?format=csv&mode=${validOnly ? 'valid-only' : 'all'}`, file, 'text/csv');
        await check('/api/v1/imports/organizations?format=xlsx', file, 'application/octet-stream');
      }),
      { numRuns: Math.ceil(runs / 2), seed: 3 },
    );
  });
});
