// Every kind of bad input gets a 4xx RFC 9457 problem with a stable code and the bad field's
// pointer, in zh-CN and en, and writes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDialect, SYSTEM } from '../support/dialects.ts';
import { postJson, testApp } from '../support/http.ts';
import { USCC, instrumentInput, organizationInput, seedOrganizations, verificationInput } from '../support/fixtures.ts';

describeEachDialect('bad input over HTTP', (ctx) => {
  let app: FastifyInstance;
  let ownerId = 0;
  let institutionId = 0;
  let instrumentId = 0;
  let counts: Record<string, number>;

  before(async () => {
    app = await testApp(ctx());
    ({ ownerId, institutionId } = await seedOrganizations(ctx()));
    instrumentId = (await ctx().instruments.register(SYSTEM, instrumentInput(ownerId))).id;
    counts = await ctx().stats.counts();
  });
  after(() => app.close());

  async function expectProblem(response: Awaited<ReturnType<typeof postJson>>, status: number, code: string, pointers: string[] = []) {
    assert.equal(response.statusCode, status, response.body);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    const problem = response.json();
    assert.equal(problem.code, code);
    assert.equal(problem.status, status);
    assert.equal(problem.type, `urn:jiliang:problem:${code}`);
    assert.ok(problem.messages.zh && problem.messages.en);
    assert.deepEqual((problem.errors ?? []).map((e: { pointer: string }) => e.pointer).sort(), [...pointers].sort());
    for (const e of problem.errors ?? []) assert.ok(e.zh && e.en && e.code, JSON.stringify(e));
    assert.deepEqual(await ctx().stats.counts(), counts, 'nothing was written');
    return problem;
  }

  test('malformed JSON → 400', async () => {
    await expectProblem(await postJson(app, '/api/v1/organizations', '{"uscc": '), 400, 'JL_ERR_MALFORMED_BODY');
  });

  test('prototype poisoning → 400', async () => {
    await expectProblem(await postJson(app, '/api/v1/organizations', '{"__proto__": {"x": 1}, "uscc": "a"}'), 400, 'JL_ERR_MALFORMED_BODY');
  });

  test('wrong content type → 415', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/organizations', payload: 'uscc=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    await expectProblem(response, 415, 'JL_ERR_UNSUPPORTED_MEDIA_TYPE');
    const text = await app.inject({ method: 'POST', url: '/api/v1/organizations', payload: '{"uscc":"1"}', headers: { 'content-type': 'text/plain; charset=utf-8' } });
    await expectProblem(text, 415, 'JL_ERR_UNSUPPORTED_MEDIA_TYPE');
  });

  test('wrong types and unknown fields → 422 with each pointer', async () => {
    await expectProblem(
      await postJson(app, '/api/v1/instruments', { ...instrumentInput(ownerId, { serialNo: 'X' }), ownerId: '1', model: 42, colour: 'red' }),
      422,
      'JL_ERR_VALIDATION',
      ['/ownerId', '/model', '/colour'],
    );
  });

  test('missing required fields → 422 naming them', async () => {
    const problem = await expectProblem(await postJson(app, '/api/v1/organizations', { name: 'x' }), 422, 'JL_ERR_VALIDATION', ['/uscc', '/districtCode', '/roles']);
    assert.ok(problem.errors.every((e: { code: string }) => e.code === 'required'));
  });

  test('invalid USCC and unknown district → 422, English on request', async () => {
    const response = await postJson(app, '/api/v1/organizations', organizationInput({ uscc: USCC.invalid, districtCode: '500299' }), { 'accept-language': 'en-US,en;q=0.9' });
    const problem = await expectProblem(response, 422, 'JL_ERR_VALIDATION', ['/uscc', '/districtCode']);
    assert.equal(problem.title, 'The input failed validation');
    const zh = (await postJson(app, '/api/v1/organizations', organizationInput({ uscc: USCC.invalid }))).json();
    assert.equal(zh.title, '输入数据未通过校验');
  });

  test('duplicate serial for the same manufacturer and model → 409', async () => {
    await expectProblem(await postJson(app, '/api/v1/instruments', instrumentInput(ownerId)), 409, 'JL_ERR_DUPLICATE_INSTRUMENT', ['/serialNo']);
  });

  test('verification in the future or before the instrument existed → 422', async () => {
    const url = `/api/v1/instruments/${instrumentId}/verifications`;
    await expectProblem(await postJson(app, url, verificationInput(institutionId, { verifiedOn: '2026-12-01' })), 422, 'JL_ERR_VALIDATION', ['/verifiedOn']);
    await expectProblem(await postJson(app, url, verificationInput(institutionId, { verifiedOn: '2023-01-01' })), 422, 'JL_ERR_VALIDATION', ['/verifiedOn']);
    await expectProblem(await postJson(app, url, verificationInput(institutionId, { verifiedOn: '2026-02-30' })), 422, 'JL_ERR_VALIDATION', ['/verifiedOn']);
  });

  test('unknown instrument → 404; bad id → 422 on params', async () => {
    await expectProblem(await postJson(app, '/api/v1/instruments/999999/verifications', verificationInput(institutionId)), 404, 'JL_ERR_NOT_FOUND');
    await expectProblem(await postJson(app, '/api/v1/instruments/abc/actions', { action: 'scrap' }), 422, 'JL_ERR_VALIDATION', ['/params/id']);
  });

  test('bad query parameters → 422 pointing into the query', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/instruments?dueState=late&pageSize=1000' });
    assert.equal(response.statusCode, 422);
    assert.deepEqual(response.json().errors.map((e: { pointer: string }) => e.pointer).sort(), ['/querystring/dueState', '/querystring/pageSize']);
  });

  test('an undecodable URL → 400 problem', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/instr%ZZ' });
    assert.equal(response.statusCode, 400, response.body);
    assert.equal(response.json().code, 'JL_ERR_MALFORMED_REQUEST');
  });

  test('a refused lifecycle action → 409 naming the status', async () => {
    const scrapped = await ctx().instruments.register(SYSTEM, instrumentInput(ownerId, { serialNo: 'GONE-409' }));
    await ctx().instruments.act(SYSTEM, scrapped.id, { action: 'scrap' });
    counts = await ctx().stats.counts();
    const problem = await expectProblem(await postJson(app, `/api/v1/instruments/${scrapped.id}/actions`, { action: 'resume' }, { 'accept-language': 'en' }), 409, 'JL_ERR_INVALID_TRANSITION');
    assert.match(problem.detail, /scrapped/);
  });

  test('unknown API route → 404 problem', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().code, 'JL_ERR_NOT_FOUND');
  });
});
