import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dueState, nextDueOn } from '../../src/domain/verification/due-state.ts';
import { validUntil } from '../../src/domain/verification/validity.ts';
import { formatDocumentNo } from '../../src/domain/verification/document-number.ts';
import { impliedConclusion, itemPasses } from '../../src/domain/verification/types.ts';

const periodic = { verificationMode: 'PERIODIC', cycleMonths: 6, serviceLifeMonths: null } as const;
const fixedLife = { verificationMode: 'FIRST_ONLY_FIXED_LIFE', cycleMonths: null, serviceLifeMonths: 72 } as const;
const scrapWhenInaccurate = { verificationMode: 'FIRST_ONLY_SCRAP', cycleMonths: null, serviceLifeMonths: null } as const;

test('a periodic cycle ends the day before the same date N months later', () => {
  assert.equal(validUntil({ category: periodic, verifiedOn: '2026-06-01', instrumentServiceLifeMonths: null, serviceStartOn: null }), '2026-11-30');
});

test('fixed service life runs from installation; the instrument may override the category', () => {
  assert.equal(validUntil({ category: fixedLife, verifiedOn: '2024-05-01', instrumentServiceLifeMonths: null, serviceStartOn: '2024-04-01' }), '2030-03-31');
  assert.equal(validUntil({ category: fixedLife, verifiedOn: '2024-05-01', instrumentServiceLifeMonths: 48, serviceStartOn: null }), '2028-04-30');
});

test('first-verification-only instruments scrapped when inaccurate never expire', () => {
  assert.equal(validUntil({ category: scrapWhenInaccurate, verifiedOn: '2024-05-01', instrumentServiceLifeMonths: null, serviceStartOn: null }), null);
});

test('next due: at registration when never verified, at the failure when failed, at valid-until when passed, none when scrapped', () => {
  assert.equal(nextDueOn('registered', '2026-01-05', []), '2026-01-05');
  assert.equal(nextDueOn('suspended', '2026-01-05', [{ verifiedOn: '2026-02-01', conclusion: 'fail', validUntil: null }]), '2026-02-01');
  assert.equal(nextDueOn('in_use', '2026-01-05', [{ verifiedOn: '2026-02-01', conclusion: 'fail', validUntil: null }, { verifiedOn: '2026-02-10', conclusion: 'pass', validUntil: '2026-08-09' }]), '2026-08-09');
  assert.equal(nextDueOn('scrapped', '2026-01-05', [{ verifiedOn: '2026-02-10', conclusion: 'pass', validUntil: '2026-08-09' }]), null);
});

test('due state boundaries: overdue after the due date, due soon within the window inclusive', () => {
  const today = '2026-11-27';
  assert.equal(dueState('2026-11-26', today, 30), 'overdue');
  assert.equal(dueState('2026-11-27', today, 30), 'due_soon');
  assert.equal(dueState('2026-12-27', today, 30), 'due_soon');
  assert.equal(dueState('2026-12-28', today, 30), 'valid');
  assert.equal(dueState(null, today, 30), 'not_applicable');
  assert.equal(dueState('2026-11-28', today, 0), 'valid');
});

test('items pass within their MPE, bounds inclusive, symmetric or not', () => {
  assert.equal(itemPasses({ name: 'a', error: 5, mpe: 5 }), true);
  assert.equal(itemPasses({ name: 'a', error: -5.01, mpe: 5 }), false);
  assert.equal(itemPasses({ name: 'taxi', error: -4, mpe: { lower: -4, upper: 1 } }), true);
  assert.equal(itemPasses({ name: 'taxi', error: 1.5, mpe: { lower: -4, upper: 1 } }), false);
  assert.equal(impliedConclusion([{ name: 'a', error: 0, mpe: 1 }, { name: 'b', error: 2, mpe: 1 }]), 'fail');
});

test('document numbers are per kind, institution and year', () => {
  assert.equal(formatDocumentNo('certificate', 7, 2026, 123), 'J2026-0007-000123');
  assert.equal(formatDocumentNo('result_notice', 12, 2025, 1), 'T2025-0012-000001');
});
