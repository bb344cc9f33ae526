import { DEMO_USERS } from '../../src/services/demo/demo-users.ts';
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { isValidUscc, usccDivisionCode } from '../../src/domain/ids/uscc.ts';
import { deriveLifecycle, type LifecycleEvent } from '../../src/domain/registry/lifecycle.ts';
import { dueState, nextDueOn } from '../../src/domain/verification/due-state.ts';
import { validUntil } from '../../src/domain/verification/validity.ts';
import type { AppContext } from '../../src/services/context.ts';
import type { InstrumentDetail } from '../../src/services/instrument-service.ts';
import type { Organization } from '../../src/services/schemas/organization.ts';
import { describeEachDialect, openTestContext, TEST_TODAY, SYSTEM } from '../support/dialects.ts';

// A small city keeps the suite fast; organisations scale with the instrument count.
const SQLITE_SIZE = 3000;
const POSTGRES_SIZE = 400;

interface City {
  readonly organizations: Organization[];
  readonly instruments: InstrumentDetail[];
  /** Hash of every organisation and instrument with its events and verifications. */
  readonly fingerprint: string;
}

/** Reads the whole city back through the services. */
async function readCity(ctx: AppContext): Promise<City> {
  const organizations: Organization[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await ctx.organizations.list(SYSTEM, { page, pageSize: 200 });
    organizations.push(...items);
    if (organizations.length >= total) break;
  }
  const instruments: InstrumentDetail[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await ctx.instruments.list(SYSTEM, { page, pageSize: 200, sort: 'id' });
    for (const item of items) instruments.push(await ctx.instruments.get(SYSTEM, item.id));
    if (instruments.length >= total) break;
  }
  const fingerprint = createHash('sha256').update(JSON.stringify({ organizations, instruments })).digest('hex');
  return { organizations, instruments, fingerprint };
}

describeEachDialect('demo city', (ctx, dialect) => {
  const size = dialect === 'sqlite' ? SQLITE_SIZE : POSTGRES_SIZE;
  let city: City;

  before(async () => {
    const summary = await ctx().demo.ensure({ instruments: size });
    assert.equal(summary.created, true);
    assert.equal(summary.instruments, size);
    city = await readCity(ctx());
    assert.equal(summary.organizations, city.organizations.length);
    assert.equal(summary.verifications, city.instruments.reduce((n, i) => n + i.verifications.length, 0));
  });

  test('organisations have valid USCCs carrying their own district, in all 38 districts', () => {
    const districts = new Set(ctx().reference.districts.map((d) => d.code));
    assert.equal(districts.size, 38);
    for (const org of city.organizations) {
      assert.ok(isValidUscc(org.uscc), `${org.name}: ${org.uscc}`);
      assert.equal(usccDivisionCode(org.uscc), org.districtCode, org.name);
    }
    assert.equal(new Set(city.organizations.map((o) => o.uscc)).size, city.organizations.length);
    assert.deepEqual(new Set(city.organizations.map((o) => o.districtCode)), districts);
    if (dialect === 'sqlite') assert.deepEqual(new Set(city.instruments.map((i) => i.districtCode)), districts);
    const roles = new Set(city.organizations.flatMap((o) => o.roles));
    for (const role of ['owner', 'verification_institute', 'manufacturer', 'market_operator', 'repairer']) assert.ok(roles.has(role as never), role);
    const institutes = city.organizations.filter((o) => o.roles.includes('verification_institute'));
    assert.ok(institutes.length >= 10 && institutes.length <= 15, `${institutes.length} institutes`);
  });

  test('every projection equals the derivation from the stored events and verifications', () => {
    for (const inst of city.instruments) {
      const state = deriveLifecycle(
        inst.events.map((e): LifecycleEvent => ({
          kind: e.kind,
          occurredOn: e.occurredOn,
          conclusion: e.detail.conclusion as 'pass' | 'fail' | undefined,
          reason: e.detail.reason as never,
        })),
      );
      const label = `instrument ${inst.id} (${inst.categoryCode})`;
      assert.equal(inst.status, state.status, label);
      assert.equal(inst.suspensionReason, state.suspensionReason, label);
      assert.equal(inst.nextDueOn, nextDueOn(state.status, inst.registeredOn, inst.verifications), label);
      assert.equal(inst.lastVerifiedOn, inst.verifications.at(-1)?.verifiedOn ?? null, label);
      assert.equal(inst.lastConclusion, inst.verifications.at(-1)?.conclusion ?? null, label);
      // Verified events name their records, in the same order.
      const verified = inst.events.filter((e) => e.kind === 'verified');
      assert.deepEqual(
        verified.map((e) => [e.detail.verificationId, e.detail.documentNo, e.detail.conclusion]),
        inst.verifications.map((v) => [v.id, v.documentNo, v.conclusion]),
        label,
      );
    }
  });

  test('verification records are consistent with their conclusion, category and dates', () => {
    const documentNos = new Set<string>();
    for (const inst of city.instruments) {
      const category = ctx().reference.category(inst.categoryCode)!;
      let previous = '';
      for (const v of inst.verifications) {
        assert.ok(v.verifiedOn <= TEST_TODAY && v.verifiedOn >= (inst.manufacturedOn ?? inst.registeredOn) && v.verifiedOn >= previous);
        previous = v.verifiedOn;
        assert.equal(v.items.every((i) => i.pass), v.conclusion === 'pass', `${v.documentNo} items`);
        assert.match(v.documentNo, v.conclusion === 'pass' ? /^J\d{4}-\d{4}-\d{6}$/ : /^T\d{4}-\d{4}-\d{6}$/);
        assert.equal(v.documentNo.slice(1, 5), v.verifiedOn.slice(0, 4));
        assert.equal(Number(v.documentNo.slice(6, 10)), v.institutionId);
        documentNos.add(v.documentNo);
        const expected = v.conclusion === 'pass' ? validUntil({ category, verifiedOn: v.verifiedOn, instrumentServiceLifeMonths: inst.serviceLifeMonths, serviceStartOn: inst.installedOn }) : null;
        assert.equal(v.validUntil, expected, v.documentNo);
        assert.equal(v.regulation, category.regulation);
        assert.ok(v.verifier && v.checker && v.approver && v.verifier !== v.checker);
        assert.ok(v.standards.length > 0 && v.environment.temperatureC !== undefined);
      }
      if (category.verificationMode === 'FIRST_ONLY_FIXED_LIFE') {
        assert.ok(inst.verifications.filter((v) => v.conclusion === 'pass').length <= 1, `fixed-life ${inst.id} verified once`);
      }
    }
    assert.equal(documentNos.size, city.instruments.reduce((n, i) => n + i.verifications.length, 0), 'document numbers are unique');
  });

  test('the city has overdue, due-soon, suspended, scrapped and never-verified instruments', { skip: dialect !== 'sqlite' }, () => {
    const states = city.instruments.map((i) => dueState(i.nextDueOn, TEST_TODAY, 30));
    const count = (p: (i: InstrumentDetail, k: number) => boolean) => city.instruments.filter(p).length;
    const overdue = states.filter((s) => s === 'overdue').length / size;
    assert.ok(overdue >= 0.04 && overdue <= 0.09, `overdue ${overdue}`);
    assert.ok(states.filter((s) => s === 'due_soon').length > 0.01 * size);
    assert.ok(count((i) => i.status === 'suspended' && i.suspensionReason === 'verification_failed') > 0);
    assert.ok(count((i) => i.status === 'suspended' && i.suspensionReason === 'owner_request') > 0);
    assert.ok(count((i) => i.status === 'scrapped') > 0);
    assert.ok(count((i) => i.verifications.length === 0) > 0);
    const all = city.instruments.flatMap((i) => i.verifications);
    const failures = all.filter((v) => v.conclusion === 'fail').length / all.length;
    assert.ok(failures >= 0.015 && failures <= 0.05, `failures ${failures}`);
    // Most failures are followed by a passing re-verification within weeks.
    const resolved = city.instruments.filter((i) => i.verifications.some((v, k) => v.conclusion === 'fail' && i.verifications[k + 1]?.conclusion === 'pass')).length;
    assert.ok(resolved > count((i) => i.lastConclusion === 'fail'));
    const categories = new Set(city.instruments.map((i) => i.categoryCode));
    for (const c of ['FUEL_DISPENSER', 'TAXI_METER', 'PRICE_SCALE', 'WATER_METER_DN25', 'GAS_METER_NG', 'ELECTRICITY_METER', 'SPHYGMOMANOMETER', 'PRESSURE_GAUGE', 'BREATH_ALCOHOL_TESTER', 'SOUND_LEVEL_METER', 'RADAR_SPEED_METER', 'EV_CHARGER_AC', 'CNG_DISPENSER']) {
      assert.ok(categories.has(c), c);
    }
  });

  test('a second ensure finds the city and writes nothing', async () => {
    const { accounts, certificates, ...again } = await ctx().demo.ensure({ instruments: size });
    assert.deepEqual(certificates, { issued: 0, amended: 0, revoked: 0 }, 'the certificates were made by the first ensure');
    assert.deepEqual(accounts.map((a) => a.username), DEMO_USERS.map((u) => u.username), 'one demo user per role, every one resolved');
    assert.deepEqual(again, { created: false, organizations: city.organizations.length, instruments: size, verifications: city.instruments.reduce((n, i) => n + i.verifications.length, 0) });
    assert.equal((await readCity(ctx())).fingerprint, city.fingerprint);
  });

  test('live verifications continue each institute’s document numbering', async () => {
    const inst = city.instruments.find((i) => i.status === 'in_use' && i.verifications.length > 0 && i.verifications.at(-1)!.verifiedOn.startsWith('2026'))!;
    const institutionId = inst.verifications.at(-1)!.institutionId;
    const used = city.instruments
      .flatMap((i) => i.verifications)
      .filter((v) => v.institutionId === institutionId && v.documentNo.startsWith('J2026-'))
      .map((v) => Number(v.documentNo.slice(-6)));
    const recorded = await ctx().verifications.record(SYSTEM, inst.id, {
      institutionId,
      verifiedOn: TEST_TODAY,
      verifier: '测试员',
      checker: '核验员',
      approver: '批准人',
      place: '实验室',
      environment: { temperatureC: 20 },
      standards: [{ name: '标准器' }],
      items: [{ name: '示值误差', error: 0.1, mpe: 1 }],
      adjusted: false,
      conclusion: 'pass',
    });
    assert.equal(Number(recorded.documentNo.slice(-6)), Math.max(...used) + 1);
  });

  if (dialect === 'postgres') {
    test('the repository path writes the same city as the SQLite fast path', async () => {
      const sqlite = await openTestContext('sqlite');
      try {
        await sqlite.demo.ensure({ instruments: size });
        const other = await readCity(sqlite);
        // Event ids differ (the portable path appends later events after the bulk insert); all else is equal.
        const withoutEventIds = (c: City) => ({ ...c, fingerprint: '', instruments: c.instruments.map((i) => ({ ...i, events: i.events.map(({ id: _id, ...e }) => e) })) });
        assert.deepEqual(withoutEventIds(other), withoutEventIds(city));
      } finally {
        await sqlite.close();
      }
    });
  }
});

test('the demo city is a pure function of date, seed and size', async () => {
  const contexts = [await openTestContext('sqlite'), await openTestContext('sqlite'), await openTestContext('sqlite')];
  try {
    const progress: [number, number][] = [];
    await contexts[0]!.demo.ensure({ instruments: 1500, onProgress: (done, total) => progress.push([done, total]) });
    await contexts[1]!.demo.ensure({ instruments: 1500 });
    await contexts[2]!.demo.ensure({ instruments: 1500, seed: 42 });
    const [a, b, c] = await Promise.all(contexts.map(readCity));
    assert.equal(a!.fingerprint, b!.fingerprint);
    assert.notEqual(a!.fingerprint, c!.fingerprint);
    assert.deepEqual(progress.at(-1), [1500, 1500]);
    assert.ok(progress.every(([done], k) => k === 0 || done >= progress[k - 1]![0]), 'progress only grows');
  } finally {
    for (const ctx of contexts) await ctx.close();
  }
});

test('a failure while writing leaves no half city behind', async () => {
  const ctx = await openTestContext('sqlite');
  try {
    const crash = new Error('crash while writing');
    await assert.rejects(
      ctx.demo.ensure({
        instruments: 800,
        onProgress: (done, total) => {
          if (done > total * 0.6) throw crash;
        },
      }),
      crash,
    );
    assert.equal((await ctx.organizations.list(SYSTEM, {})).total, 0);
    assert.equal((await ctx.instruments.list(SYSTEM, {})).total, 0);
    const summary = await ctx.demo.ensure({ instruments: 800 });
    assert.equal(summary.created, true);
    assert.equal(summary.instruments, 800);
  } finally {
    await ctx.close();
  }
});
