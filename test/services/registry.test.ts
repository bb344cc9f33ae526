import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../src/domain/errors.ts';
import { describeEachDialect, SYSTEM } from '../support/dialects.ts';
import { USCC, instrumentInput, organizationInput, seedOrganizations } from '../support/fixtures.ts';

function codesOf(error: unknown): string[] {
  assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
  return error.errors.map((e) => `${e.pointer} ${e.code}`);
}

describeEachDialect('organization registry', (ctx) => {
  test('registers an organization with roles; a retired district code maps to its successor', async () => {
    const org = await ctx().organizations.register(SYSTEM, organizationInput({ districtCode: '500222' })); // 綦江县 → 綦江区
    assert.equal(org.districtCode, '500110');
    assert.deepEqual(org.roles, ['market_operator', 'owner']);
    assert.equal(org.instrumentCount, 0);
  });

  test('rejects an invalid USCC and an unknown district with both pointers, writing nothing', async () => {
    const before = await ctx().stats.counts();
    const error = await ctx().organizations.register(SYSTEM, organizationInput({ uscc: USCC.invalid, districtCode: '500999' })).catch((e) => e);
    assert.deepEqual(codesOf(error).sort(), ['/districtCode unknown_district', '/uscc invalid_uscc']);
    assert.deepEqual(await ctx().stats.counts(), before);
  });

  test('rejects a duplicate USCC with 409', async () => {
    const error = await ctx().organizations.register(SYSTEM, organizationInput({ name: '另一个名字', districtCode: '500103' })).catch((e) => e);
    assert.equal(error.code, 'JL_ERR_DUPLICATE_USCC');
    assert.equal(error.status, 409);
  });

  test('lists with filters and paging', async () => {
    await ctx().organizations.register(SYSTEM, organizationInput({ uscc: USCC.institute, name: '重庆市计量质量检测研究院', roles: ['verification_institute'], districtCode: '500112' }));
    const institutes = await ctx().organizations.list(SYSTEM, { role: 'verification_institute' });
    assert.deepEqual(institutes.items.map((o) => o.uscc), [USCC.institute]);
    const byName = await ctx().organizations.list(SYSTEM, { q: '农贸' });
    assert.equal(byName.total, 1);
    const paged = await ctx().organizations.list(SYSTEM, { pageSize: 1, page: 2 });
    assert.equal(paged.items.length, 1);
    assert.equal(paged.total, 2);
  });
});

describeEachDialect('instrument registry and lifecycle', (ctx) => {
  let ownerId = 0;

  test('registers an instrument; never verified, it is due at registration', async () => {
    ({ ownerId } = await seedOrganizations(ctx()));
    const inst = await ctx().instruments.register(SYSTEM, instrumentInput(ownerId));
    assert.equal(inst.status, 'in_use');
    assert.equal(inst.nextDueOn, '2024-04-02');
    assert.equal(inst.dueState, 'overdue');
    assert.equal(inst.ownerName, '重庆市渝中区示例农贸市场有限公司');
    const detail = await ctx().instruments.get(SYSTEM, inst.id);
    assert.deepEqual(detail.events.map((e) => e.kind), ['registered', 'installed']);
  });

  test('refuses the same serial for the same manufacturer and model, but not for another model', async () => {
    const error = await ctx().instruments.register(SYSTEM, instrumentInput(ownerId)).catch((e) => e);
    assert.equal(error.code, 'JL_ERR_DUPLICATE_INSTRUMENT');
    assert.deepEqual(codesOf(error), ['/serialNo duplicate_instrument']);
    const other = await ctx().instruments.register(SYSTEM, instrumentInput(ownerId, { model: 'ACS-30' }));
    assert.equal(other.serialNo, 'YS2024000123');
  });

  test('rejects unknown category, use domain, owner and dates in the future or out of order', async () => {
    const before = await ctx().stats.counts();
    const error = await ctx()
      .instruments.register(SYSTEM, 
        instrumentInput(ownerId, { serialNo: 'NEW-1', categoryCode: 'NOPE', useDomain: 'NOPE', registeredOn: '2027-01-01', manufacturedOn: '2027-02-01' }),
      )
      .catch((e) => e);
    assert.deepEqual(codesOf(error).sort(), [
      '/categoryCode unknown_category',
      '/installedOn date_order',
      '/manufacturedOn date_in_future',
      '/registeredOn date_in_future',
      '/registeredOn date_order',
      '/useDomain unknown_use_domain',
    ]);
    const noOwner = await ctx().instruments.register(SYSTEM, instrumentInput(999_999, { serialNo: 'NEW-2' })).catch((e) => e);
    assert.deepEqual(codesOf(noOwner), ['/ownerId unknown_organization']);
    assert.deepEqual(await ctx().stats.counts(), before);
  });

  test('accepts categories and use domains by their Chinese names', async () => {
    const inst = await ctx().instruments.register(SYSTEM, instrumentInput(ownerId, { serialNo: 'ZH-1', categoryCode: '燃油加油机', useDomain: '贸易结算' }));
    assert.equal(inst.categoryCode, 'FUEL_DISPENSER');
    assert.equal(inst.useDomain, 'TRADE');
  });

  test('lifecycle actions: suspend, resume, repair, scrap; nothing after scrapping', async () => {
    const inst = await ctx().instruments.register(SYSTEM, instrumentInput(ownerId, { serialNo: 'LIFE-1', installedOn: null }));
    assert.equal(inst.status, 'registered');
    assert.equal((await ctx().instruments.act(SYSTEM, inst.id, { action: 'install', occurredOn: '2026-01-10' })).status, 'in_use');
    assert.equal((await ctx().instruments.act(SYSTEM, inst.id, { action: 'suspend', note: '摊位停业' })).status, 'suspended');
    assert.equal((await ctx().instruments.act(SYSTEM, inst.id, { action: 'resume' })).status, 'in_use');
    assert.equal((await ctx().instruments.act(SYSTEM, inst.id, { action: 'repair' })).status, 'in_use');
    const scrapped = await ctx().instruments.act(SYSTEM, inst.id, { action: 'scrap' });
    assert.equal(scrapped.status, 'scrapped');
    assert.equal(scrapped.nextDueOn, null);
    assert.equal(scrapped.dueState, 'not_applicable');
    const error = await ctx().instruments.act(SYSTEM, inst.id, { action: 'resume' }).catch((e) => e);
    assert.equal(error.code, 'JL_ERR_INVALID_TRANSITION');
    const detail = await ctx().instruments.get(SYSTEM, inst.id);
    assert.deepEqual(detail.events.map((e) => e.kind), ['registered', 'installed', 'suspended', 'resumed', 'repaired', 'scrapped']);
    assert.equal(detail.installedOn, '2026-01-10');
  });

  test('refuses an action dated in the future or before registration', async () => {
    const inst = await ctx().instruments.register(SYSTEM, instrumentInput(ownerId, { serialNo: 'LIFE-2' }));
    const future = await ctx().instruments.act(SYSTEM, inst.id, { action: 'suspend', occurredOn: '2026-11-28' }).catch((e) => e);
    assert.deepEqual(codesOf(future), ['/occurredOn date_in_future']);
    const early = await ctx().instruments.act(SYSTEM, inst.id, { action: 'suspend', occurredOn: '2020-01-01' }).catch((e) => e);
    assert.deepEqual(codesOf(early), ['/occurredOn date_before_existence']);
  });
});
