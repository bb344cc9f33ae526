// Monte Carlo trials/s on the GUM H.1 model (10^6 trials): the full engine (runMcm: parse, draw,
// compiled model, coverage intervals, GUM validation) against the same draws with the model as a
// hand-written Float64Array loop, measured in the same run. Also numpy, when a python3 with numpy
// is on the PATH (the same model and distribution families, vectorized).
import { spawnSync } from 'node:child_process';
import { runH1HandWritten, runH1MonteCarlo } from '../src/metrology/mcm/index.ts';

const TRIALS = Number(process.env.BENCH_MCM_TRIALS ?? 1_000_000);
const REPEATS = 5;

function medianMs(fn: () => void): number {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(REPEATS / 2)]!;
}

const NUMPY_SCRIPT = `
import sys, time
import numpy as np
n = int(sys.argv[1])
def run(seed):
    g = np.random.default_rng(seed)
    ls = 50000623.6 + 25 * g.standard_t(18, n)
    dbar = 215 + 5.8 * g.standard_t(24, n)
    d1 = 3.9 * g.standard_t(5, n)
    d2 = 6.7 * g.standard_t(8, n)
    a_s = 1.15e-5 + g.uniform(-2e-6, 2e-6, n)
    # curvilinear trapezoids (JCGM 101 6.4.3) for the rectangular inputs with finite dof
    def trapezoid(a, dof):
        d = a / np.sqrt(2 * dof)
        half = a + (2 * g.random(n) - 1) * d
        return half * (2 * g.random(n) - 1)
    da = trapezoid(1e-6, 50)
    tb = -0.1 + 0.2 * g.standard_normal(n)
    dl = 0.5 * np.sin(2 * np.pi * g.random(n))
    dt = trapezoid(0.05, 2)
    y = ls + dbar + d1 + d2 - ls * (da * (tb + dl) + a_s * dt)
    y.sort()
    q = int(round(0.005 * n))
    return y.mean(), y.std(ddof=1), y[q], y[n - q - 1]
run(1)
times = []
for i in range(5):
    t = time.perf_counter(); r = run(i + 2); times.append(time.perf_counter() - t)
times.sort()
print(f"{times[2] * 1000:.1f} {r[1]:.2f}")
`;

function numpyMs(): { ms: number; u: number } | null {
  const result = spawnSync('python3', ['-c', NUMPY_SCRIPT, String(TRIALS)], { encoding: 'utf8' });
  if (result.status !== 0) return null;
  const [ms, u] = result.stdout.trim().split(' ').map(Number);
  return { ms: ms!, u: u! };
}

export function benchMonteCarlo(): Record<string, string | number>[] {
  const engine = medianMs(() => runH1MonteCarlo(TRIALS, 1));
  const hand = medianMs(() => runH1HandWritten(TRIALS, 1));
  const numpy = numpyMs();
  const rate = (ms: number) => Math.round(TRIALS / (ms / 1000));
  const rows: Record<string, string | number>[] = [
    { what: 'runMcm (full engine)', 'ms / 10^6': engine.toFixed(0), 'trials/s': rate(engine), ratio: (hand / engine).toFixed(2) },
    { what: 'hand-written Float64Array loop', 'ms / 10^6': hand.toFixed(0), 'trials/s': rate(hand), ratio: '1.00' },
  ];
  if (numpy) rows.push({ what: `numpy (u = ${numpy.u})`, 'ms / 10^6': numpy.ms.toFixed(0), 'trials/s': rate(numpy.ms), ratio: (hand / numpy.ms).toFixed(2) });
  else rows.push({ what: 'numpy', 'ms / 10^6': 'not installed', 'trials/s': '-', ratio: '-' });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`Monte Carlo, GUM H.1 model, ${TRIALS.toLocaleString('en-US')} trials, median of ${REPEATS} (ratio = hand-written time ÷ this time)`);
  console.table(benchMonteCarlo());
}
