// Gauge R&R by the average-and-range method, AIAG MSA 4th ed. Chapter III Section B
// (Gage Repeatability and Reproducibility Report): EV = R̄·K1, AV = √((X̄diff·K2)² − EV²/(n·r)),
// PV = Rp·K3. The method cannot separate an appraiser-by-part interaction (reported as 0).
import { k1, k2, k3 } from './grr-constants.ts';
import type { GrrInput } from './grr-input.ts';

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

export interface GrrComponents {
  readonly ev: number;
  readonly av: number;
  readonly interaction: number;
  readonly pv: number;
}

export function averageAndRange(data: GrrInput['data']): GrrComponents {
  const appraisers = data.length;
  const trials = data[0]!.length;
  const parts = data[0]![0]!.length;
  const cell = (a: number, t: number, p: number): number => data[a]![t]![p]!;

  // R̄: mean over appraisers and parts of the range across trials.
  const ranges: number[] = [];
  for (let a = 0; a < appraisers; a++) {
    for (let p = 0; p < parts; p++) {
      const values = Array.from({ length: trials }, (_, t) => cell(a, t, p));
      ranges.push(Math.max(...values) - Math.min(...values));
    }
  }
  const rBar = mean(ranges);

  // X̄diff: range of the appraiser averages.
  const appraiserMeans = data.map((appraiser) => mean(appraiser.flat()));
  const xDiff = Math.max(...appraiserMeans) - Math.min(...appraiserMeans);

  // Rp: range of the part averages (over all appraisers and trials).
  const partMeans = Array.from({ length: parts }, (_, p) =>
    mean(data.flatMap((appraiser) => appraiser.map((trial) => trial[p]!))),
  );
  const rp = Math.max(...partMeans) - Math.min(...partMeans);

  const ev = rBar * k1(trials);
  const av2 = (xDiff * k2(appraisers)) ** 2 - ev ** 2 / (parts * trials);
  return { ev, av: av2 > 0 ? Math.sqrt(av2) : 0, interaction: 0, pv: rp * k3(parts) };
}
