// Compiles an expression once into a tree of closures that evaluate it over whole Float64Array
// batches (one tight loop per node), so Monte Carlo never interprets the tree per trial.
// Constant subtrees are folded; an operation with one constant operand gets its own loop.
// Each loop is a separate function literal so V8 keeps every one monomorphic.

import type { BinaryOperator, Expr, FunctionName } from './ast.ts';
import { FUNCTION_VALUES } from './functions.ts';

/** A compiled node: a folded constant, or a function filling (or returning) a batch. */
type Node = { readonly constant: number } | { readonly run: (n: number) => Float64Array };

export interface BatchModel {
  /** Evaluates the model on the first n entries of the input arrays (ordered as `names`). */
  evaluate(inputs: readonly Float64Array[], n: number): Float64Array;
}

type Loop = (out: Float64Array, a: Float64Array, b: Float64Array, n: number) => void;
type LoopC = (out: Float64Array, a: Float64Array, c: number, n: number) => void;

const ARRAY_ARRAY: Record<BinaryOperator, Loop> = {
  '+': (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! + b[i]!; },
  '-': (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! - b[i]!; },
  '*': (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! * b[i]!; },
  '/': (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! / b[i]!; },
  '^': (o, a, b, n) => { for (let i = 0; i < n; i++) o[i] = Math.pow(a[i]!, b[i]!); },
};

/** array op constant */
const ARRAY_CONST: Record<BinaryOperator, LoopC> = {
  '+': (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! + c; },
  '-': (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! - c; },
  '*': (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! * c; },
  '/': (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = a[i]! / c; },
  '^': (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = Math.pow(a[i]!, c); },
};

/** constant op array */
const CONST_ARRAY: Record<BinaryOperator, LoopC> = {
  '+': (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = c + a[i]!; },
  '-': (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = c - a[i]!; },
  '*': (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = c * a[i]!; },
  '/': (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = c / a[i]!; },
  '^': (o, a, c, n) => { for (let i = 0; i < n; i++) o[i] = Math.pow(c, a[i]!); },
};

type Unary = (out: Float64Array, a: Float64Array, n: number) => void;

const SQUARE: Unary = (o, a, n) => { for (let i = 0; i < n; i++) { const v = a[i]!; o[i] = v * v; } };
const CUBE: Unary = (o, a, n) => { for (let i = 0; i < n; i++) { const v = a[i]!; o[i] = v * v * v; } };
const NEGATE: Unary = (o, a, n) => { for (let i = 0; i < n; i++) o[i] = -a[i]!; };

const FUNCTIONS: Record<FunctionName, Unary> = {
  sqrt: (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.sqrt(a[i]!); },
  exp: (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.exp(a[i]!); },
  log: (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.log(a[i]!); },
  log10: (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.log10(a[i]!); },
  sin: (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.sin(a[i]!); },
  cos: (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.cos(a[i]!); },
  tan: (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.tan(a[i]!); },
  asin: (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.asin(a[i]!); },
  acos: (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.acos(a[i]!); },
  atan: (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.atan(a[i]!); },
  abs: (o, a, n) => { for (let i = 0; i < n; i++) o[i] = Math.abs(a[i]!); },
};

function scalar(op: BinaryOperator, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '^': return Math.pow(a, b);
  }
}

/**
 * @param names   input names; `evaluate` receives one array per name in this order
 * @param capacity the largest n that will be passed to `evaluate`
 */
export function compileBatch(expr: Expr, names: readonly string[], capacity: number): BatchModel {
  const position = new Map(names.map((name, i) => [name, i]));
  const context: { inputs: readonly Float64Array[] } = { inputs: [] };

  const unary = (arg: Node, loop: Unary, fold: (v: number) => number): Node => {
    if ('constant' in arg) return { constant: fold(arg.constant) };
    const out = new Float64Array(capacity);
    const run = arg.run;
    return { run: (n) => { loop(out, run(n), n); return out; } };
  };

  const compile = (e: Expr): Node => {
    switch (e.kind) {
      case 'number': return { constant: e.value };
      case 'name': {
        const i = position.get(e.name);
        if (i === undefined) throw new RangeError(`unknown input '${e.name}'`);
        return { run: () => context.inputs[i]! };
      }
      case 'negate': return unary(compile(e.arg), NEGATE, (v) => -v);
      case 'call': return unary(compile(e.arg), FUNCTIONS[e.fn], FUNCTION_VALUES[e.fn]);
      case 'binary': {
        const left = compile(e.left);
        const right = compile(e.right);
        const op = e.op;
        if ('constant' in left && 'constant' in right) return { constant: scalar(op, left.constant, right.constant) };
        if ('constant' in right && 'run' in left) {
          const c = right.constant;
          if (op === '^' && c === 2) return unary(left, SQUARE, (v) => v * v);
          if (op === '^' && c === 3) return unary(left, CUBE, (v) => v * v * v);
          if (op === '^' && c === 0.5) return unary(left, FUNCTIONS.sqrt, Math.sqrt);
          const out = new Float64Array(capacity);
          const loop = ARRAY_CONST[op];
          const run = left.run;
          return { run: (n) => { loop(out, run(n), c, n); return out; } };
        }
        if ('constant' in left && 'run' in right) {
          const c = left.constant;
          const out = new Float64Array(capacity);
          const loop = CONST_ARRAY[op];
          const run = right.run;
          return { run: (n) => { loop(out, run(n), c, n); return out; } };
        }
        if (!('run' in left && 'run' in right)) throw new Error('unreachable');
        const out = new Float64Array(capacity);
        const loop = ARRAY_ARRAY[op];
        const runLeft = left.run;
        const runRight = right.run;
        return { run: (n) => { loop(out, runLeft(n), runRight(n), n); return out; } };
      }
    }
  };

  const root = compile(expr);
  if ('constant' in root) {
    const out = new Float64Array(capacity).fill(root.constant);
    return { evaluate: () => out };
  }
  const run = root.run;
  return {
    evaluate(inputs, n) {
      if (n > capacity) throw new RangeError(`batch of ${n} exceeds capacity ${capacity}`);
      context.inputs = inputs;
      return run(n);
    },
  };
}
