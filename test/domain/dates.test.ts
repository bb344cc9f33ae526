import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, addMonths, daysBetween, isIsoDate, shanghaiDate } from '../../src/domain/common/dates.ts';

test('adds months clamping to the last day of the month', () => {
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(addMonths('2023-01-31', 1), '2023-02-28');
  assert.equal(addMonths('2026-06-01', 6), '2026-12-01');
  assert.equal(addMonths('2026-11-30', 3), '2027-02-28');
  assert.equal(addMonths('2026-03-15', -12), '2025-03-15');
});

test('adds days across years and counts days between dates', () => {
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  assert.equal(daysBetween('2026-11-27', '2026-12-27'), 30);
});

test('validates ISO calendar dates', () => {
  assert.equal(isIsoDate('2024-02-29'), true);
  assert.equal(isIsoDate('2023-02-29'), false);
  assert.equal(isIsoDate('2026-13-01'), false);
  assert.equal(isIsoDate('2026-1-01'), false);
});

test('today is the civil date in Asia/Shanghai', () => {
  assert.equal(shanghaiDate(new Date('2026-11-27T15:59:59Z')), '2026-11-27');
  assert.equal(shanghaiDate(new Date('2026-11-27T16:00:00Z')), '2026-11-28');
});
