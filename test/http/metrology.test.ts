// POST /api/v1/metrology/<kind>: the same engine as the CLI, with problem JSON for bad input.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { openTestContext } from '../support/dialects.ts';
import { postJson, testApp } from '../support/http.ts';
import type { AppContext } from '../../src/services/context.ts';

const h1 = JSON.parse(readFileSync(new URL('../../../shared/testdata/metrology/01-gum-gum-h-1-end-gauge-calibration--first-ord.json', import.meta.url), 'utf8'));

let ctx: AppContext;
let app: FastifyInstance;
before(async () => {
  ctx = await openTestContext('sqlite');
  app = await testApp(ctx);
});
after(async () => {
  await app.close();
  await ctx.close();
});

test('GUM H.1 over HTTP: u ≈ 32 nm, U99 ≈ 93 nm, with a budget per input', async () => {
  const response = await postJson(app, '/api/v1/metrology/gum', h1.input);
  assert.equal(response.statusCode, 200, response.body);
  const y = response.json().outputs.y;
  assert.equal(Math.round(y.u), 32);
  assert.ok(Math.abs(y.U - 92.5) < 0.5);
  assert.equal(y.budget.length, Object.keys(h1.input.inputs).length);
  const deltaTheta = y.budget.find((b: { input: string }) => b.input === 'delta_theta');
  assert.ok(Math.abs(deltaTheta.sensitivity - -575.007) < 0.01);
});

test('a bad model gets 422 with the pointer and the engine\'s detail', async () => {
  const response = await postJson(app, '/api/v1/metrology/gum', { ...h1.input, model: 'l_s + (d_bar' }, { 'accept-language': 'en' });
  assert.equal(response.statusCode, 422);
  const problem = response.json();
  assert.equal(problem.code, 'JL_ERR_VALIDATION');
  assert.equal(problem.errors[0].pointer, '/model');
  assert.ok(problem.errors[0].detail.length > 0);
});

test('an unknown kind gets 422 on the path parameter', async () => {
  const response = await postJson(app, '/api/v1/metrology/astrology', {});
  assert.equal(response.statusCode, 422);
  assert.equal(response.json().errors[0].pointer, '/params/kind');
});
