import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../src/domain/errors.ts';
import { deriveLifecycle, type LifecycleEvent } from '../../src/domain/registry/lifecycle.ts';
import { nextDueOn } from '../../src/domain/verification/due-state.ts';
import { describeEachDialect, SYSTEM } from '../support/dialects.ts';
import { instrumentInput, seedOrganizations, verificationInput } from '../support/fixtures.ts';
import type { AppContext } from '../../src/services/context.ts';

function codesOf(error: unknown): string[] {
  assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
  return error.errors.map((e) => `${e.pointer} ${e.code}`);
}

/** The stored projection must equal what the pure functions derive from the stored histories. */
async function assertProjectionMatchesHistory(ctx: AppContext, id: number) {
  const detail = await ctx.instruments.get(SYSTEM, id);
  const state = deriveLifecycle(
    detail.events.map((e): LifecycleEvent => ({ kind: e.kind, occurredOn: e.occurredOn, conclusion: e.detail.conclusion as 'pass' | 'fail' | undefined, reason: e.detail.reason as never })),
  );
  assert.equal(detail.status, state.status);
  assert.equal(detail.suspensionReason, state.suspensionReason);
  assert.equal(detail.nextDueOn, nextDueOn(state.status, detail.registeredOn, detail.verifications));
}

describeEachDialect('verification lifecycle', (ctx) => {
  let ownerId = 0;
  let institutionId = 0;
  let instrumentId = 0;

  test('a failed verification issues a result notice and suspends the instrument', async () => {
    ({ ownerId, institutionId } = await seedOrganizations(ctx()));
    instrumentId = (await ctx().instruments.register(SYSTEM, instrumentInput(ownerId))).id;
    const failed = await ctx().verifications.record(SYSTEM, 
      instrumentId,
      verificationInput(institutionId, { verifiedOn: '2026-05-20', conclusion: 'fail', items: [{ name: '称量 15 kg', error: 12, mpe: 10, unit: 'g' }] }),
    );
    assert.equal(failed.documentKind, 'result_notice');
    assert.match(failed.documentNo, /^T2026-\d{4}-000001$/);
    assert.equal(failed.validUntil, null);
    assert.equal(failed.items[0]!.pass, false);
    assert.equal(failed.regulation, 'JJG 539-2016');
    const inst = await ctx().instruments.get(SYSTEM, instrumentId);
    assert.equal(inst.status, 'suspended');
    assert.equal(inst.suspensionReason, 'verification_failed');
    assert.equal(inst.nextDueOn, '2026-05-20');
    assert.equal(inst.dueState, 'overdue');
    await assertProjectionMatchesHistory(ctx(), instrumentId);
  });

  test('a manual resume cannot lift a failed verification', async () => {
    const error = await ctx().instruments.act(SYSTEM, instrumentId, { action: 'resume' }).catch((e) => e);
    assert.equal(error.code, 'JL_ERR_INVALID_TRANSITION');
  });

  test('a passed verification issues a certificate, puts the instrument back in use and sets the due date from the cycle', async () => {
    const passed = await ctx().verifications.record(SYSTEM, instrumentId, verificationInput(institutionId, { verifiedOn: '2026-06-01' }));
    assert.equal(passed.documentKind, 'certificate');
    assert.match(passed.documentNo, /^J2026-\d{4}-000001$/);
    assert.equal(passed.validUntil, '2027-05-31'); // price scale: 12-month cycle
    const inst = await ctx().instruments.get(SYSTEM, instrumentId);
    assert.equal(inst.status, 'in_use');
    assert.equal(inst.nextDueOn, '2027-05-31');
    assert.equal(inst.dueState, 'valid');
    assert.equal(inst.lastConclusion, 'pass');
    assert.deepEqual(inst.events.map((e) => e.kind), ['registered', 'installed', 'verified', 'verified']);
    assert.equal(inst.verifications.length, 2);
    await assertProjectionMatchesHistory(ctx(), instrumentId);
  });

  test('certificate numbers follow one sequence per institution and year', async () => {
    const second = await ctx().instruments.register(SYSTEM, instrumentInput(ownerId, { serialNo: 'SEQ-2' }));
    const v = await ctx().verifications.record(SYSTEM, second.id, verificationInput(institutionId, { verifiedOn: '2026-07-01' }));
    assert.match(v.documentNo, /^J2026-\d{4}-000002$/);
  });

  test('concurrent verifications starting a new year each get their own number', async () => {
    const instruments = await Promise.all([1, 2, 3, 4, 5].map((n) => ctx().instruments.register(SYSTEM, instrumentInput(ownerId, { serialNo: `PAR-${n}` }))));
    // 2025 has no number yet for this institution: every record races to start its sequence.
    const records = await Promise.all(instruments.map((i) => ctx().verifications.record(SYSTEM, i.id, verificationInput(institutionId, { verifiedOn: '2025-03-01' }))));
    assert.deepEqual(records.map((r) => Number(r.documentNo.slice(-6))).sort(), [1, 2, 3, 4, 5]);
  });

  test('rejects a verification in the future, before the instrument existed, or before the last one', async () => {
    const before = await ctx().stats.counts();
    const future = await ctx().verifications.record(SYSTEM, instrumentId, verificationInput(institutionId, { verifiedOn: '2026-11-28' })).catch((e) => e);
    assert.deepEqual(codesOf(future), ['/verifiedOn date_in_future']);
    const early = await ctx().verifications.record(SYSTEM, instrumentId, verificationInput(institutionId, { verifiedOn: '2024-02-01' })).catch((e) => e);
    assert.deepEqual(codesOf(early), ['/verifiedOn date_before_existence']);
    const outOfOrder = await ctx().verifications.record(SYSTEM, instrumentId, verificationInput(institutionId, { verifiedOn: '2026-05-01' })).catch((e) => e);
    assert.deepEqual(codesOf(outOfOrder), ['/verifiedOn date_order']);
    assert.deepEqual(await ctx().stats.counts(), before);
  });

  test('rejects a pass contradicted by an item, and an institution without the institute role', async () => {
    const mismatch = await ctx()
      .verifications.record(SYSTEM, instrumentId, verificationInput(institutionId, { verifiedOn: '2026-08-01', items: [{ name: 'x', error: 11, mpe: 10 }] }))
      .catch((e) => e);
    assert.deepEqual(codesOf(mismatch), ['/items/0/error conclusion_mismatch']);
    const notInstitute = await ctx().verifications.record(SYSTEM, instrumentId, verificationInput(ownerId, { verifiedOn: '2026-08-01' })).catch((e) => e);
    assert.deepEqual(codesOf(notInstitute), ['/institutionId not_an_institution']);
  });

  test('fixed-life meters are valid until the end of their service life from installation', async () => {
    const meter = await ctx().instruments.register(SYSTEM, 
      instrumentInput(ownerId, { categoryCode: 'WATER_METER_DN25', manufacturer: '宁波水表股份有限公司', model: 'LXS-15E', serialNo: 'NB-1', installedOn: '2024-04-01' }),
    );
    const v = await ctx().verifications.record(SYSTEM, meter.id, verificationInput(institutionId, { verifiedOn: '2024-04-01', items: [{ name: 'Q3', error: 0.5, mpe: 2, unit: '%' }] }));
    assert.equal(v.validUntil, '2030-03-31');
  });

  test('items with an uncertainty are judged by the decision rule, and the specific risk is recorded', async () => {
    const inst = await ctx().instruments.register(SYSTEM, instrumentInput(ownerId, { serialNo: 'RISK-1' }));
    const near = { name: '称量 15 kg', error: 4.8, mpe: 5, u: 0.2, unit: 'g' };
    // Guarded acceptance (w = 2u = 0.4): acceptance zone ±4.6, so 4.8 is rejected and a pass contradicts it.
    const contradicted = await ctx()
      .verifications.record(SYSTEM, inst.id, verificationInput(institutionId, { items: [near], decisionRule: { rule: 'guarded', k: 2 } }))
      .catch((e) => e);
    assert.deepEqual(codesOf(contradicted), ['/items/0/error conclusion_mismatch']);
    const guarded = await ctx().verifications.record(SYSTEM, inst.id, verificationInput(institutionId, { items: [near], conclusion: 'fail', decisionRule: { rule: 'guarded', k: 2 } }));
    const rejected = guarded.items[0]!;
    assert.equal(rejected.pass, false);
    assert.equal(rejected.decision.rule, 'guarded');
    assert.ok(Math.abs(rejected.decision.pc! - 0.8413447) < 1e-6); // Φ(1): the true error is within ±5 with 84 %
    assert.ok(Math.abs(rejected.decision.specificRisk! - 0.8413447) < 1e-6); // rejecting it is wrong with that probability
    // Simple acceptance with an uncertainty accepts and states the false-accept risk 1 − pc.
    const simple = await ctx().verifications.record(SYSTEM, inst.id, verificationInput(institutionId, { verifiedOn: '2026-06-02', items: [near] }));
    assert.equal(simple.items[0]!.pass, true);
    assert.ok(Math.abs(simple.items[0]!.decision.specificRisk! - 0.1586553) < 1e-6);
    // Without an uncertainty an item is compared with the MPE and states no risk.
    assert.deepEqual(simple.items.length, 1);
    const plain = await ctx().verifications.record(SYSTEM, inst.id, verificationInput(institutionId, { verifiedOn: '2026-06-03' }));
    assert.deepEqual(plain.items[0]!.decision, { rule: 'simple', accept: true });
  });

  test('a scrapped instrument cannot be verified', async () => {
    const inst = await ctx().instruments.register(SYSTEM, instrumentInput(ownerId, { serialNo: 'SCRAP-1' }));
    await ctx().instruments.act(SYSTEM, inst.id, { action: 'scrap' });
    const error = await ctx().verifications.record(SYSTEM, inst.id, verificationInput(institutionId)).catch((e) => e);
    assert.equal(error.code, 'JL_ERR_INVALID_TRANSITION');
  });
});

describeEachDialect('due and overdue lists', (ctx) => {
  test('filters by due state with the same boundaries as the derivation, and sorts most urgent first', async () => {
    const { ownerId, institutionId } = await seedOrganizations(ctx());
    // Fuel dispensers: 6-month cycle. Verified on these dates → valid until the day before +6 months.
    const cases = [
      ['OVERDUE', '2026-05-01'], // valid until 2026-10-31 → overdue
      ['EDGE-TODAY', '2026-05-28'], // valid until 2026-11-27 = today → due soon
      ['SOON', '2026-06-20'], // 2026-12-19 → due soon
      ['EDGE-WINDOW', '2026-06-28'], // 2026-12-27 = today + 30 → due soon
      ['VALID', '2026-06-29'], // 2026-12-28 → valid
    ] as const;
    for (const [serial, verifiedOn] of cases) {
      const inst = await ctx().instruments.register(SYSTEM, instrumentInput(ownerId, { categoryCode: 'FUEL_DISPENSER', manufacturer: '正星科技股份有限公司', model: 'ZX-2', serialNo: serial, districtCode: '500112' }));
      await ctx().verifications.record(SYSTEM, inst.id, verificationInput(institutionId, { verifiedOn, items: [{ name: '示值误差', error: 0.1, mpe: 0.3, unit: '%' }] }));
    }
    const scrapped = await ctx().instruments.register(SYSTEM, instrumentInput(ownerId, { serialNo: 'GONE' }));
    await ctx().instruments.act(SYSTEM, scrapped.id, { action: 'scrap' });

    const serials = async (query: Record<string, unknown>) => (await ctx().instruments.list(SYSTEM, query)).items.map((i) => i.serialNo);
    assert.deepEqual(await serials({ dueState: 'overdue', districtCode: '500112' }), ['OVERDUE']);
    assert.deepEqual(await serials({ dueState: 'due_soon' }), ['EDGE-TODAY', 'SOON', 'EDGE-WINDOW']);
    assert.deepEqual(await serials({ dueState: 'valid' }), ['VALID']);
    assert.deepEqual(await serials({ dueState: 'not_applicable' }), ['GONE']);
    assert.deepEqual(await serials({ dueState: 'due_soon', dueSoonDays: 0 }), ['EDGE-TODAY']);
    assert.deepEqual(await serials({ districtCode: '500112', sort: '-nextDueOn' }), ['VALID', 'EDGE-WINDOW', 'SOON', 'EDGE-TODAY', 'OVERDUE']);
    // Instruments without a due date sort last in both directions of the default sort.
    assert.equal((await serials({})).at(-1), 'GONE');
    assert.deepEqual(await serials({ q: 'EDGE' }), ['EDGE-TODAY', 'EDGE-WINDOW']);

    const page = await ctx().instruments.list(SYSTEM, { dueState: 'due_soon', pageSize: 2, page: 2 });
    assert.equal(page.total, 3);
    assert.deepEqual(page.items.map((i) => i.serialNo), ['EDGE-WINDOW']);
    for (const item of (await ctx().instruments.list(SYSTEM, { pageSize: 100 })).items) {
      const expected = { OVERDUE: 'overdue', 'EDGE-TODAY': 'due_soon', SOON: 'due_soon', 'EDGE-WINDOW': 'due_soon', VALID: 'valid', GONE: 'not_applicable' }[item.serialNo];
      assert.equal(item.dueState, expected, item.serialNo);
    }

    const summary = await ctx().instruments.dueSummary(SYSTEM);
    assert.deepEqual(summary.totals, { valid: 1, dueSoon: 3, overdue: 1, notApplicable: 1, suspended: 0, total: 6 });
    assert.deepEqual(summary.byDistrict.map((d) => d.districtCode), ['500103', '500112']);
  });
});
