// Calibration-interval recommendations (NCSLI RP-1 A3) from an instrument's verification history:
// only for non-compulsory categories; the history is the days between consecutive verifications,
// in tolerance when the later verification passed.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDialect, SYSTEM } from '../support/dialects.ts';
import { testApp } from '../support/http.ts';
import { instrumentInput, seedOrganizations, verificationInput } from '../support/fixtures.ts';
import type { AppContext } from '../../src/services/context.ts';

const caliper = (ownerId: number, serialNo: string) =>
  instrumentInput(ownerId, {
    categoryCode: '游标卡尺',
    manufacturer: '桂林广陆数字测控有限公司',
    model: '0-150 mm',
    serialNo,
    useDomain: 'SAFETY',
    manufacturedOn: '2014-06-01',
    registeredOn: '2014-07-01',
    installedOn: '2014-07-01',
  });

/** Records one verification per date (yearly on 01-10), failing on the listed years. */
async function recordYears(ctx: AppContext, instrumentId: number, institutionId: number, years: number[], failYears: number[] = []) {
  for (const year of years) {
    const fail = failYears.includes(year);
    await ctx.verifications.record(SYSTEM, 
      instrumentId,
      verificationInput(institutionId, {
        verifiedOn: `${year}-01-10`,
        regulation: 'JJG 30-2012',
        conclusion: fail ? 'fail' : 'pass',
        items: [{ name: '示值误差', error: fail ? 0.05 : 0.01, mpe: 0.02, unit: 'mm' }],
      }),
    );
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describeEachDialect('calibration interval recommendation', (ctx) => {
  let ownerId = 0;
  let institutionId = 0;
  let app: FastifyInstance;
  before(async () => {
    ({ ownerId, institutionId } = await seedOrganizations(ctx()));
    app = await testApp(ctx());
  });
  after(() => app.close());

  test('non-compulsory categories are in the reference data and can be registered', async () => {
    const categories = (await app.inject('/api/v1/reference/categories')).json();
    const c = categories.find((x: { code: string }) => x.code === 'VERNIER_CALIPER');
    assert.equal(c.compulsory, false);
    assert.equal(c.verificationMode, 'PERIODIC');
    assert.equal(c.cycleMonths, 12);
    assert.equal(c.editionId, 'SAMR-2020-42');
    assert.equal(c.confirmed, false);
    for (const code of ['MICROMETER', 'DIGITAL_THERMOMETER', 'DIGITAL_MULTIMETER', 'TORQUE_WRENCH']) {
      assert.equal(categories.find((x: { code: string }) => x.code === code)?.compulsory, false, code);
    }
    assert.equal(categories.find((x: { code: string }) => x.code === 'PRICE_SCALE').compulsory, true);
    const inst = await ctx().instruments.register(SYSTEM, caliper(ownerId, 'GL-0001'));
    assert.equal(inst.categoryCode, 'VERNIER_CALIPER');
  });

  test('too short a history: applicable but no recommendation', async () => {
    const id = (await ctx().instruments.register(SYSTEM, caliper(ownerId, 'GL-0002'))).id;
    let r = await ctx().instruments.intervalRecommendation(SYSTEM, id);
    assert.equal(r.applicable, true);
    assert.equal(r.reason, 'insufficient_history');
    assert.equal(r.recommendation, undefined);
    assert.equal(r.currentIntervalDays, 365); // 12 months from today (2026-11-27)
    await recordYears(ctx(), id, institutionId, [2026]);
    r = await ctx().instruments.intervalRecommendation(SYSTEM, id);
    assert.equal(r.reason, 'insufficient_history');
    assert.deepEqual(r.history, []);
  });

  test('all in tolerance: kept at R* = 0.95 (not significant), lengthened (×2 at most) at R* = 0.8', async () => {
    const id = (await ctx().instruments.register(SYSTEM, caliper(ownerId, 'GL-0003'))).id;
    await recordYears(ctx(), id, institutionId, range(2016, 2026));
    const strict = await ctx().instruments.intervalRecommendation(SYSTEM, id);
    assert.equal(strict.applicable, true);
    assert.equal(strict.reason, undefined);
    assert.equal(strict.history.length, 10);
    assert.deepEqual(strict.history[0], { fromOn: '2016-01-10', toOn: '2017-01-10', intervalDays: 366, inTolerance: true });
    assert.equal(strict.currentIntervalDays, 365); // 2026-01-10 → 2027-01-10
    const a = strict.recommendation!;
    assert.equal(a.method, 'NCSLI RP-1 A3');
    assert.equal(a.used, 10);
    assert.equal(a.observedReliability, 1);
    // Q = max(0, 1 − 2·0.95^10) = 0 ≤ 0.5: keep
    assert.equal(a.rejectionConfidence, 0);
    assert.equal(a.action, 'keep');
    assert.equal(a.recommendedIntervalDays, 365);

    const loose = (await ctx().instruments.intervalRecommendation(SYSTEM, id, { reliabilityTarget: 0.8 })).recommendation!;
    // Q = 1 − 2·0.8^10 ≈ 0.785 > 0.5; factor 10^(0.2/0.215) ≈ 8.5, bounded at 2
    assert.ok(Math.abs(loose.rejectionConfidence - (1 - 2 * 0.8 ** 10)) < 1e-12);
    assert.equal(loose.action, 'lengthen');
    assert.equal(loose.recommendedIntervalDays, 730);
  });

  test('frequent out-of-tolerance results shorten the interval', async () => {
    const id = (await ctx().instruments.register(SYSTEM, caliper(ownerId, 'GL-0004'))).id;
    await recordYears(ctx(), id, institutionId, range(2020, 2026), [2021, 2023, 2025]);
    const r = await ctx().instruments.intervalRecommendation(SYSTEM, id);
    assert.deepEqual(r.history.map((h) => h.inTolerance), [false, true, false, true, false, true]);
    const a = r.recommendation!;
    assert.equal(a.observedReliability, 0.5);
    assert.equal(a.action, 'shorten');
    // 10^((0.5 − 0.95)·Q) ≈ 0.35 is bounded at 1/2: 365/2 rounded
    assert.equal(a.recommendedIntervalDays, 183);
    assert.ok(a.reliabilityInterval.upper < 0.95);
  });

  test('results far from the current interval cannot be assessed by A3', async () => {
    const id = (await ctx().instruments.register(SYSTEM, caliper(ownerId, 'GL-0005'))).id;
    for (const verifiedOn of ['2026-01-10', '2026-04-10', '2026-07-10']) {
      await ctx().verifications.record(SYSTEM, id, verificationInput(institutionId, { verifiedOn, items: [{ name: '示值误差', error: 0.01, mpe: 0.02 }] }));
    }
    const r = await ctx().instruments.intervalRecommendation(SYSTEM, id);
    assert.equal(r.applicable, true);
    assert.equal(r.reason, 'no_results_near_current_interval');
    assert.equal(r.history.length, 2);
    assert.equal(r.recommendation, undefined);
  });

  test('a compulsory instrument is not applicable: its cycle is fixed by regulation', async () => {
    const id = (await ctx().instruments.register(SYSTEM, instrumentInput(ownerId))).id;
    await ctx().verifications.record(SYSTEM, id, verificationInput(institutionId, { verifiedOn: '2025-06-01' }));
    await ctx().verifications.record(SYSTEM, id, verificationInput(institutionId, { verifiedOn: '2026-06-01' }));
    const r = await ctx().instruments.intervalRecommendation(SYSTEM, id);
    assert.equal(r.applicable, false);
    assert.equal(r.compulsory, true);
    assert.equal(r.reason, 'compulsory');
    assert.match(r.message!.en, /set by regulation/);
    assert.equal(r.recommendation, undefined);
  });

  test('over HTTP: the recommendation, the reliability target from the query, 404 and 422', async () => {
    const list = (await app.inject('/api/v1/instruments?q=GL-0003')).json();
    const id = list.items[0].id;
    const res = await app.inject(`/api/v1/instruments/${id}/interval-recommendation?reliabilityTarget=0.8`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.applicable, true);
    assert.equal(body.reliabilityTarget, 0.8);
    assert.equal(body.recommendation.action, 'lengthen');
    assert.equal(body.recommendation.recommendedIntervalDays, 730);
    const byDefault = (await app.inject(`/api/v1/instruments/${id}/interval-recommendation`)).json();
    assert.equal(byDefault.reliabilityTarget, 0.95);
    assert.equal(byDefault.recommendation.action, 'keep');
    assert.equal((await app.inject('/api/v1/instruments/999999/interval-recommendation')).statusCode, 404);
    const bad = await app.inject(`/api/v1/instruments/${id}/interval-recommendation?reliabilityTarget=1.5`);
    assert.equal(bad.statusCode, 422, bad.body);
    assert.equal(bad.json().errors[0].pointer, '/querystring/reliabilityTarget');
  });
});
