// Number display for metrology results: uncertainties to a few significant digits, estimates to
// the decimal place their uncertainty supports, probabilities and percentages.
import { estimate, sig } from '../../../src/domain/common/significant-digits.ts';

export { estimate, sig };

/** Degrees of freedom: ∞ for null (the API's infinity). */
export function dof(value: number | null | undefined): string {
  return value === null || value === undefined ? '∞' : sig(value, 4);
}

export function percent(value: number | null | undefined, decimals = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(decimals)}%`;
}

/** Probability in [0, 1] with `digits` significant digits (e.g. 0.9772, 0.0005204). */
export function probability(value: number | null | undefined, digits = 4): string {
  return sig(value, digits);
}

/** Parses a number typed by the user: blank → undefined; not a number → the raw text (the server names it). */
export function parseNumberText(text: string | undefined): number | string | undefined {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

/** Numbers separated by spaces, commas, tabs or semicolons (pasted from a spreadsheet). */
export function parseNumberList(text: string): number[] {
  return text
    .split(/[\s,;，；]+/)
    .filter((part) => part !== '')
    .map(Number);
}
