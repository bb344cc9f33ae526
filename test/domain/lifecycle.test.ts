import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEvent, deriveLifecycle, type LifecycleEvent } from '../../src/domain/registry/lifecycle.ts';

const on = '2026-01-01';
const registered: LifecycleEvent = { kind: 'registered', occurredOn: on };

test('registered → in use → suspended by a failed verification → in use after a pass → scrapped', () => {
  const history: LifecycleEvent[] = [registered, { kind: 'installed', occurredOn: on }];
  assert.deepEqual(deriveLifecycle(history), { status: 'in_use', suspensionReason: null });
  history.push({ kind: 'verified', occurredOn: on, conclusion: 'fail' });
  assert.deepEqual(deriveLifecycle(history), { status: 'suspended', suspensionReason: 'verification_failed' });
  history.push({ kind: 'verified', occurredOn: on, conclusion: 'pass' });
  assert.deepEqual(deriveLifecycle(history), { status: 'in_use', suspensionReason: null });
  history.push({ kind: 'scrapped', occurredOn: on });
  assert.deepEqual(deriveLifecycle(history), { status: 'scrapped', suspensionReason: null });
});

test('a failed verification cannot be lifted by a manual resume', () => {
  const suspended = deriveLifecycle([registered, { kind: 'verified', occurredOn: on, conclusion: 'fail' }]);
  assert.equal(applyEvent(suspended, { kind: 'resumed', occurredOn: on }), null);
});

test('an owner suspension is lifted by resume and not by a passing verification', () => {
  const suspended = deriveLifecycle([registered, { kind: 'installed', occurredOn: on }, { kind: 'suspended', occurredOn: on, reason: 'owner_request' }]);
  assert.deepEqual(applyEvent(suspended, { kind: 'resumed', occurredOn: on }), { status: 'in_use', suspensionReason: null });
  assert.deepEqual(applyEvent(suspended, { kind: 'verified', occurredOn: on, conclusion: 'pass' }), suspended);
});

test('nothing happens to a scrapped instrument, and installing twice is refused', () => {
  const scrapped = deriveLifecycle([registered, { kind: 'scrapped', occurredOn: on }]);
  for (const kind of ['installed', 'suspended', 'resumed', 'repaired', 'scrapped', 'verified'] as const) {
    assert.equal(applyEvent(scrapped, { kind, occurredOn: on, conclusion: 'pass' }), null, kind);
  }
  const inUse = deriveLifecycle([registered, { kind: 'installed', occurredOn: on }]);
  assert.equal(applyEvent(inUse, { kind: 'installed', occurredOn: on }), null);
});

test('a history must start with registration', () => {
  assert.throws(() => deriveLifecycle([]));
  assert.throws(() => deriveLifecycle([{ kind: 'installed', occurredOn: on }]));
});
