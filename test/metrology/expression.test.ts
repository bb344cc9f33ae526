// Model expression language: grammar, errors with positions, exact derivatives, batch compiler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MetrologyInputError } from '../../src/metrology/errors.ts';
import {
  compileBatch, directionalDerivative, evaluate, parseExpression, referencedNames,
} from '../../src/metrology/expression/index.ts';

const value = (source: string, vars: Record<string, number> = {}): number => evaluate(parseExpression(source), vars);

function problemsOf(fn: () => unknown): { pointer: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof MetrologyInputError, `expected MetrologyInputError, got ${String(error)}`);
    return error.problems;
  }
  assert.fail('expected an error');
}

test('precedence and associativity', () => {
  assert.equal(value('-x^2', { x: 3 }), -9); // ^ binds tighter than unary minus
  assert.equal(value('-2^2'), -4);
  assert.equal(value('(-2)^2'), 4);
  assert.equal(value('2^3^2'), 512); // right-associative
  assert.equal(value('2^-1'), 0.5);
  assert.equal(value('1 - 2 - 3'), -4);
  assert.equal(value('8 / 4 / 2'), 1);
  assert.equal(value('2 + 3 * 4 ^ 2'), 50);
  assert.equal(value('--3'), 3);
  assert.equal(value('+3 - -2'), 5);
  assert.equal(value('1e-6 * 2E+3 + .5 + 5.'), 5.502);
  assert.equal(value('2 \u2212 1'), 1); // Unicode minus
  assert.equal(value('pi'), Math.PI);
  // Object-prototype names are ordinary (unknown) names, never looked up on Object.prototype.
  assert.ok(Number.isNaN(value('__proto__ + constructor')));
});

test('functions', () => {
  const cases: [string, number][] = [
    ['sqrt(16)', 4], ['exp(0)', 1], ['log(exp(2))', 2], ['log10(1000)', 3], ['sin(0)', 0], ['cos(0)', 1],
    ['tan(0)', 0], ['asin(1)', Math.PI / 2], ['acos(1)', 0], ['atan(1)', Math.PI / 4], ['abs(-3)', 3],
  ];
  for (const [source, expected] of cases) assert.ok(Math.abs(value(source) - expected) < 1e-15, source);
  assert.deepEqual(referencedNames(parseExpression('a*b + sqrt(a) - c_1')), ['a', 'b', 'c_1']);
});

test('syntax errors say where and what', () => {
  const cases: [string, string][] = [
    ['', 'column 1: empty expression'],
    ['1 +', 'column 4: unexpected end of expression'],
    ['(1 + 2', "column 1: '(' is never closed"],
    ['1 + 2)', "column 6: unmatched ')'"],
    ['2x', "column 2: unexpected 'x' after number '2' (write 2*x, not 2x)"],
    ['1e', "column 1: malformed number '1e…'"],
    ['foo(1)', "column 1: unknown function 'foo'"],
    ['sqrt', "column 1: function 'sqrt' needs an argument"],
    ['sqrt(1, 2)', 'column 7: functions take exactly one argument'],
    ['a # b', "column 3: unexpected character '#'"],
    ['a b', "column 3: unexpected 'b'"],
    ['()', 'column 2: empty parentheses'],
    ['1e999', "column 1: number '1e999' is out of range"],
  ];
  for (const [source, message] of cases) {
    const [problem, ...rest] = problemsOf(() => parseExpression(source, { pointer: '/model' }));
    assert.equal(rest.length, 0);
    assert.equal(problem!.pointer, '/model');
    assert.ok(problem!.message.startsWith(message), `${JSON.stringify(source)}: ${problem!.message}`);
  }
});

test('every unknown name is reported with its column', () => {
  const problems = problemsOf(() => parseExpression('a + zz * b - q', { names: ['a', 'b'], pointer: '/model/R' }));
  assert.deepEqual(problems, [
    { pointer: '/model/R', code: 'not_in_list', message: "column 5: unknown name 'zz' (not an input)" },
    { pointer: '/model/R', code: 'not_in_list', message: "column 14: unknown name 'q' (not an input)" },
  ]);
});

test('deep nesting is refused, not a stack overflow', () => {
  const [problem] = problemsOf(() => parseExpression('('.repeat(1000) + '1' + ')'.repeat(1000)));
  assert.match(problem!.message, /nests deeper than/);
  assert.match(problemsOf(() => parseExpression('-'.repeat(1000) + '1'))[0]!.message, /nests deeper than/);
});

test('fuzz: arbitrary text parses or fails with MetrologyInputError only', () => {
  const alphabet = ['x', 'y', '1', '2.5', 'e', 'E', '-', '+', '*', '/', '^', '(', ')', ',', '.', ' ', 'sqrt', 'pi', 'log', '\u2212', '#', '1e-3'];
  const check = (source: string) => {
    try {
      const expr = parseExpression(source, { names: ['x', 'y'] });
      const v = evaluate(expr, { x: 0.7, y: 1.3 });
      assert.equal(typeof v, 'number');
    } catch (error) {
      assert.ok(error instanceof MetrologyInputError, `${JSON.stringify(source)} threw ${String(error)}`);
      assert.ok(error.problems.length > 0);
    }
  };
  fc.assert(fc.property(fc.string({ maxLength: 60 }), check), { numRuns: 2000 });
  fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((t) => t.join('')), check), { numRuns: 3000 });
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), check), { numRuns: 1000 });
});

// Reference derivatives from mpmath.diff at 30 digits of
// f(a, b) = -(a^2) + 512 + sqrt(b)·sin(a·b) − 1e-6/a + a^b at (1.3, 2.1).
test('hyper-dual derivatives are exact up to third order', () => {
  const f = parseExpression('-a^2 + 2^3^2 + sqrt(b)*sin(a*b) - 1e-6/a + a^b');
  const index = new Map([['a', 0], ['b', 1]]);
  const x = [1.3, 2.1];
  const ea = [1, 0];
  const eb = [0, 1];
  const near = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12 * Math.max(1, Math.abs(expected)), `${actual} vs ${expected}`);
  near(directionalDerivative(f, index, x, [ea, eb]), -1.50504840433484);
  near(directionalDerivative(f, index, x, [ea, eb, eb]), 2.87129467037658);
  // Every function's first three derivatives against closed forms at an interior point.
  const g = index;
  const at = [0.4, 0];
  const d = (source: string, k: number) => directionalDerivative(parseExpression(source), g, at, Array.from({ length: k }, () => ea));
  const t = 0.4;
  const checks: [string, number[]][] = [
    ['sqrt(a)', [0.5 * t ** -0.5, -0.25 * t ** -1.5, 0.375 * t ** -2.5]],
    ['exp(a)', [Math.exp(t), Math.exp(t), Math.exp(t)]],
    ['log(a)', [1 / t, -1 / t ** 2, 2 / t ** 3]],
    ['log10(a)', [1 / (t * Math.LN10), -1 / (t ** 2 * Math.LN10), 2 / (t ** 3 * Math.LN10)]],
    ['sin(a)', [Math.cos(t), -Math.sin(t), -Math.cos(t)]],
    ['cos(a)', [-Math.sin(t), -Math.cos(t), Math.sin(t)]],
    ['tan(a)', [1 / Math.cos(t) ** 2, 2 * Math.tan(t) / Math.cos(t) ** 2, (4 * Math.sin(t) ** 2 + 2) / Math.cos(t) ** 4]],
    ['asin(a)', [(1 - t * t) ** -0.5, t * (1 - t * t) ** -1.5, (1 + 2 * t * t) * (1 - t * t) ** -2.5]],
    ['acos(a)', [-((1 - t * t) ** -0.5), -t * (1 - t * t) ** -1.5, -(1 + 2 * t * t) * (1 - t * t) ** -2.5]],
    ['atan(a)', [1 / (1 + t * t), -2 * t / (1 + t * t) ** 2, (6 * t * t - 2) / (1 + t * t) ** 3]],
    ['abs(-a)', [1, 0, 0]],
    ['a^3', [3 * t * t, 6 * t, 6]],
    ['2^a', [Math.LN2 * 2 ** t, Math.LN2 ** 2 * 2 ** t, Math.LN2 ** 3 * 2 ** t]],
    ['a^a', [t ** t * (Math.log(t) + 1), t ** t * ((Math.log(t) + 1) ** 2 + 1 / t), t ** t * ((Math.log(t) + 1) ** 3 + 3 * (Math.log(t) + 1) / t - 1 / t ** 2)]],
    ['1/a', [-1 / t ** 2, 2 / t ** 3, -6 / t ** 4]],
  ];
  for (const [source, expected] of checks) {
    expected.forEach((e, k) => near(d(source, k + 1), e));
  }
  // x² at 0: third derivative is exactly 0, not 0·∞.
  assert.equal(directionalDerivative(parseExpression('a^2'), g, [0, 0], [ea, ea, ea]), 0);
});

test('compiled batches agree with scalar evaluation', () => {
  const sources = [
    'a + b*c - a/b', '-a^2 + 2^3^2', 'sqrt(abs(a))*exp(-b) + log(c^2 + 1)', 'a^b', '2^a - a^0.5 + a^3 - 3/c',
    'sin(a)*cos(b) + tan(c/10) + atan(a) + log10(c^2 + 2)', 'asin(a/10) + acos(b/10)', '3*pi', '-(a) - (-b)',
  ];
  const names = ['a', 'b', 'c'];
  const n = 37;
  fc.assert(fc.property(
    fc.array(fc.double({ min: 0.1, max: 9, noNaN: true }), { minLength: 3 * n, maxLength: 3 * n }),
    (xs) => {
      const inputs = names.map((_, k) => Float64Array.from(xs.slice(k * n, (k + 1) * n)));
      for (const source of sources) {
        const expr = parseExpression(source);
        const batch = compileBatch(expr, names, 64).evaluate(inputs, n);
        for (let i = 0; i < n; i++) {
          const scalar = evaluate(expr, { a: inputs[0]![i]!, b: inputs[1]![i]!, c: inputs[2]![i]! });
          // Fast paths (x^2 → x·x, x^0.5 → sqrt) may differ from Math.pow in the last bit.
          assert.ok(Object.is(batch[i], scalar) || Math.abs(batch[i]! - scalar) <= 1e-13 * Math.max(1, Math.abs(scalar)), `${source}: ${batch[i]} vs ${scalar}`);
        }
      }
    },
  ), { numRuns: 50 });
});
