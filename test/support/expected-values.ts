// Compares a result with a reference case's `expected`: `[value, tolerance]` means within the
// absolute tolerance, a bare value must match exactly, objects and arrays recurse.
import assert from 'node:assert/strict';

function isTolerance(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number';
}

export function assertMatchesExpected(actual: unknown, expected: unknown, path = ''): void {
  if (isTolerance(expected)) {
    assert.equal(typeof actual, 'number', `${path}: expected a number, got ${JSON.stringify(actual)}`);
    const [value, tolerance] = expected;
    assert.ok(Math.abs((actual as number) - value) <= tolerance, `${path}: ${actual} is not within ${tolerance} of ${value}`);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual) && actual.length === expected.length, `${path}: expected ${expected.length} items, got ${JSON.stringify(actual)}`);
    expected.forEach((e, i) => assertMatchesExpected((actual as unknown[])[i], e, `${path}/${i}`));
  } else if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${path}: expected an object, got ${JSON.stringify(actual)}`);
    for (const [key, e] of Object.entries(expected)) assertMatchesExpected((actual as Record<string, unknown>)[key], e, `${path}/${key}`);
  } else {
    assert.deepEqual(actual, expected, path);
  }
}
