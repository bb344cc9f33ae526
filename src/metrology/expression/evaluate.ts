// One tree walk, many number systems: plain numbers for estimates, hyper-dual numbers for exact
// derivatives. Each system supplies the operations as an Algebra.

import type { Expr, FunctionName } from './ast.ts';
import { FUNCTION_VALUES } from './functions.ts';

export interface Algebra<T> {
  constant(value: number): T;
  variable(name: string): T;
  negate(a: T): T;
  add(a: T, b: T): T;
  subtract(a: T, b: T): T;
  multiply(a: T, b: T): T;
  divide(a: T, b: T): T;
  power(a: T, b: T): T;
  call(fn: FunctionName, a: T): T;
}

export function evaluateWith<T>(expr: Expr, algebra: Algebra<T>): T {
  switch (expr.kind) {
    case 'number': return algebra.constant(expr.value);
    case 'name': return algebra.variable(expr.name);
    case 'negate': return algebra.negate(evaluateWith(expr.arg, algebra));
    case 'call': return algebra.call(expr.fn, evaluateWith(expr.arg, algebra));
    case 'binary': {
      const a = evaluateWith(expr.left, algebra);
      const b = evaluateWith(expr.right, algebra);
      switch (expr.op) {
        case '+': return algebra.add(a, b);
        case '-': return algebra.subtract(a, b);
        case '*': return algebra.multiply(a, b);
        case '/': return algebra.divide(a, b);
        case '^': return algebra.power(a, b);
      }
    }
  }
}

/** Evaluates with plain numbers; names missing from `values` evaluate to NaN. */
export function evaluate(expr: Expr, values: Readonly<Record<string, number>> | ReadonlyMap<string, number>): number {
  const lookup = values instanceof Map
    ? (name: string) => values.get(name) ?? NaN
    : (name: string) => (Object.hasOwn(values, name) ? (values as Record<string, number>)[name]! : NaN);
  return evaluateWith<number>(expr, {
    constant: (v) => v,
    variable: lookup,
    negate: (a) => -a,
    add: (a, b) => a + b,
    subtract: (a, b) => a - b,
    multiply: (a, b) => a * b,
    divide: (a, b) => a / b,
    power: (a, b) => Math.pow(a, b),
    call: (fn, a) => FUNCTION_VALUES[fn](a),
  });
}
