// Law of propagation of uncertainty (JCGM 100 5.1.2, 5.2.2; JCGM 102 §6 for several outputs)
// with exact derivatives from hyper-dual automatic differentiation.
//
// First order:  cov(y_a, y_b) = g_aᵀ Σ g_b, Σ = D R D the input covariance.
// Second order (optional): the JCGM 100 5.1.2 note adds, for uncorrelated inputs,
//   ½ ΣΣ (∂²f/∂x_i∂x_j)² u²(x_i)u²(x_j) + ΣΣ ∂f/∂x_i ∂³f/∂x_i∂x_j² u²(x_i)u²(x_j).
// These are the exact fourth-order moments of a Gaussian input vector, so we write them in the
// covariance form that reduces to the note when Σ is diagonal and stays right when it is not:
//   + ½ tr(H_a Σ H_b Σ) + ½ (g_aᵀ Σ T_b + g_bᵀ Σ T_a),  T_j = Σ_kl ∂³f/∂x_j∂x_k∂x_l Σ_kl.
// T is computed as Σ_m D³f[e_j, L_m, L_m] over the columns L_m of a factor L Lᵀ = Σ.

import { MetrologyInputError, pointer } from '../errors.ts';
import { directionalDerivative, evaluate } from '../expression/index.ts';
import { semidefiniteFactor } from '../stats/index.ts';
import type { ModelInput, ModelOutput } from './input.ts';

export interface Propagation {
  /** y_a = f_a(x) for each output. */
  readonly values: number[];
  /** Sensitivity coefficients c_ai = ∂f_a/∂x_i (JCGM 100 5.1.3). */
  readonly sensitivities: number[][];
  /** First-order covariance matrix of the outputs. */
  readonly firstOrder: number[][];
  /** Covariance including second-order terms (equal to firstOrder when order = 1). */
  readonly covariance: number[][];
  /** Input covariance matrix Σ. */
  readonly inputCovariance: number[][];
}

function unit(n: number, i: number): Float64Array {
  const e = new Float64Array(n);
  e[i] = 1;
  return e;
}

function outputPointer(model: ModelInput, output: ModelOutput): string {
  return model.outputs.length === 1 && output.name === 'y' ? '/model' : pointer('model', output.name);
}

function requireFinite(x: number, model: ModelInput, output: ModelOutput, what: string): number {
  if (!Number.isFinite(x)) {
    throw new MetrologyInputError([{
      pointer: outputPointer(model, output),
      code: 'invalid_value', message: `${what} is ${x} at the input estimates; the model is undefined or not differentiable there (try Monte Carlo)`,
    }]);
  }
  return x;
}

export function propagate(model: ModelInput): Propagation {
  const n = model.inputs.length;
  const x = model.inputs.map((i) => i.value);
  const u = model.inputs.map((i) => i.u);
  const sigma = model.correlation.map((row, i) => row.map((r, j) => r * u[i]! * u[j]!));
  const { index } = model;
  const values = new Map(model.inputs.map((i) => [i.name, i.value]));

  const perOutput = model.outputs.map((output) => {
    const value = requireFinite(evaluate(output.expr, values), model, output, 'the model value');
    const g = model.inputs.map((input, i) => requireFinite(
      directionalDerivative(output.expr, index, x, [unit(n, i)]), model, output, `the sensitivity to '${input.name}'`,
    ));
    if (model.order === 1) return { value, g };
    const hessian = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        if (u[i] === 0 || u[j] === 0) continue; // multiplied by zero variance below
        const h = requireFinite(directionalDerivative(output.expr, index, x, [unit(n, i), unit(n, j)]), model, output, 'a second derivative');
        hessian[i]![j] = h;
        hessian[j]![i] = h;
      }
    }
    const factor = model.correlated ? semidefiniteFactor(sigma) : u.map((ui, i) => u.map((_, j) => (i === j ? ui : 0)));
    const columns = Array.from({ length: n }, (_, m) => Float64Array.from(factor, (row) => row[m]!))
      .filter((col) => col.some((v) => v !== 0));
    const third = Array.from({ length: n }, (_, j) => {
      if (u[j] === 0 && !model.correlated) return 0;
      let sum = 0;
      for (const col of columns) sum += directionalDerivative(output.expr, index, x, [unit(n, j), col, col]);
      return requireFinite(sum, model, output, 'a third derivative');
    });
    return { value, g, hessian, third };
  });

  const quad = (a: readonly number[], b: readonly number[]): number => {
    let s = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s += a[i]! * sigma[i]![j]! * b[j]!;
    return s;
  };
  const m = perOutput.length;
  const firstOrder = Array.from({ length: m }, (_, a) => Array.from({ length: m }, (_, b) => quad(perOutput[a]!.g, perOutput[b]!.g)));
  const covariance = firstOrder.map((row) => [...row]);
  if (model.order === 2) {
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        const A = perOutput[a]!;
        const B = perOutput[b]!;
        covariance[a]![b] = covariance[a]![b]! +
          0.5 * traceProduct(A.hessian!, sigma, B.hessian!, sigma) +
          0.5 * (quad(A.g, B.third!) + quad(B.g, A.third!));
      }
    }
  }
  return {
    values: perOutput.map((o) => o.value),
    sensitivities: perOutput.map((o) => o.g),
    firstOrder,
    covariance,
    inputCovariance: sigma,
  };
}

/** tr(A S B S) for n×n matrices. */
function traceProduct(A: number[][], S: number[][], B: number[][], T: number[][]): number {
  const n = A.length;
  const mul = (X: number[][], Y: number[][]): number[][] =>
    X.map((row) => Array.from({ length: n }, (_, j) => row.reduce((s, v, k) => s + v * Y[k]![j]!, 0)));
  const left = mul(A, S);
  const right = mul(B, T);
  let trace = 0;
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) trace += left[i]![k]! * right[k]![i]!;
  return trace;
}
