// How numbers read in a metrology report. sig and estimate are the web pages' own
// (domain/common/significant-digits.ts), so a figure in the PDF is the figure on the screen;
// probabilities to four significant digits, given input values with at most 12.
import { estimate, sig } from '../../domain/common/significant-digits.ts';
import { formatNumber } from '../certificates/certificate-text.ts';

export { estimate, sig };

/** An interval of estimates: "[lo, hi]". */
export function interval(bounds: readonly [number, number] | readonly number[], u: number | null | undefined): string {
  return `[${estimate(bounds[0], u)}, ${estimate(bounds[1], u)}]`;
}

/** Degrees of freedom: ∞ for null (the engine's infinity). */
export function dof(value: number | null | undefined): string {
  return value === null || value === undefined || value === Infinity ? '∞' : sig(value, 4);
}

/** A percentage already scaled to 0…100: "62.34 %". */
export function percent(value: number | null | undefined, decimals = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(decimals)} %`;
}

/** A probability in [0, 1] with four significant digits (0.9772, 0.02275). */
export function probability(value: number | null | undefined): string {
  return sig(value, 4);
}

/** A value as the user gave it (at most 12 significant digits); "—" when absent. */
export function given(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatNumber(value);
}

/** Tick positions on [lo, hi]: about `count` round steps (1, 2, 2.5 or 5 × 10^n). */
export function ticks(lo: number, hi: number, count = 5): { values: number[]; step: number } {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return { values: [lo], step: 0 };
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const values: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) values.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return { values, step };
}

/** A tick label with just the decimals its step needs. */
export function tickLabel(value: number, step: number): string {
  if (!(step > 0)) return sig(value, 4);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (step / 10 ** Math.floor(Math.log10(step)) === 2.5 ? 1 : 0));
  if (decimals > 12 || Math.abs(value) >= 1e15) return value.toPrecision(4);
  return value.toFixed(decimals);
}
